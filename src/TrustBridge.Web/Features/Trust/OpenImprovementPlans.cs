using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Statistics;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Trust;

/// <summary>
/// Evaluates a period's department report and opens an improvement plan (专项辅导) for every low-alarm department
/// that has none for that instrument and period. Running it again opens nothing twice.
/// </summary>
public sealed class OpenImprovementPlans(TrustDbContext db, BuildTrustReport report, AuditLog audit, TimeProvider time)
{
    public const int DueAfterDays = 30;

    public async Task<List<ImprovementPlan>> RunAsync(string instrument, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var result = await report.RunAsync(new TrustReportQuery(instrument, from, to, ReportUnits.Department, "sampled", report.MinUnitN), UserScope.Hospital, ct);
        var alarms = result.Units.Where(u => u.Flag == FunnelFlags.LowAlarm).ToList();
        var codes = alarms.Select(a => a.Code).ToList();
        var departments = await db.Departments.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var existing = await db.ImprovementPlans
            .Where(p => p.InstrumentCode == instrument && p.PeriodFrom == from && p.PeriodTo == to)
            .Select(p => p.DepartmentId).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var opened = new List<ImprovementPlan>();
        foreach (var unit in alarms.Where(a => !existing.Contains(departments[a.Code])))
        {
            opened.Add(Add(departments[unit.Code], instrument, from, to, unit.N, unit.TrustingRate ?? 0, unit.Funnel?.Lower998 ?? 0, null, now));
        }
        await db.SaveChangesAsync(ct);
        foreach (var plan in opened)
            await audit.RecordAsync(AuditActions.Created, "improvement-plan", plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { department = alarms.First(a => departments[a.Code] == plan.DepartmentId).Code, instrument, from, to, plan.TrustingRate }, ct);
        return opened;
    }

    /// <summary>
    /// A plan for a department after a closed medical dispute (issue 10): the source is "dispute:REFERENCE" in place of an
    /// instrument, the period is the dispute's, the notes are its lessons. Saved and audited in the caller's transaction.
    /// </summary>
    public async Task<ImprovementPlan> OpenForDisputeAsync(int departmentId, string reference, DateOnly from, DateOnly to, string? lessons, CancellationToken ct = default)
    {
        var plan = Add(departmentId, DisputeSource + reference, from, to, 0, 0, 0, lessons is { Length: > 4000 } ? lessons[..4000] : lessons, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "improvement-plan", plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { departmentId, source = plan.InstrumentCode, from, to }, ct);
        return plan;
    }

    /// <summary>The instrument code of a plan opened from a dispute starts with this.</summary>
    public const string DisputeSource = "dispute:";

    private ImprovementPlan Add(int departmentId, string instrument, DateOnly from, DateOnly to, int n, double trustingRate, double lower998, string? notes, DateTime now) =>
        db.ImprovementPlans.Add(new ImprovementPlan
        {
            DepartmentId = departmentId, InstrumentCode = instrument, PeriodFrom = from, PeriodTo = to, N = n,
            TrustingRate = trustingRate, Lower998 = lower998, Notes = notes,
            DueOn = DateOnly.FromDateTime(now).AddDays(DueAfterDays), CreatedAt = now, UpdatedAt = now,
        }).Entity;
}
