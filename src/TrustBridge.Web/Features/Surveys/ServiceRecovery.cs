using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Surveys;

public sealed record RecoveryView(int Id, long ResponseId, string DepartmentCode, string DepartmentName, string Reason, double? Score,
    int? Recommend, string? Comment, string Status, string? Notes, DateTime CreatedAt, DateTime? ClosedAt);

public sealed record RecoveryUpdate(string? Status, string? Notes);

/// <summary>
/// A low answer becomes a follow-up task for the patient-relations office: trust score below 50, or a recommend of
/// 6 or less with a comment.
/// </summary>
public static class ServiceRecovery
{
    public const double ScoreBelow = 50;
    public const int RecommendAtMost = 6;

    public static string? ReasonFor(SurveyResponse r)
    {
        if (r.Score is { } s && s < ScoreBelow) return $"score {s:0.#} < {ScoreBelow}";
        if (r.Recommend is { } rec && rec <= RecommendAtMost && !string.IsNullOrWhiteSpace(r.Comment)) return $"recommend {rec} ≤ {RecommendAtMost} with a comment";
        return null;
    }

    public static ServiceRecoveryTask TaskFor(SurveyResponse r, string reason, DateTime now) => new()
    {
        Response = r, DepartmentId = r.DepartmentId, Reason = reason, Score = r.Score, Recommend = r.Recommend, Comment = r.Comment, CreatedAt = now,
    };

    public static IEndpointRouteBuilder MapServiceRecoveryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-recovery").WithTags("Surveys").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (string? status, TrustDbContext db, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
        {
            var scope = await scopes.ForAsync(http.User, ct);
            var q = db.ServiceRecoveryTasks.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(status)) q = q.Where(t => t.Status == status);
            if (scope.DepartmentIds is { } ids) q = q.Where(t => ids.Contains(t.DepartmentId));
            return TypedResults.Ok(await q.OrderByDescending(t => t.Id).Take(500).Select(View).ToListAsync(ct));
        });
        group.MapPut("/{id:int}", async Task<Results<Ok<RecoveryView>, NotFound, ValidationProblem>> (int id, RecoveryUpdate body, TrustDbContext db, AuditLog audit, TimeProvider time, CancellationToken ct) =>
        {
            if (PlanStatusCheck.Invalid(body.Status) is { } invalid) return invalid;
            var task = await db.ServiceRecoveryTasks.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (task is null) return TypedResults.NotFound();
            if (body.Status is not null)
            {
                task.Status = body.Status;
                task.ClosedAt = body.Status is PlanStatuses.Done or PlanStatuses.Cancelled ? time.GetUtcNow().UtcDateTime : null;
            }
            if (body.Notes is not null) task.Notes = body.Notes.Length > 4000 ? body.Notes[..4000] : body.Notes;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActions.Updated, "service-recovery", id.ToString(System.Globalization.CultureInfo.InvariantCulture), body, ct);
            return TypedResults.Ok(await db.ServiceRecoveryTasks.AsNoTracking().Where(t => t.Id == id).Select(View).FirstAsync(ct));
        }).RequireAuthorization(Policies.RegistryWrite);
        return app;
    }

    private static readonly System.Linq.Expressions.Expression<Func<ServiceRecoveryTask, RecoveryView>> View = t => new RecoveryView(
        t.Id, t.ResponseId, t.Department!.Code, t.Department.Name, t.Reason, t.Score, t.Recommend, t.Comment, t.Status, t.Notes, t.CreatedAt, t.ClosedAt);
}
