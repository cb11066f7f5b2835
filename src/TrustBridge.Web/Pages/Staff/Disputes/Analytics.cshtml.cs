using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Disputes;

namespace TrustBridge.Web.Pages.Staff.Disputes;

/// <summary>Dispute analytics by year and department, charts with the numbers in tables too.</summary>
public sealed class AnalyticsModel(DisputeAnalytics analytics, DisputeAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public DisputeAnalyticsView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        if (!viewer.SeesDetail) return Forbid();
        Report = await analytics.RunAsync(Year, viewer, ct);
        return Page();
    }
}
