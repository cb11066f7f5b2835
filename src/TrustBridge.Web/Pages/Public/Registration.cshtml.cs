using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

/// <summary>The link in the SMS: see the registration and cancel it (a post with the anti-forgery token).</summary>
public sealed class RegistrationModel(PortalEvents events) : PageModel
{
    public EventRegistration? Registration { get; private set; }
    public string EventTitle { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public string StatusName => Registration?.Status switch
    {
        RegistrationStatuses.Registered => "报名成功", RegistrationStatuses.Waitlisted => "候补中", _ => "已取消报名",
    };

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        var (r, e) = await events.FindAsync(reference, ct);
        if (r is null || e is null) return NotFound();
        (Registration, EventTitle, StartsAt) = (r, e.Title, e.StartsAt);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken ct)
    {
        var outcome = await events.CancelAsync(reference, ct);
        if (outcome.NotFound) return NotFound();
        return RedirectToPage(new { reference });
    }
}
