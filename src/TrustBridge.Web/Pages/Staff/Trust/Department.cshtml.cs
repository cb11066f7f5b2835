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
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public Department Department { get; private set; } = null!;
    public TrustReportQuery Query { get; private set; } = null!;
    public UnitRow? Row { get; private set; }
    public HospitalSummary Hospital { get; private set; } = null!;
    public XmrView Xmr { get; private set; } = null!;
    public DimensionGrid? Dimensions { get; private set; }
    /// <summary>The instrument of the heat map (null: no satisfaction answers for this department).</summary>
    public string? HeatMapInstrument { get; private set; }
    public IReadOnlyList<UnitRow> Doctors { get; private set; } = [];
    public IReadOnlyList<CommentView> RecentComments { get; private set; } = [];
    public IReadOnlyList<PlanView> Plans { get; private set; } = [];
    /// <summary>The open actions of the department's plans, soonest due first: what happens next.</summary>
    public IReadOnlyList<ActionView> NextActions { get; private set; } = [];
    public IReadOnlyList<InstrumentName> Instruments { get; private set; } = [];

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
        // The heat map needs a satisfaction instrument (several dimensions): the chosen one, or else the one this
        // department's patients answered most in the heat map's months, so a trust-10 view still shows the dimensions.
        HeatMapInstrument = await dimensions.IsMultiDimensionalAsync(Query.Instrument, ct) ? Query.Instrument
            : await tables.SatisfactionInstrumentAsync(department.Id, TrustPageTables.HeatMapFrom(Query.To), Query.To, ct);
        if (HeatMapInstrument is { } heat)
            Dimensions = await dimensions.RunAsync(heat, department.Id, TrustPageTables.HeatMapFrom(Query.To), Query.To, Query.Source, ct);

        Doctors = UnitOrder.Sort(await tables.DoctorsAsync(department, Query, scope, ct), Sort);
        // Comments come from every questionnaire (trust-10 has no free-text item; the satisfaction surveys do).
        RecentComments = await tables.CommentsAsync(department.Id, null, null, Query.To, Comments, ct);
        Plans = await db.ImprovementPlans.AsNoTracking().Where(p => p.DepartmentId == department.Id).OrderByDescending(p => p.PeriodTo)
            .Select(p => new PlanView(p.Id, department.Code, department.Name, p.InstrumentCode, p.PeriodFrom, p.PeriodTo, p.N, p.TrustingRate, p.Lower998,
                p.Owner, p.DueOn, p.Status, p.Notes)).ToListAsync(ct);
        NextActions = await db.ImprovementActions.AsNoTracking().Where(a => a.Plan!.DepartmentId == department.Id && a.Status != PlanStatuses.Done && a.Status != PlanStatuses.Cancelled)
            .OrderBy(a => a.DueOn).Select(a => new ActionView(a.Id, a.PlanId, a.What, a.StaffId, a.Staff!.Name, a.DueOn, a.Status, a.Evidence, a.EvidenceUrl, a.UpdatedAt)).ToListAsync(ct);
        Instruments = await InstrumentName.ListAsync(db, ct);
        return Page();
    }

}
