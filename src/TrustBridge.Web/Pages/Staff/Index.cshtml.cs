using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Dashboard;

namespace TrustBridge.Web.Pages.Staff;

/// <summary>
/// The home page of each role (issue 8, deliver 1): the office's queue, a department head's department, a clinician's own
/// cases and scores, leadership's hospital overview, the supervisor's overdue items first. The office and administrators
/// also keep the registry overview (counts and encounters per month).
/// </summary>
public sealed class IndexModel(RoleHome home, RegistryOverview overview, ScopeOfUser scopes) : PageModel
{
    public HomeView Home { get; private set; } = null!;
    public RegistryFigures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await home.RunAsync(User, ct);
        if (Home.Kind == HomeKind.Office) Figures = await overview.RunAsync(await scopes.ForAsync(User, ct), ct);
    }
}
