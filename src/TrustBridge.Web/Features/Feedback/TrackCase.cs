using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>The patient's view of a case by tracking code: never internal notes, staff names or who complained.</summary>
public sealed class TrackCase(TrustDbContext db, HospitalCalendar calendar, HospitalClock clock)
{
    public async Task<TrackingView?> RunAsync(string? code, CancellationToken ct = default)
    {
        var normalized = TrackingCodes.Normalize(code);
        if (normalized is null) return null;
        var c = await db.FeedbackCases.AsNoTracking().Include(x => x.Departments).ThenInclude(d => d.Department).Include(x => x.Department)
            .FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct);
        if (c is null) return null;
        if (c.Status == CaseStatuses.Merged && c.MergedIntoId is { } into)
        {
            // A duplicate: the patient follows the case it was merged into, under the code they hold.
            var target = await db.FeedbackCases.AsNoTracking().Where(x => x.Id == into).Select(x => x.TrackingCode).FirstAsync(ct);
            return (await RunAsync(target, ct)) is { } merged ? merged with { TrackingCode = c.TrackingCode } : null;
        }
        var steps = await db.FeedbackCaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id && e.VisibleToPatient).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TrackingStep(e.At, e.Kind, e.ToStatus)).ToListAsync(ct);
        var departments = c.Departments.Select(d => d.Department!.Name).ToList();
        if (departments.Count == 0 && c.Department is not null) departments.Add(c.Department.Name);
        // Never the high-risk 30 minutes: the patient is told the ordinary acknowledge-by (issue 8, defect 9).
        var acknowledgeBy = c.RiskLevel == RiskLevels.High ? CaseDeadlines.PatientAcknowledgeBy(await calendar.LoadAsync(ct), clock, c.ReceivedAt) : c.AcknowledgeBy;
        return new TrackingView(c.TrackingCode, c.Type, c.Status, departments, c.ReceivedAt, acknowledgeBy, c.DueBy, c.AcknowledgedAt, c.RepliedAt, c.ClosedAt,
            c.Status is CaseStatuses.Replied or CaseStatuses.Closed ? c.Reply : null, c.PatientRating,
            c.PatientRating is null && c.Status is CaseStatuses.Replied or CaseStatuses.Closed && c.Reply is not null, steps,
            !c.Anonymous && c.MobileEncrypted is not null);
    }
}
