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
        RiskLevels.Low => "低危",
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

    /// <summary>The kind of a staff notification a case caused.</summary>
    public static string Notification(string kind) => kind switch
    {
        Features.Feedback.CaseNotifications.HighRiskAlert => "高危预警",
        Features.Feedback.CaseNotifications.AlertOverdue => "预警超时未确认",
        Features.Feedback.CaseNotifications.MediumRiskFlag => "中危提示",
        Features.Feedback.CaseNotifications.Reminder => "到期提醒",
        Features.Feedback.CaseNotifications.Breach => "超期升级",
        _ => kind,
    };

    public static string OutboxStatus(string status) => status switch
    {
        OutboxStatuses.Sent => "已发送",
        OutboxStatuses.Dead => "发送失败",
        _ => "待发送",
    };

    /// <summary>
    /// What a case step just did, said in full (issue 8, defect 16): the localizer template and its values, read from
    /// the case as it is after the step. Null for an unknown step.
    /// </summary>
    public static (string Template, object[] Values)? Done(string? act, Features.Feedback.CaseDetail c, Func<DateTime?, string> time)
    {
        var handling = c.Departments.FirstOrDefault(d => d.Code == c.HandlingDepartmentCode)?.Name;
        return act switch
        {
            "created" => ("已登记工单 #{0}，答复期限 {1}", [c.Id, time(c.DueBy)]),
            "acknowledge" => ("已受理，负责人：{0}", [c.OwnerName ?? "—"]),
            "alert-acknowledge" => ("已确认工单 #{0} 的高危预警", [c.Id]),
            "start" => ("已开始处理", []),
            "assign" => handling is not null && c.OwnerName is { } o && !o.Contains(handling, StringComparison.Ordinal)
                ? ("已指派给 {0}（{1}）", [o, handling])
                : ("已指派给 {0}", [c.OwnerName ?? "—"]),
            "transfer" => ("已转交至 {0}", [handling ?? "—"]),
            "note" => ("已添加内部备注（患者不可见）", []),
            "draft" => ("答复草稿已保存，待医患办审核后发送给患者", []),
            "send" => c.MobileMasked is not null ? ("已答复患者，短信已排队", []) : ("已答复患者（未留手机号，患者凭查询码查看）", []),
            "close" => ("工单已关闭", []),
            "reopen" => ("工单已重新打开，新的答复期限 {0}", [time(c.DueBy)]),
            "escalate" => ("已转入医疗纠纷处理", []),
            "merge" => ("已合并到工单 #{0}", [c.MergedIntoId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"]),
            "reclassify" => ("分类已更正为 {0} · {1} · {2}", [Type(c.Type), Category(c.Category), Risk(c.RiskLevel)]),
            "link" => ("已关联患者与就诊", []),
            _ => null,
        };
    }
}
