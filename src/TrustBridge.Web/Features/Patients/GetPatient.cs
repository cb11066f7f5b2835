using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Encounters;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Patients;

public sealed record PatientDetail(PatientView Patient, IReadOnlyList<EncounterView> Encounters);

/// <summary>One patient with their encounters (newest first), masked; the read is audited.</summary>
public sealed class GetPatient(TrustDbContext db, AuditLog audit, TimeProvider clock, PatientIdentifierProtector protector)
{
    public async Task<PatientDetail?> RunAsync(int id, UserScope scope, CancellationToken ct = default)
    {
        var p = await db.Patients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !await InScopeAsync(id, scope, ct)) return null;
        // Order before projecting: EF cannot translate an ORDER BY on a member of the constructed view record.
        var encounters = await ListEncounters.Project(db.Encounters.AsNoTracking().Where(e => e.PatientId == id)
            .OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id).Take(200)).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.PatientViewed, "patient", p.Mrn, null, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var view = new PatientView(p.Id, p.Mrn, p.Name, p.Gender, p.BirthDate, ListPatients.AgeOn(p.BirthDate, today),
            p.MobileMasked, p.IdNumberMasked, p.DeceasedOn, p.SurveyOptOut);
        return new PatientDetail(view, encounters);
    }

    /// <summary>The full mobile and identity number, for roles allowed to see them; always audited.</summary>
    public async Task<RevealedIdentifiers?> RevealAsync(int id, string? reason, CancellationToken ct = default)
    {
        // Callers check the reason first (RevealReasons.Check) to answer a 400; a reveal without one never happens.
        if (RevealReasons.Check(reason) is not { Reason: { } checkedReason }) throw new ArgumentException("A reveal needs a reason.", nameof(reason));
        var p = await db.Patients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        await audit.RecordAsync(AuditActions.PatientIdentifiersRevealed, "patient", p.Mrn, new { reason = checkedReason }, ct);
        return new RevealedIdentifiers(p.Id, p.Mrn, protector.Reveal(p.MobileEncrypted), protector.Reveal(p.IdNumberEncrypted));
    }

    private Task<bool> InScopeAsync(int patientId, UserScope scope, CancellationToken ct) =>
        scope.DepartmentIds is { } ids
            ? db.Encounters.AnyAsync(e => e.PatientId == patientId && ids.Contains(e.DepartmentId), ct)
            : Task.FromResult(true);
}
