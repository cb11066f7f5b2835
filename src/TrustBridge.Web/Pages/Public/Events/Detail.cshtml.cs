using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Events;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(TrustBridge.Web.Features.Feedback.IntakeLimit.Name)]
/// <summary>An event and its registration form (not output-cached: the form carries an anti-forgery token).</summary>
public sealed class DetailModel(PortalEvents events) : PageModel
{
    public EventView? Event { get; private set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    public RegistrationResult? Done { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Event = await events.GetAsync(id, ct);
        return Event is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (result, outcome) = await events.RegisterAsync(id, Name, Mobile, $"{Request.Scheme}://{Request.Host}", ct);
        if (outcome.NotFound) return NotFound();
        Errors = outcome.Errors ?? [];
        Done = result;
        Event = await events.GetAsync(id, ct);
        if (result is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
