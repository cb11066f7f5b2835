using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Core.Assessment;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Pages.Staff.Assessment;

/// <summary>Targets and weights (administrators): a new version from a date, and the history of versions.</summary>
[Authorize(Policy = AssessmentPolicies.Weights)]
public sealed class WeightsModel(AssessmentWeights weights, HospitalClock clock) : PageModel
{
    public sealed class Row
    {
        public string Code { get; set; } = "";
        public decimal? Weight { get; set; }
        public double? Target { get; set; }
        public double? Floor { get; set; }
    }

    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<Row> Rows { get; set; } = [];
    public IReadOnlyList<WeightsVersionView> History { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await weights.InForceAsync(clock.Today, ct);
        EffectiveFrom = clock.Today;
        Rows = Indicators.All.Select(d => current.Indicators.FirstOrDefault(i => i.Code == d.Code) is { } s
            ? new Row { Code = d.Code, Weight = s.Weight, Target = s.Target, Floor = s.Floor }
            : new Row { Code = d.Code, Weight = 0, Target = d.DefaultTarget, Floor = d.DefaultFloor }).ToList();
        History = await weights.HistoryAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new WeightsInput(EffectiveFrom, Note, Rows.Select(r => new IndicatorSettingInput(r.Code, r.Weight ?? 0, r.Target, r.Floor)).ToArray());
        var (saved, errors) = await weights.SaveAsync(input, User.FindFirstValue(ClaimTypes.Name) ?? "?", ct);
        if (saved is not null) return RedirectToPage();
        Errors = errors;
        History = await weights.HistoryAsync(ct);
        return Page();
    }
}
