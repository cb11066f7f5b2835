using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>One case with its history for staff who may see it; reading a case with a complainant's identity is audited.</summary>
public sealed class GetCase(TrustDbContext db, AuditLog audit, HospitalClock clock)
{
    /// <summary>The notifications to staff a case causes; the reply SMS to the patient is not among them.</summary>
    public static readonly string[] StaffKinds =
        [CaseNotifications.HighRiskAlert, CaseNotifications.AlertOverdue, CaseNotifications.MediumRiskFlag, CaseNotifications.Reminder, CaseNotifications.Breach];

    public async Task<CaseDetail?> RunAsync(int id, CaseViewer viewer, CancellationToken ct = default)
    {
        var c = await FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer)
            .Include(x => x.Departments).ThenInclude(d => d.Department).Include(x => x.Department).Include(x => x.Staff).Include(x => x.Patient)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var history = await db.FeedbackCaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new CaseEventView(e.Id, e.At, e.Kind, e.ActorName, e.FromStatus, e.ToStatus, e.Text, e.VisibleToPatient)).ToListAsync(ct);
        var files = await db.FeedbackAttachments.AsNoTracking().Where(a => a.CaseId == id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToListAsync(ct);
        var correlation = $"feedback:{id}";
        var notified = await db.OutboxMessages.AsNoTracking().Where(m => m.Correlation == correlation && StaffKinds.Contains(m.Kind))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new CaseAlertView(m.Kind, m.RecipientMasked, m.Channel, m.Status, m.CreatedAt, m.SentAt)).ToListAsync(ct);
        var identity = viewer.SeesComplainant;
        if (identity && (c.ComplainantName is not null || c.MobileMasked is not null || c.PatientId is not null))
            await audit.RecordAsync(AuditActions.PatientViewed, "feedback-case", id.ToString(CultureInfo.InvariantCulture), new { complainant = true }, ct);
        return new CaseDetail(c.Id, c.TrackingCode, c.Type, c.Category, c.RiskLevel, c.Channel, c.Status, c.Content,
            c.SuggestedType, c.SuggestedCategory, c.SuggestedRiskLevel, [.. TriageCueJson.Read(c.TriageCues).Where(x => TriageModel.IsReadableCue(x.Text, x.Signal))],
            c.Anonymous, identity ? c.ComplainantName : null, identity ? c.MobileMasked : null, identity ? c.PatientId : null, identity ? c.Patient?.Mrn : null,
            identity ? c.EncounterId : null, c.StaffId, c.Staff?.Code, c.Staff?.Name,
            [.. c.Departments.Select(d => new CaseDepartmentView(d.Department!.Code, d.Department.Name))], c.Department?.Code,
            c.OwnerUserId, c.OwnerName, c.ReceivedAt, c.AcknowledgeBy, c.DueBy, c.RemindAt, c.AcknowledgedAt, c.RepliedAt, c.ClosedAt, c.ResolvedOnTheSpot,
            c.RiskLevel == "high" && c.AlertAcknowledgedAt is null && c.Status != CaseStatuses.Merged, c.AlertAcknowledgedAt, c.AlertAcknowledgedBy,
            c.ReplyDraft, c.ReplyDraftBy, c.Reply, c.PatientRating, c.PatientRatingComment, c.MergedIntoId, c.SymposiumId, c.SurveyResponseId,
            history, files, FeedbackAccess.MayChange(viewer, c), viewer.Handles, notified,
            c.SecondLookDueBy is { } due
                ? new SecondLookView(due, c.SecondLookClearedAt is null, c.SecondLookClearedAt is null && due < clock.UtcNow, c.SecondLookClearedAt, c.SecondLookClearedBy, c.SecondLookOutcome, c.SecondLookReason)
                : null,
            c.ThreatReported)
        {
            Dispute = await db.Disputes.AsNoTracking().Where(d => d.FeedbackCaseId == id).Select(d => new CaseDisputeLink(d.Id, d.Reference)).FirstOrDefaultAsync(ct),
        };
    }

    /// <summary>An attachment, if the viewer may see its case.</summary>
    public async Task<FeedbackAttachment?> AttachmentAsync(int caseId, int attachmentId, CaseViewer viewer, CancellationToken ct = default) =>
        await FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer).AnyAsync(c => c.Id == caseId, ct)
            ? await db.FeedbackAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct)
            : null;
}
