using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Sampling;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// Creates a survey wave: finds the encounters of the period in the chosen departments, applies the eligibility rules,
/// sizes each department's sample and draws it with the wave's seed, and creates one invitation per drawn patient.
/// </summary>
public sealed class CreateSurveyWave(TrustDbContext db, InstrumentCatalog catalog, HospitalClock clock, AuditLog audit, IHttpContextAccessor http)
{
    public const int LinkValidDays = 30;
    private static readonly JsonSerializerOptions SummaryJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<(int? WaveId, Dictionary<string, string[]> Errors)> RunAsync(WaveInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["name is required."];
        var instrument = string.IsNullOrWhiteSpace(input.Instrument) ? null : await catalog.PublishedAsync(input.Instrument.Trim(), ct);
        if (instrument is null) errors["instrument"] = [$"No published instrument '{input.Instrument}'."];
        if (input.PeriodFrom is null || input.PeriodTo is null) errors["periodFrom"] = ["periodFrom and periodTo are required."];
        else if (input.PeriodFrom > input.PeriodTo) errors["periodFrom"] = ["periodFrom must not be after periodTo."];
        var margin = input.Margin ?? 0.05;
        if (margin is <= 0 or >= 0.5) errors["margin"] = ["margin must be between 0 and 0.5 (e.g. 0.05)."];
        var rate = input.ResponseRate ?? 0.4;
        if (rate is <= 0 or > 1) errors["responseRate"] = ["responseRate must be in (0, 1]."];
        var codes = input.DepartmentCodes ?? [];
        if (Organization.DepartmentCodeList.TooLong(codes) is { } tooLong) { errors["departmentCodes"] = [tooLong]; return (null, errors); }
        var departments = await db.Departments.Where(d => codes.Contains(d.Code)).ToListAsync(ct);
        if (codes.Length == 0) errors["departmentCodes"] = ["Choose at least one department."];
        else if (codes.Except(departments.Select(d => d.Code)).ToArray() is { Length: > 0 } unknown)
            errors["departmentCodes"] = [$"Unknown department code(s): {string.Join(", ", unknown)}."];
        if (errors.Count > 0) return (null, errors);

        var contact = input.ContactDate ?? clock.Today;
        var seed = input.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var candidates = await CandidatesAsync(departments.Select(d => d.Id).ToList(), input.PeriodFrom!.Value, input.PeriodTo!.Value, contact, ct);
        var population = Eligibility.Apply(candidates.Select(c => c.Candidate), contact);
        var draw = StratifiedDraw.Draw(population.Eligible, margin, rate, seed);

        var names = departments.ToDictionary(d => d.Code, d => d.Name);
        var summary = new DrawSummary(candidates.Count, population.Eligible.Count,
            Enum.GetValues<ExclusionReason>().ToDictionary(r => ExclusionNames.Of(r), r => population.Exclusions.GetValueOrDefault(r)),
            population.EarlierEncountersOfSamePatient,
            draw.Strata.Select(s => new StratumView(s.DepartmentCode, names[s.DepartmentCode], s.Eligible, s.CompletesNeeded, s.Invitations)).ToList(),
            draw.Drawn.Count);

        var now = clock.UtcNow;
        var wave = new SurveyWave
        {
            Name = input.Name!.Trim(), InstrumentId = instrument!.Id, PeriodFrom = input.PeriodFrom.Value, PeriodTo = input.PeriodTo.Value,
            ContactDate = contact, Margin = margin, ResponseRate = rate, Seed = seed, CreatedAt = now,
            CreatedBy = http.HttpContext?.User.Identity?.Name, DrawSummary = JsonSerializer.Serialize(summary, SummaryJson),
            Departments = departments.Select(d => new SurveyWaveDepartment { DepartmentId = d.Id }).ToList(),
        };
        var byEncounter = candidates.ToDictionary(c => c.Candidate.EncounterId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SurveyWaves.Add(wave);
        await db.SaveChangesAsync(ct);
        db.SurveyInvitations.AddRange(draw.Drawn.Select(d => new SurveyInvitation
        {
            WaveId = wave.Id, PatientId = d.PatientId, EncounterId = d.EncounterId, DepartmentId = byEncounter[d.EncounterId].DepartmentId,
            StaffId = byEncounter[d.EncounterId].StaffId, Token = NewToken(), ContactDate = contact, EncounterDate = d.EncounterDate,
            CreatedAt = now, ExpiresAt = now.AddDays(LinkValidDays),
        }));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "survey-wave", wave.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { wave.Name, instrument = instrument.Code, seed, invitations = draw.Drawn.Count }, ct);
        await tx.CommitAsync(ct);
        return (wave.Id, errors);
    }

    /// <summary>22 URL-safe characters from 16 random bytes: unguessable, short enough for an SMS link.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Row(EncounterCandidate Candidate, int DepartmentId, int? StaffId);

    private async Task<List<Row>> CandidatesAsync(List<int> departmentIds, DateOnly from, DateOnly to, DateOnly contact, CancellationToken ct)
    {
        var fromUtc = clock.StartOfDayUtc(from);
        var toUtc = clock.StartOfDayUtc(to.AddDays(1));
        var rows = await db.Encounters.AsNoTracking()
            .Where(e => departmentIds.Contains(e.DepartmentId))
            .Where(e => e.Type == EncounterTypes.Inpatient
                ? e.EndedAt >= fromUtc && e.EndedAt < toUtc
                : e.StartedAt >= fromUtc && e.StartedAt < toUtc)
            .Select(e => new
            {
                e.Id, e.PatientId, e.DepartmentId, DepartmentCode = e.Department!.Code, e.AttendingStaffId, e.Type, e.StartedAt, e.EndedAt,
                e.DischargeDisposition, e.Patient!.BirthDate, e.Patient.DeceasedOn, HasMobile = e.Patient.MobileEncrypted != null, e.Patient.SurveyOptOut,
            })
            .ToListAsync(ct);
        var restFrom = contact.AddDays(-Eligibility.QuietDays);
        var patientIds = rows.Select(r => r.PatientId).Distinct().ToList();
        var lastInvited = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.ContactDate > restFrom && patientIds.Contains(i.PatientId))
            .GroupBy(i => i.PatientId).Select(g => new { g.Key, Last = g.Max(i => i.ContactDate) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return rows.Select(r =>
        {
            var inpatient = r.Type == EncounterTypes.Inpatient;
            var date = clock.LocalDate(inpatient ? r.EndedAt!.Value : r.StartedAt);
            return new Row(new EncounterCandidate(r.Id, r.PatientId, r.DepartmentCode, inpatient, date, r.BirthDate,
                r.DischargeDisposition == DischargeDispositions.Died, r.DeceasedOn, r.HasMobile, r.SurveyOptOut,
                lastInvited.TryGetValue(r.PatientId, out var last) ? last : null), r.DepartmentId, r.AttendingStaffId);
        }).ToList();
    }
}

public static class ExclusionNames
{
    public static string Of(ExclusionReason r) => r switch
    {
        ExclusionReason.UnderEighteen => "under-18",
        ExclusionReason.Deceased => "deceased",
        ExclusionReason.NoMobile => "no-mobile",
        ExclusionReason.OptedOut => "opted-out",
        ExclusionReason.RecentlyInvited => "invited-in-last-90-days",
        ExclusionReason.OutsideContactWindow => "outside-contact-window",
        _ => r.ToString(),
    };
}
