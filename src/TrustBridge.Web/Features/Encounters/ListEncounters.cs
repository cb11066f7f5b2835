using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Encounters;

public sealed record EncounterView(long Id, string HisId, string Type, int PatientId, string PatientMrn, string PatientName,
    string DepartmentCode, string DepartmentName, string? StaffCode, string? StaffName,
    DateTime StartedAt, DateTime? EndedAt, string? DischargeDisposition);

/// <summary>Dates are hospital-local calendar days, inclusive.</summary>
public sealed record EncounterFilter(string? DepartmentCode = null, DateOnly? From = null, DateOnly? To = null, string? Type = null,
    string? Patient = null, string? StaffCode = null, int? Page = null, int? PageSize = null)
{
    public bool Export { get; init; }
}

public sealed class ListEncounters(TrustDbContext db, HospitalClock hospital)
{
    public Task<Paged<EncounterView>> RunAsync(EncounterFilter f, UserScope scope, CancellationToken ct = default)
    {
        var q = db.Encounters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode)) q = q.Where(e => e.Department!.Code == f.DepartmentCode);
        if (!string.IsNullOrWhiteSpace(f.Type)) q = q.Where(e => e.Type == f.Type);
        if (!string.IsNullOrWhiteSpace(f.StaffCode)) q = q.Where(e => e.AttendingStaff!.Code == f.StaffCode);
        if (!string.IsNullOrWhiteSpace(f.Patient)) q = q.Where(e => e.Patient!.Mrn == f.Patient || e.Patient.Name == f.Patient);
        if (f.From is { } from) { var t = hospital.StartOfDayUtc(from); q = q.Where(e => e.StartedAt >= t); }
        if (f.To is { } to) { var t = hospital.StartOfDayUtc(to.AddDays(1)); q = q.Where(e => e.StartedAt < t); }
        if (scope.DepartmentIds is { } ids) q = q.Where(e => ids.Contains(e.DepartmentId));
        return Project(q.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)).ToPagedAsync(f.Page, f.PageSize, ct, f.Export ? PagedQuery.MaxExportRows : PagedQuery.MaxPageSize);
    }

    public static IQueryable<EncounterView> Project(IQueryable<Encounter> q) => q.Select(e => new EncounterView(
        e.Id, e.HisId, e.Type, e.PatientId, e.Patient!.Mrn, e.Patient.Name, e.Department!.Code, e.Department.Name,
        e.AttendingStaff!.Code, e.AttendingStaff.Name, e.StartedAt, e.EndedAt, e.DischargeDisposition));
}
