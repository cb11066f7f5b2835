using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Surveys;

public sealed record RecoveryView(int Id, long ResponseId, string DepartmentCode, string DepartmentName, string Reason, double? Score,
    int? Recommend, string? Comment, string Status, string? Notes, DateTime CreatedAt, DateTime? ClosedAt)
{
    /// <summary>The feedback case the same answer opened (a low answer with a comment), if any.</summary>
    public int? CaseId { get; init; }
}

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
        group.MapGet("/", async (string? status, RecoveryTaskBook book, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await book.ListAsync(status, await scopes.ForAsync(http.User, ct), ct)));
        group.MapPut("/{id:int}", async Task<Results<Ok<RecoveryView>, NotFound, ValidationProblem>> (int id, RecoveryUpdate body, RecoveryTaskBook book, CancellationToken ct) =>
        {
            var (task, errors) = await book.UpdateAsync(id, body, ct);
            if (task is not null) return TypedResults.Ok(task);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NotFound();
        }).RequireAuthorization(Policies.RegistryWrite);
        return app;
    }
}
