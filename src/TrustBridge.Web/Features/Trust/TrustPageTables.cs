using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Trust;

public sealed record CommentView(DateOnly EncounterDate, string Source, string Text, string Instrument);

public sealed record DoctorUnit(int Id, string Code, string Name, int? DepartmentId, string? DepartmentCode, string? DepartmentName);

public enum UnitAccess { Allowed, NotFound, Forbidden }

/// <summary>
/// Who may open a department or doctor page, and the tables those pages show — one place for the pages and their
/// downloads, so a file never holds more than its page would. A department head sees her departments and their
/// doctors; a clinician only himself; the office, the supervision group and leadership everyone.
/// </summary>
public sealed class TrustPageTables(TrustDbContext db, BuildTrustReport build)
{
    /// <summary>Months of the department and doctor XmR charts, ending with the period's last month.</summary>
    public const int ChartMonths = 24;

    /// <summary>Months of the dimension heat map, ending with the period's last month.</summary>
    public const int HeatMapMonths = 12;

    public async Task<(Department? Department, UnitAccess Access)> DepartmentAsync(string code, UserScope scope, CancellationToken ct = default)
    {
        if (await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct) is not { } department) return (null, UnitAccess.NotFound);
        var denied = scope.SelfOnly || scope.DepartmentIds is { } ids && !ids.Contains(department.Id);
        return (department, denied ? UnitAccess.Forbidden : UnitAccess.Allowed);
    }

    public async Task<(DoctorUnit? Doctor, UnitAccess Access)> DoctorAsync(string code, UserScope scope, CancellationToken ct = default)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.Code == code)
            .Select(s => new DoctorUnit(s.Id, s.Code, s.Name, s.DepartmentId, (string?)s.Department!.Code, (string?)s.Department.Name))
            .FirstOrDefaultAsync(ct);
        if (staff is null) return (null, UnitAccess.NotFound);
        var allowed = scope.SelfOnly ? scope.StaffId == staff.Id
            : scope.DepartmentIds is not { } ids || staff.DepartmentId is { } d && ids.Contains(d);
        return (staff, allowed ? UnitAccess.Allowed : UnitAccess.Forbidden);
    }

    /// <summary>The department's doctors with their intervals and flags, compared against every doctor of the hospital.</summary>
    public async Task<List<UnitRow>> DoctorsAsync(Department department, TrustReportQuery query, UserScope scope, CancellationToken ct = default)
    {
        var staffCodes = await db.Staff.Where(s => s.DepartmentId == department.Id).Select(s => s.Code).ToListAsync(ct);
        return (await build.RunAsync(query with { Unit = ReportUnits.Doctor }, scope, ct)).Units.Where(u => staffCodes.Contains(u.Code)).ToList();
    }

    /// <summary>
    /// Patients' comments on the department (never who wrote them), newest first, with encounter dates up to <paramref name="to"/>;
    /// of one instrument, or of every instrument when <paramref name="instrument"/> is null.
    /// </summary>
    public Task<List<CommentView>> CommentsAsync(int departmentId, string? instrument, DateOnly? from, DateOnly to, int take, CancellationToken ct = default)
    {
        var q = db.SurveyResponses.AsNoTracking()
            .Where(r => r.DepartmentId == departmentId && r.Comment != null && r.Comment != "" && r.EncounterDate <= to);
        if (instrument is not null) q = q.Where(r => r.Instrument!.Code == instrument);
        if (from is { } f) q = q.Where(r => r.EncounterDate >= f);
        return q.OrderByDescending(r => r.EncounterDate).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new CommentView(r.EncounterDate, r.Source, r.Comment!, r.Instrument!.Code)).ToListAsync(ct);
    }

    /// <summary>The instrument with several likert5 dimensions that the department's patients answered most between the dates; null when none.</summary>
    public async Task<string?> SatisfactionInstrumentAsync(int departmentId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var multi = await db.Instruments.AsNoTracking().SelectMany(i => i.Items.Where(x => x.Scale == ItemScales.Likert5), (i, x) => new { i.Code, x.Dimension })
            .Distinct().GroupBy(x => x.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        if (multi.Count == 0) return null;
        return await db.SurveyResponses.AsNoTracking()
            .Where(r => r.DepartmentId == departmentId && r.EncounterDate >= from && r.EncounterDate <= to && multi.Contains(r.Instrument!.Code))
            .GroupBy(r => r.Instrument!.Code).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
    }

    /// <summary>The first day of the heat map's months.</summary>
    public static DateOnly HeatMapFrom(DateOnly to) => new DateOnly(to.Year, to.Month, 1).AddMonths(-(HeatMapMonths - 1));
}
