using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Surveys;

public enum QrOutcome { Stored, UnknownDepartment, NoInstrument, Invalid }

/// <summary>
/// A convenience answer from a department's QR poster (source qr): the outpatient satisfaction survey about that
/// department, dated today in the hospital, with no invitation and no patient. Reports keep these apart from the
/// sampled answers (MEASUREMENT.md). How often one phone may answer is limited in front of this (QrAnswerLimits).
/// </summary>
public sealed class SubmitQrResponse(TrustDbContext db, InstrumentCatalog catalog, HospitalClock clock, AuditLog audit, DatabaseOptions database,
    Feedback.OpenCaseFromSurvey cases)
{
    public const string InstrumentCode = ShippedInstruments.SatisfactionOutpatient;

    /// <summary>The active department a poster names, or null.</summary>
    public Task<Department?> DepartmentAsync(string? code, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 32
            ? Task.FromResult<Department?>(null)
            : db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code && d.Active, ct);

    public Task<Instrument?> InstrumentAsync(CancellationToken ct = default) => catalog.PublishedAsync(InstrumentCode, ct);

    public async Task<(QrOutcome Outcome, long? ResponseId, Dictionary<string, string[]> Errors)> RunAsync(string? departmentCode, IReadOnlyDictionary<string, string?> answers, CancellationToken ct = default)
    {
        var department = await DepartmentAsync(departmentCode, ct);
        if (department is null) return (QrOutcome.UnknownDepartment, null, []);
        var instrument = await InstrumentAsync(ct);
        if (instrument is null) return (QrOutcome.NoInstrument, null, []);
        if (!answers.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            return (QrOutcome.Invalid, null, new() { ["answers"] = ["Answer at least one question."] });
        var (scored, errors) = ResponseScoring.Score(instrument, answers);
        if (scored is null) return (QrOutcome.Invalid, null, errors);

        var response = new SurveyResponse
        {
            // Unguessable and unrelated to the device: the answer stays anonymous.
            ResponseKey = "qr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            InstrumentId = instrument.Id, EncounterDate = clock.Today, DepartmentId = department.Id, StaffId = null,
            Source = ResponseSources.Qr, SubmittedAt = clock.UtcNow,
            Answers = scored.Answers, Score = scored.Score, Trusts = scored.Trusts, Recommend = scored.Recommend, Overall = scored.Overall, Comment = scored.Comment,
        };
        // No service-recovery task: an anonymous poster answer names nobody the office could call back.
        // A low answer with a comment is still a feedback case (anonymous, channel survey), committed with the answer.
        db.SurveyResponses.Add(response);
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
        await db.SaveChangesAsync(ct);
        await cases.ForAnswerAsync(response, new AuditActor(null, "patient", null), ct);
        await audit.RecordAsync(new AuditActor(null, "patient", null), AuditActions.Created, "survey-response",
            response.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { source = ResponseSources.Qr, department = department.Code, instrument = instrument.Code }, ct);
        await tx.CommitAsync(ct);
        return (QrOutcome.Stored, response.Id, []);
    }
}
