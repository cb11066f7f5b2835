using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Organization.Departments;

public sealed class DetailModel(ListDepartments departments, ListStaff staff) : PageModel
{
    public DepartmentView Department { get; private set; } = null!;
    public Paged<StaffView> Members { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int? page, CancellationToken ct)
    {
        if (await departments.GetAsync(code, ct) is not { } d) return NotFound();
        Department = d;
        Members = await staff.RunAsync(new StaffFilter(DepartmentCode: code, Page: page), ct);
        return Page();
    }
}
