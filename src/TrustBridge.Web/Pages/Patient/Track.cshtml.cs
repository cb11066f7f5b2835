using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>
/// The patient follows a case with the tracking code (/Patient/Track, /Patient/Track/{code}): status, dates, departments
/// and the reply, never internal notes, staff names or who complained; then rates the reply or asks again.
/// </summary>
[EnableRateLimiting(IntakeLimit.Name)]
public sealed class TrackModel(TrackCase track, CaseWorkflow flow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public int? Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public TrackingView? View { get; private set; }
    public bool IsMissing { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>What was just done (rated, reopened): a thank-you line after the redirect.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? done, CancellationToken ct)
    {
        if (Code is null)
        {
            if (string.IsNullOrWhiteSpace(q)) return Page();
            if (TrackingCodes.Normalize(q) is { } typed) return Redirect($"/Patient/Track/{typed}");
            return Missing();
        }
        if (TrackingCodes.Normalize(Code) is { } normalized && normalized != Code) return Redirect($"/Patient/Track/{normalized}");
        Done = done is "rated" or "reopened" ? done : null;
        return await ShowAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        var result = await flow.RateAsync(Code, Rating, Comment, ct);
        return await AfterAsync(result, "rated", result.Field == "comment" ? "comment" : "rating", result.Field == "comment" ? "评价内容不能超过 2,000 字。" : "请选择 1–5 分。", ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        var result = await flow.PatientReopenAsync(Code, Reason, ct);
        return await AfterAsync(result, "reopened", "reason", "请写下您仍不满意的原因。", ct);
    }

    private async Task<IActionResult> AfterAsync(CaseActionResult result, string done, string field, string invalid, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case CaseOutcome.Done: return Redirect($"/Patient/Track/{TrackingCodes.Normalize(Code)}?done={done}");
            case CaseOutcome.NotFound: return Missing();
            case CaseOutcome.Conflict: Errors["form"] = done == "rated" ? "这条反馈已经评价过，或还没有可评价的答复。" : "这条反馈当前不能重新办理。"; break;
            default: Errors[field] = invalid; break;
        }
        if (await ShowAsync(ct) is { } missing) return missing;
        Response.StatusCode = result.Outcome == CaseOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        View = await track.RunAsync(Code, ct);
        return View is null ? Missing() : null;
    }

    private PageResult Missing()
    {
        IsMissing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
