using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Pages.Account;

/// <summary>The staff cookie login; the same sign-in flow (and audit) as the bearer token API.</summary>
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    [BindProperty, Required] public string Email { get; set; } = "";
    [BindProperty, Required, DataType(DataType.Password)] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public SignInOutcome? Outcome { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true && User.IsInAnyRole() ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Outcome = SignInOutcome.Failed;
            return Page();
        }
        Outcome = await SignInFlow.PasswordSignInAsync(signIn, users, audit, HttpContext, Email, Password, IdentityConstants.ApplicationScheme, RememberMe);
        if (Outcome == SignInOutcome.Succeeded) return LocalRedirect(SafeReturnUrl);
        Password = "";
        return Page();
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } r && Url.IsLocalUrl(r) ? r : "/Staff";
}

internal static class PrincipalRoles
{
    public static bool IsInAnyRole(this System.Security.Claims.ClaimsPrincipal user) => Roles.All.Any(user.IsInRole);
}
