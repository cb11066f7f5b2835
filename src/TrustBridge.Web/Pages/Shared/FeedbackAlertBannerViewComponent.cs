using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Shared;

/// <summary>
/// The red banner on every staff page while a high-risk case visible to the viewer is unacknowledged. Renders nothing
/// for anyone without a staff role, so anonymous and patient pages are untouched.
/// </summary>
public sealed class FeedbackAlertBannerViewComponent(FeedbackAccess access, OpenAlerts alerts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !Roles.All.Any(user.IsInRole)) return Content("");
        var viewer = await access.ViewerAsync(user, HttpContext.RequestAborted);
        var summary = await alerts.RunAsync(viewer, HttpContext.RequestAborted);
        return summary is null ? Content("") : View(new FeedbackAlertBanner(summary, viewer.Handles, Show.CurrentUrl(HttpContext.Request)));
    }
}

public sealed record FeedbackAlertBanner(AlertSummary Summary, bool MayAcknowledge, string ReturnUrl);
