using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Organization.Departments;

public sealed class IndexModel(ListDepartments list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Active { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<DepartmentView> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.RunAsync(new DepartmentFilter(Q, Kind, Active, PageNumber), ct);
}
