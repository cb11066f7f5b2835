using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Trust;

public sealed record PlanView(int Id, string DepartmentCode, string DepartmentName, string Instrument, DateOnly PeriodFrom, DateOnly PeriodTo,
    int N, double TrustingRate, double Lower998, string? Owner, DateOnly DueOn, string Status, string? Notes);

public sealed record PlanUpdate(string? Owner, DateOnly? DueOn, string? Status, string? Notes);

public sealed record EvaluateRequest(string? Instrument, DateOnly? From, DateOnly? To);

public static class ImprovementPlansApi
{
    public static IEndpointRouteBuilder MapImprovementPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/improvement-plans").WithTags("Improvement").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (string? status, ImprovementPlanBook book, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await book.ListAsync(status, await scopes.ForAsync(http.User, ct), ct)))
            .WithSummary("Improvement plans (专项辅导); the supervision group and leadership see all, department heads their own.");

        group.MapPost("/evaluate", async Task<Results<Ok<List<PlanView>>, ValidationProblem>> (EvaluateRequest body, OpenImprovementPlans open, ImprovementPlanBook book, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Instrument) || body.From is null || body.To is null || body.From > body.To)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["instrument, from and to (from ≤ to) are required."] });
            var opened = await open.RunAsync(body.Instrument.Trim(), body.From.Value, body.To.Value, ct);
            return TypedResults.Ok(await book.ViewsAsync(opened.Select(p => p.Id).ToList(), ct));
        }).RequireAuthorization(Policies.RegistryWrite).WithSummary("Open plans for the low-alarm departments of a period (idempotent).");

        group.MapPut("/{id:int}", async Task<Results<Ok<PlanView>, NotFound, ValidationProblem>> (int id, PlanUpdate body, ImprovementPlanBook book, CancellationToken ct) =>
        {
            var (plan, errors) = await book.UpdateAsync(id, body, ct);
            if (plan is not null) return TypedResults.Ok(plan);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NotFound();
        }).RequireAuthorization(Policies.RegistryWrite);

        group.MapGet("/{id:int}", async Task<Results<Ok<PlanDetail>, NotFound>> (int id, ImprovementPlanWork work, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
            await work.DetailAsync(id, await scopes.ForAsync(http.User, ct), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("One plan with its actions, the baseline and the re-measurement at the next survey wave, and the department's complaints in the plan's period.");

        group.MapPost("/{id:int}/actions", async Task<Results<Created<ActionView>, NotFound, ForbidHttpResult, ValidationProblem>> (int id, ActionInput body,
            ImprovementPlanWork work, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
        {
            if (await work.DetailAsync(id, await scopes.ForAsync(http.User, ct), ct) is null) return TypedResults.NotFound();
            if (!await work.CanWorkAsync(http.User, id, ct)) return TypedResults.Forbid();
            var (action, errors) = await work.AddActionAsync(id, body, ct);
            if (action is not null) return TypedResults.Created($"/api/improvement-plans/{id}/actions/{action.Id}", action);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NotFound();
        }).WithSummary("Add an action to a plan: what, who (staffId or staffCode), dueOn, status, evidence and evidenceUrl. The office, or the department's head.");

        group.MapPut("/{id:int}/actions/{actionId:int}", async Task<Results<Ok<ActionView>, NotFound, ForbidHttpResult, ValidationProblem>> (int id, int actionId, ActionInput body,
            ImprovementPlanWork work, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
        {
            if (await work.DetailAsync(id, await scopes.ForAsync(http.User, ct), ct) is null) return TypedResults.NotFound();
            if (!await work.CanWorkAsync(http.User, id, ct)) return TypedResults.Forbid();
            var (action, errors) = await work.UpdateActionAsync(id, actionId, body, ct);
            if (action is not null) return TypedResults.Ok(action);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NotFound();
        }).WithSummary("Change an action (null fields stay): status, evidence, who, due date.");
        return app;
    }
}
