using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;

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
        group.MapGet("/", async (string? status, TrustDbContext db, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
        {
            var scope = await scopes.ForAsync(http.User, ct);
            var q = db.ImprovementPlans.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(status)) q = q.Where(p => p.Status == status);
            if (scope.DepartmentIds is { } ids) q = q.Where(p => ids.Contains(p.DepartmentId));
            return TypedResults.Ok(await q.OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Department!.Code).Select(View).ToListAsync(ct));
        }).WithSummary("Improvement plans (专项辅导); the supervision group and leadership see all, department heads their own.");

        group.MapPost("/evaluate", async Task<Results<Ok<List<PlanView>>, ValidationProblem>> (EvaluateRequest body, OpenImprovementPlans open, TrustDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Instrument) || body.From is null || body.To is null || body.From > body.To)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["instrument, from and to (from ≤ to) are required."] });
            var opened = await open.RunAsync(body.Instrument.Trim(), body.From.Value, body.To.Value, ct);
            var ids = opened.Select(p => p.Id).ToList();
            return TypedResults.Ok(await db.ImprovementPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(View).ToListAsync(ct));
        }).RequireAuthorization(Policies.RegistryWrite).WithSummary("Open plans for the low-alarm departments of a period (idempotent).");

        group.MapPut("/{id:int}", async Task<Results<Ok<PlanView>, NotFound, ValidationProblem>> (int id, PlanUpdate body, TrustDbContext db, AuditLog audit, TimeProvider time, CancellationToken ct) =>
        {
            if (PlanStatusCheck.Invalid(body.Status) is { } invalid) return invalid;
            if (body.Notes?.Length > 4000 || body.Owner?.Length > 100)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["notes"] = ["notes at most 4000 characters, owner at most 100."] });
            var plan = await db.ImprovementPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null) return TypedResults.NotFound();
            if (body.Owner is not null) plan.Owner = body.Owner.Trim();
            if (body.DueOn is { } due) plan.DueOn = due;
            if (body.Status is not null) plan.Status = body.Status;
            if (body.Notes is not null) plan.Notes = body.Notes;
            plan.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActions.Updated, "improvement-plan", id.ToString(System.Globalization.CultureInfo.InvariantCulture), body, ct);
            return TypedResults.Ok(await db.ImprovementPlans.AsNoTracking().Where(p => p.Id == id).Select(View).FirstAsync(ct));
        }).RequireAuthorization(Policies.RegistryWrite);
        return app;
    }

    private static readonly System.Linq.Expressions.Expression<Func<ImprovementPlan, PlanView>> View = p => new PlanView(
        p.Id, p.Department!.Code, p.Department.Name, p.InstrumentCode, p.PeriodFrom, p.PeriodTo, p.N, p.TrustingRate, p.Lower998,
        p.Owner, p.DueOn, p.Status, p.Notes);
}
