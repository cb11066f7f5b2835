using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Pages.Account;

namespace TrustBridge.Web.Pages;

/// <summary>Signed-in staff go straight to their dashboard; everyone else sees a short landing page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.IsInAnyRole() ? Redirect("/Staff") : Page();
}
