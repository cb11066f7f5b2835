using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>The patient of an invitation asks not to be surveyed again (/s/{token}/optout): explained, then confirmed by a post.</summary>
public sealed class OptOutModel(OpenSurveyLink open, SubmitSurveyResponse submit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public SurveyLink Link { get; private set; } = SurveyLink.Unknown;
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Link = await open.RunAsync(Token, ct);
        if (Link.State == LinkState.Unknown) Response.StatusCode = StatusCodes.Status404NotFound;
        Done = Link.State == LinkState.OptedOut;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Link = await open.RunAsync(Token, ct);
        if (Link.State == LinkState.Unknown || !await submit.OptOutAsync(Token, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Done = true;
        return Page();
    }
}
