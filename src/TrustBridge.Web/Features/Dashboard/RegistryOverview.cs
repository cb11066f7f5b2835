using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Dashboard;

public sealed record EncounterMonth(string Month, int Outpatient, int Inpatient, int Emergency)
{
    public int Total => Outpatient + Inpatient + Emergency;
}

public sealed record DepartmentVolume(string Code, string Name, int Encounters);

public sealed record RegistryFigures(
    int Departments, int Staff, int Patients,
    int EncountersLast30Days, int OutpatientLast30Days, int InpatientLast30Days, int EmergencyLast30Days,
    IReadOnlyList<EncounterMonth> Months, IReadOnlyList<DepartmentVolume> TopDepartments)
{
    public bool IsEmpty => Departments == 0 && Staff == 0 && Patients == 0 && Months.All(m => m.Total == 0);
}

/// <summary>
/// The registry at a glance for the dashboard: counts, encounters per hospital-local month for the last 24 months by
/// type, and the busiest departments of the last 12 months. Encounter figures respect the user's department scope.
/// </summary>
public sealed class RegistryOverview(TrustDbContext db, HospitalClock hospital)
{
    public const int MonthsShown = 24;

    public async Task<RegistryFigures> RunAsync(UserScope scope, CancellationToken ct = default)
    {
        var encounters = db.Encounters.AsNoTracking();
        if (scope.DepartmentIds is { } ids) encounters = encounters.Where(e => ids.Contains(e.DepartmentId));

        var today = hospital.Today;
        var since30 = hospital.StartOfDayUtc(today.AddDays(-29));
        var recent = await encounters.Where(e => e.StartedAt >= since30)
            .GroupBy(e => e.Type).Select(g => new { Type = g.Key, N = g.Count() }).ToListAsync(ct);
        int Recent(string type) => recent.Where(r => r.Type == type).Sum(r => r.N);

        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsShown - 1));
        var sinceMonths = hospital.StartOfDayUtc(firstMonth);
        // Months are hospital-local: shift UTC by the zone's offset before taking year and month (China has no DST).
        var offsetHours = hospital.Zone.GetUtcOffset(hospital.UtcNow).TotalHours;
        var perMonth = await encounters.Where(e => e.StartedAt >= sinceMonths)
            .Select(e => new { Local = e.StartedAt.AddHours(offsetHours), e.Type })
            .GroupBy(x => new { x.Local.Year, x.Local.Month, x.Type })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Type, N = g.Count() })
            .ToListAsync(ct);
        var months = Enumerable.Range(0, MonthsShown).Select(i => firstMonth.AddMonths(i)).Select(m =>
        {
            int Count(string type) => perMonth.Where(x => x.Year == m.Year && x.Month == m.Month && x.Type == type).Sum(x => x.N);
            return new EncounterMonth($"{m.Year:D4}-{m.Month:D2}", Count(EncounterTypes.Outpatient), Count(EncounterTypes.Inpatient), Count(EncounterTypes.Emergency));
        }).ToList();

        var since12 = hospital.StartOfDayUtc(today.AddMonths(-12));
        var busiest = await encounters.Where(e => e.StartedAt >= since12)
            .GroupBy(e => e.DepartmentId).Select(g => new { DepartmentId = g.Key, N = g.Count() })
            .OrderByDescending(x => x.N).ThenBy(x => x.DepartmentId).Take(10).ToListAsync(ct);
        var busiestIds = busiest.Select(b => b.DepartmentId).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => busiestIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name }).ToDictionaryAsync(d => d.Id, ct);
        var top = busiest.Select(b => new DepartmentVolume(names[b.DepartmentId].Code, names[b.DepartmentId].Name, b.N)).ToList();

        var departments = await db.Departments.CountAsync(d => d.Active, ct);
        var staff = await db.Staff.CountAsync(s => s.Active, ct);
        var patients = await db.Patients.CountAsync(ct);
        return new RegistryFigures(departments, staff, patients, recent.Sum(r => r.N),
            Recent(EncounterTypes.Outpatient), Recent(EncounterTypes.Inpatient), Recent(EncounterTypes.Emergency), months, top);
    }
}
