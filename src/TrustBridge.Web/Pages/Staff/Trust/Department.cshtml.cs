using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

public sealed record CommentView(DateOnly EncounterDate, string Source, string Text);

/// <summary>
/// One department: its figures, the XmR chart of its monthly trust index, the dimension heat map of satisfaction
/// instruments, its doctors, recent comments (never who wrote them) and its improvement plans. A clinician, who sees
/// only himself, is sent to his own page instead.
/// </summary>
public sealed class DepartmentModel(BuildTrustReport build, MonthlyTrustIndex monthly, DimensionScores dimensions, ScopeOfUser scopes,
    HospitalClock clock, TrustDbContext db) : PageModel
{
    public const int ChartMonths = 24;
    public const int Comments = 20;

    [BindProperty(SupportsGet = true)] public TrustFilters Filters { get; set; } = new();
    public Department Department { get; private set; } = null!;
    public TrustReportQuery Query { get; private set; } = null!;
    public UnitRow? Row { get; private set; }
    public HospitalSummary Hospital { get; private set; } = null!;
    public XmrView Xmr { get; private set; } = null!;
    public DimensionGrid? Dimensions { get; private set; }
    public IReadOnlyList<UnitRow> Doctors { get; private set; } = [];
    public IReadOnlyList<CommentView> RecentComments { get; private set; } = [];
    public IReadOnlyList<PlanView> Plans { get; private set; } = [];
    public IReadOnlyList<string> Instruments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct) is not { } department) return NotFound();
        var scope = await scopes.ForAsync(User, ct);
        if (scope.SelfOnly || scope.DepartmentIds is { } ids && !ids.Contains(department.Id)) return Forbid();
        Department = department;
        Query = Filters.Query(clock.Today, build.MinUnitN) with { Unit = ReportUnits.Department };

        var report = await build.RunAsync(Query, scope, ct);
        Row = report.Units.FirstOrDefault(u => u.Code == code);
        Hospital = report.Hospital;
        Xmr = XmrView.Of(await monthly.RunAsync(Query.Instrument, Query.To, ChartMonths, Query.Source, departmentId: department.Id, ct: ct));
        if (await IsMultiDimensionalAsync(Query.Instrument, ct))
            Dimensions = await dimensions.RunAsync(Query.Instrument, department.Id, new DateOnly(Query.To.Year, Query.To.Month, 1).AddMonths(-11), Query.To, Query.Source, ct);

        var staffCodes = await db.Staff.Where(s => s.DepartmentId == department.Id).Select(s => s.Code).ToListAsync(ct);
        Doctors = (await build.RunAsync(Query with { Unit = ReportUnits.Doctor }, scope, ct)).Units.Where(u => staffCodes.Contains(u.Code)).ToList();
        RecentComments = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.DepartmentId == department.Id && r.Instrument!.Code == Query.Instrument && r.Comment != null && r.EncounterDate <= Query.To)
            .OrderByDescending(r => r.EncounterDate).ThenByDescending(r => r.Id).Take(Comments)
            .Select(r => new CommentView(r.EncounterDate, r.Source, r.Comment!)).ToListAsync(ct);
        Plans = await db.ImprovementPlans.AsNoTracking().Where(p => p.DepartmentId == department.Id).OrderByDescending(p => p.PeriodTo)
            .Select(p => new PlanView(p.Id, department.Code, department.Name, p.InstrumentCode, p.PeriodFrom, p.PeriodTo, p.N, p.TrustingRate, p.Lower998,
                p.Owner, p.DueOn, p.Status, p.Notes)).ToListAsync(ct);
        Instruments = await db.Instruments.AsNoTracking().Select(i => i.Code).Distinct().OrderBy(c => c).ToListAsync(ct);
        return Page();
    }

    /// <summary>Satisfaction instruments have several dimensions; trust-10 has one, and a heat map of one row says nothing.</summary>
    private async Task<bool> IsMultiDimensionalAsync(string instrument, CancellationToken ct) =>
        await db.Instruments.Where(x => x.Code == instrument).SelectMany(x => x.Items).Where(i => i.Scale == ItemScales.Likert5).Select(i => i.Dimension).Distinct().CountAsync(ct) > 1;
}
