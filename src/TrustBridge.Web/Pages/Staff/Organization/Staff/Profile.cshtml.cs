using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Organization;

namespace TrustBridge.Web.Pages.Staff.Organization.Staff;

public sealed class ProfileModel(ListStaff staff, PraiseBoard praise) : PageModel
{
    public StaffView Person { get; private set; } = null!;
    /// <summary>患者表扬: praise naming this person (issue 4, item 7).</summary>
    public StaffPraise Praise { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await staff.GetAsync(code, ct) is not { } s) return NotFound();
        Person = s;
        Praise = await praise.ForStaffAsync(s.Id, ct);
        return Page();
    }
}
