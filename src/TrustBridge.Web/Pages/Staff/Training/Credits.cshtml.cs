using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Training;

namespace TrustBridge.Web.Pages.Staff.Training;

/// <summary>A member of staff's CME year: on track or short by N, the five-year national class Ⅰ figure and the records. Own by default.</summary>
public sealed class CreditsModel(StaffCredits credits, ScopeOfUser scopes, TrustDbContext db, HospitalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Staff { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Scanned { get; set; }
    public StaffCreditsView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year ?? clock.Today.Year;
        if (year is < 2000 or > 2100) return BadRequest();
        Year = year;
        var scope = await scopes.ForAsync(User, ct);
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var own = await db.Users.Where(u => u.Id == id).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
        if (scope.StaffId is null) scope = scope with { StaffId = own };
        var code = Staff;
        if (string.IsNullOrWhiteSpace(code))
        {
            if (own is null) return Page();
            code = await db.Staff.Where(s => s.Id == own).Select(s => s.Code).FirstAsync(ct);
        }
        var (access, view) = await credits.ForAsync(code.Trim(), year, scope, ct);
        if (access == StaffCredits.Access.NotFound) return NotFound();
        if (access == StaffCredits.Access.Forbidden) return Forbid();
        View = view;
        Staff = code;
        return Page();
    }
}
