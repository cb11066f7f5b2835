using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Organization;

namespace TrustBridge.Web.Pages.Staff.Organization.Staff;

public sealed class ProfileModel(ListStaff staff) : PageModel
{
    public StaffView Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await staff.GetAsync(code, ct) is not { } s) return NotFound();
        Person = s;
        return Page();
    }
}
