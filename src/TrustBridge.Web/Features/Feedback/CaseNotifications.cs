using System.Text.Json;
using Microsoft.Extensions.Options;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Notifications;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>The notifications a case causes, queued in the caller's unit of work through the outbox.</summary>
public sealed class CaseNotifications(Outbox outbox, IOptions<FeedbackOptions> options)
{
    public const string HighRiskAlert = "feedback-high-risk";
    public const string MediumRiskFlag = "feedback-medium-risk";
    public const string Reminder = "feedback-reminder";
    public const string Breach = "feedback-breach";
    public const string ReplyToPatient = "feedback-reply";
    public const string AlertOverdue = "feedback-alert-overdue";
    public const string SecondLookDue = "feedback-second-look";
    public const string SecondLookOverdue = "feedback-second-look-overdue";

    private FeedbackOptions O => options.Value;

    /// <summary>高危: everyone on duty in the office and security, at once. No patient identity in the message.</summary>
    public int HighRisk(FeedbackCase c)
    {
        var body = $"【高危投诉预警】工单 {c.Id}（{c.Category}）需在30分钟内受理。请立即登录医患信桥处理。";
        return Send(HighRiskAlert, O.OnDutyPatientRelations.Concat(O.Security), body, c);
    }

    /// <summary>What a new case's risk level calls for: the high-risk alert, the medium-risk flag, or nothing.</summary>
    public int ForRisk(FeedbackCase c) => c.RiskLevel switch
    {
        RiskLevels.High => HighRisk(c),
        RiskLevels.Medium => MediumRisk(c),
        _ => 0,
    };

    public int MediumRisk(FeedbackCase c) =>
        Send(MediumRiskFlag, O.OfficeLead, $"【中危提示】工单 {c.Id}（{c.Category}）涉及索赔或外部投诉风险，请关注。", c);

    public int Breached(FeedbackCase c, IEnumerable<AlertRecipient> departmentHeads) =>
        Send(Breach, O.OfficeLead.Concat(departmentHeads), $"【超时升级】工单 {c.Id} 已超过答复期限，请督办。", c);

    public int Remind(FeedbackCase c, AlertRecipient owner) =>
        Send(Reminder, [owner], $"【到期提醒】工单 {c.Id} 已用去80%的办理时限，请于期限前答复。", c);

    /// <summary>A high-risk alert nobody acknowledged within 30 minutes: the office lead is told once.</summary>
    public int AlertNotAcknowledged(FeedbackCase c) =>
        Send(AlertOverdue, O.OfficeLead, $"【高危预警未确认】工单 {c.Id}（{c.Category}）的高危预警未在30分钟内确认，请立即督办。", c);

    /// <summary>可能高危: the on-duty office is asked to look again within 2 hours.</summary>
    public int SecondLook(FeedbackCase c) =>
        Send(SecondLookDue, O.OnDutyPatientRelations, $"【可能高危】工单 {c.Id}（{c.Category}）的内容含有威胁线索，请在2小时内复核：确认高危或说明理由后排除。", c);

    /// <summary>A second look nobody cleared within 2 hours: the office lead is told once, like an unacknowledged alert.</summary>
    public int SecondLookNotCleared(FeedbackCase c) =>
        Send(SecondLookOverdue, O.OfficeLead, $"【可能高危未复核】工单 {c.Id}（{c.Category}）的可能高危复核已超过2小时，请立即督办。", c);

    /// <summary>Tells the patient a reply is ready, with the tracking link only (the reply itself is on the page).</summary>
    public void Reply(FeedbackCase c, string mobile, string mobileMasked)
    {
        var link = $"{O.PublicBaseUrl.TrimEnd('/')}/Patient/Track/{c.TrackingCode}";
        outbox.Add(ReplyToPatient, "sms", mobile, mobileMasked, $"【医患信桥】您反映的问题已有答复，请查看：{link}",
            JsonSerializer.Serialize(new { trackingCode = c.TrackingCode, link }), $"feedback:{c.Id}");
    }

    private int Send(string kind, IEnumerable<AlertRecipient> to, string body, FeedbackCase c)
    {
        var n = 0;
        foreach (var r in to.Where(r => !string.IsNullOrWhiteSpace(r.Address)).DistinctBy(r => (r.Channel, r.Address)))
        {
            outbox.Add(kind, r.Channel, r.Address, string.IsNullOrWhiteSpace(r.Name) ? Mask(r.Address) : r.Name, body,
                JsonSerializer.Serialize(new { caseId = c.Id, riskLevel = c.RiskLevel, category = c.Category }), $"feedback:{c.Id}");
            n++;
        }
        return n;
    }

    private static string Mask(string address) => Core.Privacy.ChineseMobile.Normalize(address) is { } m ? Core.Privacy.ChineseMobile.Mask(m) : address;
}
