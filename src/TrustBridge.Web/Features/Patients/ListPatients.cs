using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Patients;

public sealed record PatientFilter(string? Q = null, string? DepartmentCode = null, int? Page = null, int? PageSize = null)
{
    public bool Export { get; init; }
}

/// <summary>
/// Searches patients by MRN or name. Department heads and clinicians see only patients with an encounter in their
/// departments. Every list is audited (who searched for what), and identifiers come masked.
/// </summary>
public sealed class ListPatients(TrustDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Paged<PatientView>> RunAsync(PatientFilter f, UserScope scope, CancellationToken ct = default)
    {
        var q = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            q = q.Where(p => p.Mrn == term || p.Name.Contains(term) || p.Mrn.StartsWith(term));
        }
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode))
            q = q.Where(p => db.Encounters.Any(e => e.PatientId == p.Id && e.Department!.Code == f.DepartmentCode));
        if (scope.DepartmentIds is { } ids)
            q = q.Where(p => db.Encounters.Any(e => e.PatientId == p.Id && ids.Contains(e.DepartmentId)));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var page = await q.OrderBy(p => p.Mrn)
            .Select(p => new PatientView(p.Id, p.Mrn, p.Name, p.Gender, p.BirthDate, null, p.MobileMasked, p.IdNumberMasked, p.DeceasedOn, p.SurveyOptOut))
            .ToPagedAsync(f.Page, f.PageSize, ct, f.Export ? PagedQuery.MaxExportRows : PagedQuery.MaxPageSize);
        await audit.RecordAsync(f.Export ? AuditActions.PatientsExported : AuditActions.PatientListViewed, "patient", null,
            new { f.Q, f.DepartmentCode, page.Page, shown = page.Items.Count }, ct);
        return page with { Items = page.Items.Select(p => p with { Age = AgeOn(p.BirthDate, today) }).ToList() };
    }

    public static int? AgeOn(DateOnly? birth, DateOnly day)
    {
        if (birth is not { } b) return null;
        var age = day.Year - b.Year;
        if (day < b.AddYears(age)) age--;
        return age;
    }
}
