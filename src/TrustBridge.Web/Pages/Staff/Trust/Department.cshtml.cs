using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>
/// One department: its figures, the XmR chart of its monthly trust index, the dimension heat map of satisfaction
/// instruments, its doctors, recent comments (never who wrote them) and its improvement plans. A clinician, who sees
/// only himself, is sent to his own page instead.
/// </summary>
public sealed class DepartmentModel(BuildTrustReport build, MonthlyTrustIndex monthly, DimensionScores dimensions, TrustPageTables tables, ScopeOfUser scopes,
    HospitalClock clock, TrustDbContext db) : PageModel
{
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
        var scope = await scopes.ForAsync(User, ct);
        var (found, access) = await tables.DepartmentAsync(code, scope, ct);
        if (access == UnitAccess.NotFound) return NotFound();
        if (access == UnitAccess.Forbidden) return Forbid();
        var department = Department = found!;
        Query = Filters.Query(clock.Today, build.MinUnitN) with { Unit = ReportUnits.Department };

        var report = await build.RunAsync(Query, scope, ct);
        Row = report.Units.FirstOrDefault(u => u.Code == code);
        Hospital = report.Hospital;
        Xmr = XmrView.Of(await monthly.RunAsync(Query.Instrument, Query.To, TrustPageTables.ChartMonths, Query.Source, departmentId: department.Id, ct: ct),
            Query.To, TrustPageTables.ChartMonths, Query.MinUnitN);
        if (await IsMultiDimensionalAsync(Query.Instrument, ct))
            Dimensions = await dimensions.RunAsync(Query.Instrument, department.Id, TrustPageTables.HeatMapFrom(Query.To), Query.To, Query.Source, ct);

        Doctors = await tables.DoctorsAsync(department, Query, scope, ct);
        RecentComments = await tables.CommentsAsync(department.Id, Query.Instrument, null, Query.To, Comments, ct);
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
