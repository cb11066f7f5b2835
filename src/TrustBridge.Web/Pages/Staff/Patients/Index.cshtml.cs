using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Paging;
using TrustBridge.Web.Features.Patients;

namespace TrustBridge.Web.Pages.Staff.Patients;

/// <summary>The patient registry: identifiers always masked here; the search itself is audited by ListPatients.</summary>
public sealed class IndexModel(ListPatients list, ListDepartments departments, ScopeOfUser scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<PatientView> Result { get; private set; } = null!;
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await list.RunAsync(new PatientFilter(Q, DepartmentCode, PageNumber), await scopes.ForAsync(User, ct), ct);
        Departments = (await departments.RunAsync(new DepartmentFilter(Active: true, PageSize: 500), ct)).Items;
    }
}
