using TrustBridge.Core.Triage;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>The Chinese labels of the stored codes of a feedback case; the pages pass them through the localizer.</summary>
public static class FeedbackLabels
{
    public static string Type(string? t) => t switch
    {
        FeedbackTypes.Complaint => "投诉",
        FeedbackTypes.Suggestion => "建议",
        FeedbackTypes.Praise => "表扬",
        FeedbackTypes.Consultation => "咨询",
        _ => t ?? "—",
    };

    public static string Category(string? c) => c switch
    {
        FeedbackCategories.Attitude => "服务态度",
        FeedbackCategories.Communication => "沟通与告知",
        FeedbackCategories.Treatment => "诊疗质量",
        FeedbackCategories.Cost => "费用",
        FeedbackCategories.Process => "流程与等候",
        FeedbackCategories.Environment => "环境与设施",
        FeedbackCategories.Privacy => "隐私与权益",
        FeedbackCategories.Ethics => "医德医风",
        _ => c ?? "—",
    };

    public static string Risk(string? r) => r switch
    {
        RiskLevels.High => "高危",
        RiskLevels.Medium => "中危",
        RiskLevels.Low => "一般",
        _ => r ?? "—",
    };

    /// <summary>Bootstrap badge classes: high red, medium amber, low grey.</summary>
    public static string RiskBadge(string? r) => r switch
    {
        RiskLevels.High => "text-bg-danger",
        RiskLevels.Medium => "text-bg-warning",
        _ => "text-bg-light border",
    };

    public static string Channel(string? c) => c switch
    {
        FeedbackChannels.Web => "网页",
        FeedbackChannels.Qr => "二维码",
        FeedbackChannels.Phone => "电话",
        FeedbackChannels.Letter => "信件",
        FeedbackChannels.Visit => "来访",
        FeedbackChannels.Mailbox => "意见箱",
        FeedbackChannels.Symposium => "座谈会",
        FeedbackChannels.Survey => "问卷",
        FeedbackChannels.FollowUp => "随访",
        FeedbackChannels.Api => "接口",
        _ => c ?? "—",
    };

    public static string Status(string? s) => s switch
    {
        CaseStatuses.New => "新建",
        CaseStatuses.Acknowledged => "已受理",
        CaseStatuses.InProgress => "处理中",
        CaseStatuses.Replied => "已答复",
        CaseStatuses.Closed => "已关闭",
        CaseStatuses.Reopened => "重新打开",
        CaseStatuses.Escalated => "转纠纷",
        CaseStatuses.Merged => "已合并",
        _ => s ?? "—",
    };

    public static string StatusBadge(string? s) => s switch
    {
        CaseStatuses.New => "text-bg-primary",
        CaseStatuses.Acknowledged or CaseStatuses.InProgress or CaseStatuses.Reopened => "text-bg-info",
        CaseStatuses.Replied => "text-bg-success",
        CaseStatuses.Escalated => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Event(string kind) => kind switch
    {
        "created" => "登记",
        "acknowledged" => "受理",
        "assigned" => "指派",
        "transferred" => "转办",
        "note" => "内部备注",
        "reply-drafted" => "拟写答复",
        "reply-sent" => "发送答复",
        "status" => "状态变更",
        "rated" => "患者评价",
        "reopened" => "重新打开",
        "merged" => "合并",
        "escalated" => "转纠纷",
        "reclassified" => "重新分类",
        "reminder" => "到期提醒",
        "breach" => "超期升级",
        "alert-acknowledged" => "确认高危预警",
        "linked" => "关联患者",
        "resolved-on-the-spot" => "当场协调处理",
        "patient-reopened" => "患者再次反映",
        "second-look" => "可能高危待复核",
        "second-look-confirmed" => "复核：确认高危",
        "second-look-dismissed" => "复核：排除高危",
        "second-look-overdue" => "可能高危复核超时",
        "alert-overdue" => "高危预警超时",
        _ => kind,
    };

    /// <summary>The threat taxonomy's classes (docs/triage-threats.md).</summary>
    public static string Threat(string code) => code switch
    {
        ThreatClasses.Surveillance => "威胁：跟踪或打探医务人员及家人",
        ThreatClasses.Veiled => "威胁：暗示后果",
        ThreatClasses.Weapon => "威胁：凶器、纵火、汽油、爆炸物",
        ThreatClasses.Property => "威胁：毁坏财物",
        ThreatClasses.Crowd => "威胁：聚众、占据、横幅、花圈、灵堂",
        ThreatClasses.SelfHarm => "威胁：以自伤自杀相挟",
        ThreatClasses.Leaders => "威胁：针对医院领导",
        _ => code,
    };

    public static string Cue(string signal)
    {
        var i = signal.IndexOf(':');
        if (i < 0) return signal;
        var (what, value) = (signal[..i], signal[(i + 1)..]);
        return what switch
        {
            "risk" => Risk(value), "category" => Category(value), "type" => Type(value),
            "threat" => Threat(value), "mention" => "提及（否定、转述或假设）",
            _ => signal,
        };
    }

    /// <summary>"剩余 2 天 3 小时" or "已超期 5 小时" (the localizer template and its value).</summary>
    public static (string Template, string Value) TimeLeft(DateTime dueUtc, DateTime nowUtc)
    {
        var span = dueUtc - nowUtc;
        var abs = span.Duration();
        var text = abs.TotalDays >= 1 ? $"{(int)abs.TotalDays}d {abs.Hours}h" : abs.TotalHours >= 1 ? $"{(int)abs.TotalHours}h {abs.Minutes}m" : $"{Math.Max(1, abs.Minutes)}m";
        return (span < TimeSpan.Zero ? "已超期 {0}" : "剩余 {0}", text);
    }
}
