using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>After the form: the tracking code, large, and the dates by which the hospital acknowledges and replies.</summary>
public sealed class FeedbackReceivedModel(TrackCase track) : PageModel
{
    public TrackingView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        View = await track.RunAsync(code, ct);
        if (View is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
