using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Waves;

/// <summary>The survey waves, newest first.</summary>
public sealed class IndexModel(GetSurveyWave get) : PageModel
{
    public IReadOnlyList<WaveView> Waves { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Waves = await get.ListAsync(ct);
}
