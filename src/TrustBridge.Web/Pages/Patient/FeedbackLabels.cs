using TrustBridge.Core.Triage;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>The Chinese words the patient pages use for a case's type and status (passed through the localizer).</summary>
public static class FeedbackLabels
{
    public static readonly (string Code, string Label, string Hint)[] Types =
    [
        (FeedbackTypes.Complaint, "投诉", "对服务或诊疗不满意"),
        (FeedbackTypes.Suggestion, "建议", "帮助我们改进"),
        (FeedbackTypes.Praise, "表扬", "感谢医务人员"),
        (FeedbackTypes.Consultation, "咨询", "想了解政策或流程"),
    ];

    public static string Type(string type) => Types.FirstOrDefault(t => t.Code == type).Label ?? type;

    public static string Status(string status) => status switch
    {
        CaseStatuses.New => "已提交",
        CaseStatuses.Acknowledged => "已受理",
        CaseStatuses.InProgress => "处理中",
        CaseStatuses.Replied => "已答复",
        CaseStatuses.Closed => "已办结",
        CaseStatuses.Reopened => "重新办理中",
        CaseStatuses.Escalated => "已转入纠纷处理",
        CaseStatuses.Merged => "已合并处理",
        _ => status,
    };

    /// <summary>The stepper: new → acknowledged → in progress → replied → closed.</summary>
    public static readonly string[] Steps = [CaseStatuses.New, CaseStatuses.Acknowledged, CaseStatuses.InProgress, CaseStatuses.Replied, CaseStatuses.Closed];

    /// <summary>How far along the stepper a status is; reopened and escalated cases are being worked on again.</summary>
    public static int StepOf(string status) => status switch
    {
        CaseStatuses.New => 0,
        CaseStatuses.Acknowledged => 1,
        CaseStatuses.InProgress or CaseStatuses.Reopened or CaseStatuses.Escalated => 2,
        CaseStatuses.Replied => 3,
        CaseStatuses.Closed => 4,
        _ => 0,
    };

    /// <summary>One line of the history the patient sees.</summary>
    public static string Event(string kind, string? status) => kind switch
    {
        "created" => "收到您的反馈",
        "reply-sent" => "医院已答复",
        "rated" => "您评价了处理结果",
        "reopened" => "重新办理",
        "resolved-on-the-spot" => "已当场协调处理",
        "merged" => "与同一事项合并处理",
        "escalated" => "转入纠纷处理程序",
        _ when status is not null => Status(status),
        _ => "办理进展",
    };
}
