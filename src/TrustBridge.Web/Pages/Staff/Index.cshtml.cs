using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Dashboard;

namespace TrustBridge.Web.Pages.Staff;

public sealed class IndexModel(RegistryOverview overview, ScopeOfUser scopes) : PageModel
{
    public RegistryFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Figures = await overview.RunAsync(await scopes.ForAsync(User, ct), ct);
}
