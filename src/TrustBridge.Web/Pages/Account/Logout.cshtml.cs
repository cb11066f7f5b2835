using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Pages.Account;

/// <summary>Logging out is a POST (with anti-forgery) so a link on another site cannot log a user out.</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditActions.Logout, "user", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
