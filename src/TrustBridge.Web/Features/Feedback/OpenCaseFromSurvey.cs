using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Calendar;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// A low survey answer with a comment (trust score below 50, or recommend 6 or less) becomes an anonymous case with
/// channel survey, received when the answer was submitted, about the answer's department and staff member. At most one
/// case per answer (unique survey_response_id). The service-recovery task stays: it is the survey team's list.
/// </summary>
public sealed class OpenCaseFromSurvey(TrustDbContext db, HospitalCalendar calendar, HospitalClock clock, TriageEngine triage,
    CaseNotifications notify, AuditLog audit)
{
    private static readonly Submitter Survey = new(null, "survey", false);

    public static bool Qualifies(SurveyResponse r) =>
        !string.IsNullOrWhiteSpace(r.Comment) && (r.Score is < Surveys.ServiceRecovery.ScoreBelow || r.Recommend is <= Surveys.ServiceRecovery.RecommendAtMost);

    /// <summary>
    /// Opens the case for one stored answer in the caller's unit of work and transaction (the answer must be saved, so
    /// it has its id). Returns the case, or null when the answer does not qualify or already has one.
    /// </summary>
    public async Task<FeedbackCase?> ForAnswerAsync(SurveyResponse response, AuditActor actor, CancellationToken ct = default)
    {
        if (!Qualifies(response) || await db.FeedbackCases.AnyAsync(c => c.SurveyResponseId == response.Id, ct)) return null;
        var created = await OpenAsync([response], await calendar.LoadAsync(ct), ct);
        await audit.RecordAsync(actor, AuditActions.Created, "feedback-case", created[0].Id.ToString(CultureInfo.InvariantCulture),
            new { channel = FeedbackChannels.Survey, surveyResponse = response.Id, created[0].Type, created[0].Category, created[0].RiskLevel }, ct);
        return created[0];
    }

    /// <summary>
    /// Cases for every qualifying answer to <paramref name="instrumentId"/> submitted at or after <paramref name="since"/>
    /// that has none yet, in batches: after a bulk import (whose new answers carry the import's time). Idempotent. Runs
    /// in the caller's transaction if there is one.
    /// </summary>
    public async Task<int> ForAnswersAsync(int instrumentId, DateTime since, int batch = 500, CancellationToken ct = default)
    {
        var cal = await calendar.LoadAsync(ct);
        var total = 0;
        long after = 0;
        while (true)
        {
            var page = await db.SurveyResponses.AsNoTracking()
                .Where(r => r.InstrumentId == instrumentId && r.SubmittedAt >= since && r.Id > after && r.Comment != null && r.Comment != ""
                    && (r.Score < Surveys.ServiceRecovery.ScoreBelow || r.Recommend <= Surveys.ServiceRecovery.RecommendAtMost)
                    && !db.FeedbackCases.Any(c => c.SurveyResponseId == r.Id))
                .OrderBy(r => r.Id).Take(batch).ToListAsync(ct);
            if (page.Count == 0) break;
            after = page[^1].Id;
            var qualifying = page.Where(Qualifies).ToList();
            if (qualifying.Count == 0) continue;
            total += (await OpenAsync(qualifying, cal, ct)).Count;
            // Keep the unit of work small across batches; only what this operation added is let go.
            foreach (var e in db.ChangeTracker.Entries().Where(e => e.Entity is FeedbackCase or FeedbackCaseDepartment or FeedbackCaseEvent or OutboxMessage).ToList())
                e.State = EntityState.Detached;
        }
        if (total > 0)
            await audit.RecordAsync(AuditActions.Created, "feedback-case", null, new { channel = FeedbackChannels.Survey, instrumentId, cases = total }, ct);
        return total;
    }

    private async Task<List<FeedbackCase>> OpenAsync(IReadOnlyList<SurveyResponse> answers, WorkingCalendar cal, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var cases = new List<FeedbackCase>(answers.Count);
        foreach (var r in answers)
        {
            var content = r.Comment!.Trim();
            if (content.Length > ReceiveFeedback.MaxContent) content = content[..ReceiveFeedback.MaxContent];
            var s = triage.Classify(content);
            // A low answer is not praise, whatever its words; otherwise triage decides (usually a complaint).
            var type = s.Type == FeedbackTypes.Praise ? FeedbackTypes.Complaint : s.Type;
            var deadlines = CaseDeadlines.For(cal, clock, r.SubmittedAt, s.RiskLevel, 1);
            var c = new FeedbackCase
            {
                TrackingCode = TrackingCodes.New(), Type = type, Category = s.Category, RiskLevel = s.RiskLevel, Channel = FeedbackChannels.Survey,
                Content = content, SuggestedType = s.Type, SuggestedCategory = s.Category, SuggestedRiskLevel = s.RiskLevel,
                TriageCues = TriageCueJson.Write(s.Cues),
                Anonymous = true, StaffId = r.StaffId, DepartmentId = r.DepartmentId,
                Departments = [new FeedbackCaseDepartment { DepartmentId = r.DepartmentId }],
                ReceivedAt = r.SubmittedAt, AcknowledgeBy = deadlines.AcknowledgeBy, DueBy = deadlines.DueBy, RemindAt = deadlines.RemindAt,
                SurveyResponseId = r.Id, CreatedAt = now, UpdatedAt = now,
            };
            db.FeedbackCases.Add(c);
            cases.Add(c);
        }
        await db.SaveChangesAsync(ct);
        var history = new CaseHistory(db, now);
        foreach (var c in cases)
        {
            history.Add(c, "created", Survey, null, c.Status, FeedbackChannels.Survey, visible: true);
            notify.ForRisk(c);
        }
        await db.SaveChangesAsync(ct);
        return cases;
    }
}
