using TrustBridge.Core.Calendar;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

public sealed record CaseDeadlineSet(DateTime AcknowledgeBy, DateTime DueBy, DateTime RemindAt);

/// <summary>FEEDBACK.md's deadlines for one case, in UTC, from the hospital-local receipt day and the working calendar.</summary>
public static class CaseDeadlines
{
    public static CaseDeadlineSet For(WorkingCalendar calendar, HospitalClock clock, DateTime receivedUtc, string riskLevel, int departmentsInvolved)
    {
        var local = clock.ToLocal(receivedUtc).DateTime;
        var high = riskLevel == RiskLevels.High;
        var days = Deadlines.ReplyWorkingDays(departmentsInvolved);
        return new CaseDeadlineSet(
            clock.LocalToUtc(Deadlines.AcknowledgeBy(calendar, local, high)),
            clock.LocalToUtc(Deadlines.ReplyBy(calendar, local, departmentsInvolved)),
            clock.LocalToUtc(Deadlines.ReminderAt(calendar, local, days)));
    }

    /// <summary>
    /// The acknowledge-by the patient is shown: that of an ordinary case received at the same time, so a high-risk
    /// case's 30 minutes never tell the complainant the case was flagged (issue 8, defect 9).
    /// </summary>
    public static DateTime PatientAcknowledgeBy(WorkingCalendar calendar, HospitalClock clock, DateTime receivedUtc) =>
        clock.LocalToUtc(Deadlines.AcknowledgeBy(calendar, clock.ToLocal(receivedUtc).DateTime, false));
}
