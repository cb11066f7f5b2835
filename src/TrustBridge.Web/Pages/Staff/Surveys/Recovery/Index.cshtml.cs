using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Recovery;

/// <summary>Service-recovery tasks (low answers to follow up); the office closes them with notes, others read them in their scope.</summary>
public sealed class IndexModel(RecoveryTaskBook book, ScopeOfUser scopes, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public IReadOnlyList<RecoveryView> Tasks { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;
        Tasks = await book.ListAsync(Status, await scopes.ForAsync(User, ct), ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, string? newStatus, string? notes, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded) return Forbid();
        if (newStatus is not { } status || !PlanStatuses.All.Contains(status)) return BadRequest();
        var (task, _) = await book.UpdateAsync(id, new RecoveryUpdate(status, notes), ct);
        if (task is null) return NotFound();
        return Redirect("/Staff/Surveys/Recovery" + (string.IsNullOrEmpty(Status) ? "" : "?status=" + Uri.EscapeDataString(Status)));
    }
}
