using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Patients;

namespace TrustBridge.Web.Pages.Staff.Patients;

/// <summary>
/// One patient with the encounter timeline. The full mobile and identity number are shown only in the answer to the
/// reveal POST, once, for roles the RevealPatientIdentifiers policy allows; GetPatient audits both reads.
/// </summary>
public sealed class DetailModel(GetPatient get, ScopeOfUser scopes, IAuthorizationService authorization) : PageModel
{
    public PatientDetail Detail { get; private set; } = null!;
    public RevealedIdentifiers? Revealed { get; private set; }
    public bool CanReveal { get; private set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>A listed reason (RevealReasons.Listed), or empty for the text in Reason.</summary>
    [BindProperty] public string? ReasonChoice { get; set; }
    public string? ReasonProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RevealPatientIdentifiers)).Succeeded) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var reason = string.IsNullOrWhiteSpace(ReasonChoice) ? Reason : ReasonChoice;
        if (RevealReasons.Check(reason).Problem is not null)
        {
            ReasonProblem = "请选择查看原因，或填写至少 4 个字、不超过 500 字的原因。";
            return Page();
        }
        Revealed = await get.RevealAsync(id, reason, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, await scopes.ForAsync(User, ct), ct) is not { } d) return false;
        Detail = d;
        CanReveal = (await authorization.AuthorizeAsync(User, Policies.RevealPatientIdentifiers)).Succeeded;
        return true;
    }
}
