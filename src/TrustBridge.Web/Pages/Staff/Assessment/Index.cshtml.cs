using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Pages.Staff.Assessment;

/// <summary>The department scorecard (科室绩效考核) of a quarter or year, its notices, and for the office the button that issues them.</summary>
public sealed class IndexModel(BuildScorecard build, IssueAssessmentNotices notices, ScopeOfUser scopes, HospitalClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public ScorecardReport Report { get; private set; } = null!;
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];
    public bool CanIssue { get; private set; }
    public bool CanSetWeights { get; private set; }
    public IReadOnlyList<string> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AssessmentPeriod.TryParse(Period ?? DefaultPeriod(), out var p)) return BadRequest();
        await LoadAsync(p, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssessmentPolicies.Office)).Succeeded) return Forbid();
        if (!AssessmentPeriod.TryParse(Period, out var p)) return BadRequest();
        await notices.RunAsync(p, User.FindFirstValue(ClaimTypes.Name) ?? "?", ct);
        return RedirectToPage(new { period = p.Label });
    }

    private string DefaultPeriod()
    {
        var last = AssessmentPeriod.QuarterOf(clock.Today.AddMonths(-3));
        return last.Label;
    }

    private async Task LoadAsync(AssessmentPeriod p, CancellationToken ct)
    {
        Period = p.Label;
        var scope = await scopes.ForAsync(User, ct);
        Report = await build.RunAsync(p, scope, ct);
        Notices = await notices.ListAsync(p.Label, scope, ct);
        CanIssue = (await authorization.AuthorizeAsync(User, AssessmentPolicies.Office)).Succeeded;
        CanSetWeights = (await authorization.AuthorizeAsync(User, AssessmentPolicies.Weights)).Succeeded;
        var periods = new List<string>();
        for (var y = clock.Today.Year; y >= clock.Today.Year - 1; y--)
        {
            for (var q = 4; q >= 1; q--) if (new DateOnly(y, (q - 1) * 3 + 1, 1) <= clock.Today) periods.Add($"{y}Q{q}");
            periods.Add($"{y}");
        }
        Periods = periods;
    }
}
