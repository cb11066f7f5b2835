using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Assessment;

public static class AssessmentApi
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/assessment").WithTags("Assessment");
        g.MapGet("/departments", Departments).RequireAuthorization(Policies.Staff)
            .WithSummary("The department scorecard of ASSESSMENT.md for period=2026Q3 or 2026: score, band and every indicator with value, 95% interval, n, target, met and assessed (not assessed has no value, never zero). A department head sees her departments.");
        g.MapGet("/weights", async (AssessmentWeights w, CancellationToken ct) => TypedResults.Ok(await w.HistoryAsync(ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("Every version of targets and weights, newest first; id 0 is the shipped default.");
        g.MapPost("/weights", SaveWeights).RequireAuthorization(AssessmentPolicies.Weights)
            .WithSummary("A new version of targets and weights: effectiveFrom, note, indicators [{code, weight (percent; they add up to 100), target, floor}].");
        g.MapPost("/notices", Issue).RequireAuthorization(AssessmentPolicies.Office)
            .WithSummary("通报: every department below Assessment:NoticeBelowScore in the period gets a notice and an improvement plan due in 30 days.");
        g.MapGet("/notices", async Task<Ok<List<NoticeView>>> (string? period, IssueAssessmentNotices notices, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await notices.ListAsync(period, await scopes.ForAsync(http.User, ct), ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("The notices, optionally of one period.");
        return app;
    }

    public static Dictionary<string, string[]> PeriodProblem() => new() { ["period"] = ["period is a quarter like 2026Q3 or a year like 2026."] };

    private static async Task<Results<Ok<ScorecardReport>, ValidationProblem>> Departments(string? period, BuildScorecard build, ScopeOfUser scopes, HttpContext http, CancellationToken ct)
    {
        if (!AssessmentPeriod.TryParse(period, out var p)) return TypedResults.ValidationProblem(PeriodProblem());
        return TypedResults.Ok(await build.RunAsync(p, await scopes.ForAsync(http.User, ct), ct));
    }

    private static async Task<Results<Created<WeightsVersionView>, ValidationProblem>> SaveWeights(WeightsInput input, AssessmentWeights weights, HttpContext http, CancellationToken ct)
    {
        var (saved, errors) = await weights.SaveAsync(input, http.User.FindFirstValue(ClaimTypes.Name) ?? "?", ct);
        return saved is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/assessment/weights/{saved.Id}", saved);
    }

    private static async Task<Results<Ok<List<NoticeView>>, ValidationProblem>> Issue(string? period, IssueAssessmentNotices notices, HttpContext http, CancellationToken ct)
    {
        if (!AssessmentPeriod.TryParse(period, out var p)) return TypedResults.ValidationProblem(PeriodProblem());
        return TypedResults.Ok(await notices.RunAsync(p, http.User.FindFirstValue(ClaimTypes.Name) ?? "?", ct));
    }
}
