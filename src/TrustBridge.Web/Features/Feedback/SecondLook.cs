using TrustBridge.Core.Triage;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// 可能高危 (issue 9): a case rated medium or low whose text carries any cue of the threat taxonomy — live, negated,
/// reported or hypothetical — is looked at again by the on-duty office within <see cref="Window"/>. The office confirms
/// (the case becomes high and the normal alert goes out) or dismisses it with a reason; both are kept as labelled data
/// (triage_overrides). Not cleared in time: the office lead is told once, like an unacknowledged alert.
/// </summary>
public static class SecondLook
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
    public const string OpenedEvent = "second-look";
    public const string ConfirmedEvent = "second-look-confirmed";
    public const string DismissedEvent = "second-look-dismissed";
    public const string OverdueEvent = "second-look-overdue";

    /// <summary>When the second look is due, or null when the case needs none (already high, or no threat cue).</summary>
    public static DateTime? DueBy(string riskLevel, TriageResult suggestion, DateTime now) =>
        riskLevel != RiskLevels.High && suggestion.HasThreatCue ? now + Window : null;
}
