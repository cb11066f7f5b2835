using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>One doctor's figures and monthly trend. A clinician sees only his own page, a department head her department's doctors.</summary>
public sealed class DoctorModel(BuildTrustReport build, MonthlyTrustIndex monthly, TrustPageTables tables, ScopeOfUser scopes, HospitalClock clock, TrustDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public TrustFilters Filters { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? DepartmentCode { get; private set; }
    public string? DepartmentName { get; private set; }
    public TrustReportQuery Query { get; private set; } = null!;
    public UnitRow? Row { get; private set; }
    public XmrView Xmr { get; private set; } = null!;
    public IReadOnlyList<InstrumentName> Instruments { get; private set; } = [];
    public bool SelfOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        var (found, access) = await tables.DoctorAsync(code, scope, ct);
        if (access == UnitAccess.NotFound) return NotFound();
        if (access == UnitAccess.Forbidden) return Forbid();
        var staff = found!;
        SelfOnly = scope.SelfOnly;
        (Code, Name, DepartmentCode, DepartmentName) = (staff.Code, staff.Name, staff.DepartmentCode, staff.DepartmentName);
        Query = Filters.Query(clock.Today, build.MinUnitN) with { Unit = ReportUnits.Doctor };
        Row = (await build.RunAsync(Query, scope, ct)).Units.FirstOrDefault(u => u.Code == code);
        Xmr = XmrView.Of(await monthly.RunAsync(Query.Instrument, Query.To, TrustPageTables.ChartMonths, Query.Source, staffId: staff.Id, ct: ct),
            Query.To, TrustPageTables.ChartMonths, Query.MinUnitN);
        Instruments = await InstrumentName.ListAsync(db, ct);
        return Page();
    }
}
