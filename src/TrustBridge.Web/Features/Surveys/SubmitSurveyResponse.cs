using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Surveys;

public sealed record ResponseInput(string? Token, Dictionary<string, string?>? Answers);

public enum SubmitOutcome { Stored, UnknownToken, AlreadyAnswered, Expired, OptedOut, Invalid }

/// <summary>
/// Stores a patient's answers given with an invitation token. The token answers once: a unique key per invitation
/// makes a double submit (two taps, two tabs) store one response and answer the second with 409.
/// </summary>
public sealed class SubmitSurveyResponse(TrustDbContext db, TimeProvider time, AuditLog audit, DatabaseOptions database, Feedback.OpenCaseFromSurvey cases)
{
    public async Task<(SubmitOutcome Outcome, long? ResponseId, Dictionary<string, string[]> Errors)> RunAsync(ResponseInput input, string source, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var invitation = string.IsNullOrWhiteSpace(input.Token) ? null
            : await db.SurveyInvitations.Include(i => i.Wave).FirstOrDefaultAsync(i => i.Token == input.Token, ct);
        if (invitation is null) return (SubmitOutcome.UnknownToken, null, errors);
        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.Status == InvitationStatuses.Answered) return (SubmitOutcome.AlreadyAnswered, null, errors);
        if (invitation.Status == InvitationStatuses.OptedOut) return (SubmitOutcome.OptedOut, null, errors);
        if (invitation.ExpiresAt <= now || invitation.Status == InvitationStatuses.Expired) return (SubmitOutcome.Expired, null, errors);

        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items).FirstAsync(i => i.Id == invitation.Wave!.InstrumentId, ct);
        // A retired version was published when the invitation went out; only a draft cannot be answered.
        if (instrument.Status == InstrumentStatuses.Draft)
            return (SubmitOutcome.Invalid, null, new() { ["instrument"] = [$"{instrument.Code} v{instrument.Version} is not published."] });
        if (input.Answers is null || input.Answers.Count == 0)
            return (SubmitOutcome.Invalid, null, new() { ["answers"] = ["Answer at least one question."] });
        var (scored, scoreErrors) = ResponseScoring.Score(instrument, input.Answers);
        if (scored is null) return (SubmitOutcome.Invalid, null, scoreErrors);

        var response = new SurveyResponse
        {
            ResponseKey = $"inv-{invitation.Id}", InstrumentId = instrument.Id, EncounterDate = invitation.EncounterDate,
            DepartmentId = invitation.DepartmentId, StaffId = invitation.StaffId, Source = source, SubmittedAt = now,
            Answers = scored.Answers, Score = scored.Score, Trusts = scored.Trusts, Recommend = scored.Recommend, Overall = scored.Overall, Comment = scored.Comment,
        };
        db.SurveyResponses.Add(response);
        if (ServiceRecovery.ReasonFor(response) is { } reason)
            db.ServiceRecoveryTasks.Add(ServiceRecovery.TaskFor(response, reason, now));
        invitation.Status = InvitationStatuses.Answered;
        invitation.AnsweredAt = now;
        // The answer and its audit record commit together: one write transaction per answer, and no stored answer
        // without its audit entry. SQLite: BEGIN IMMEDIATE (the audit appends there anyway). PostgreSQL: read committed,
        // so the audit's read of the chain's last link, taken under its lock, sees every earlier commit.
        await using var tx = await db.Database.BeginTransactionAsync(
            database.WriteIsolation, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The other submit of the same link won the race and is stored.
            return (SubmitOutcome.AlreadyAnswered, null, errors);
        }
        // A low answer with a comment is also a feedback case (channel survey), committed with the answer.
        await cases.ForAnswerAsync(response, new AuditActor(null, "patient", null), ct);
        await audit.RecordAsync(new AuditActor(null, "patient", null), AuditActions.Created, "survey-response", response.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { wave = invitation.WaveId, instrument = instrument.Code }, ct);
        await tx.CommitAsync(ct);
        return (SubmitOutcome.Stored, response.Id, errors);
    }

    /// <summary>The patient asks not to be surveyed again: sets the patient's opt-out, closes the invitation.</summary>
    public async Task<bool> OptOutAsync(string token, CancellationToken ct = default)
    {
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.Token == token, ct);
        if (invitation is null) return false;
        await db.Patients.Where(p => p.Id == invitation.PatientId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SurveyOptOut, true), ct);
        if (invitation.Status != InvitationStatuses.Answered) invitation.Status = InvitationStatuses.OptedOut;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditActor(null, "patient", null), AuditActions.Updated, "patient-survey-opt-out", invitation.PatientId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
        return true;
    }
}
