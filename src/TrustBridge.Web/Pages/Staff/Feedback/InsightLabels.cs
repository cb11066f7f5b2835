using System.Globalization;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>The Chinese labels of the feedback codes used by the analytics and praise pages; the page passes them through the localizer.</summary>
public static class InsightLabels
{
    public static string Type(string code) => code switch
    {
        "complaint" => "投诉", "suggestion" => "建议", "praise" => "表扬", "consultation" => "咨询", _ => code,
    };

    public static string Category(string code) => code switch
    {
        "attitude" => "服务态度", "communication" => "沟通与告知", "treatment" => "诊疗质量", "cost" => "费用",
        "process" => "流程与等候", "environment" => "环境与设施", "privacy" => "隐私与权益", "ethics" => "医德医风", _ => code,
    };

    public static string Risk(string code) => code switch { "high" => "高危", "medium" => "中危", "low" => "低危", _ => code };

    public static string Channel(string code) => code switch
    {
        "web" => "网页表单", "qr" => "科室二维码", "phone" => "电话", "letter" => "来信", "visit" => "来访",
        "mailbox" => "意见箱", "symposium" => "座谈会", "survey" => "调查问卷", "followup" => "随访", "api" => "接口", _ => code,
    };

    public static string Percent(double? v) => v is { } x ? (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Days(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Rating(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
