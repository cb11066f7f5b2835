using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Staff.Surveys.Instruments;

/// <summary>The Chinese words (localizer keys) of instrument statuses and item scales.</summary>
public static class InstrumentLabels
{
    public static string Status(string status) => status switch
    {
        InstrumentStatuses.Draft => "草稿",
        InstrumentStatuses.Published => "已发布",
        InstrumentStatuses.Retired => "已停用",
        _ => status,
    };

    public static string StatusBadge(string status) => status switch
    {
        InstrumentStatuses.Draft => "text-bg-warning",
        InstrumentStatuses.Published => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string Scale(string scale) => scale switch
    {
        ItemScales.Likert5 => "五级同意度（1–5）",
        ItemScales.Nps11 => "推荐意愿（0–10）",
        ItemScales.Rating11 => "评分（0–10）",
        ItemScales.YesNo => "是 / 否",
        ItemScales.Text => "文字",
        _ => scale,
    };

    /// <summary>The five answers of a likert5 item as the patient sees them.</summary>
    public static readonly string[] Likert5 = ["完全不同意", "不同意", "一般", "同意", "完全同意"];
}
