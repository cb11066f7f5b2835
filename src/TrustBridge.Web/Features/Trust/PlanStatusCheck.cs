using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Trust;

/// <summary>Improvement plans and service-recovery tasks share their statuses; this refuses any other.</summary>
public static class PlanStatusCheck
{
    public static ValidationProblem? Invalid(string? status) =>
        status is not null && !PlanStatuses.All.Contains(status)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"status must be one of {string.Join(", ", PlanStatuses.All)}."] })
            : null;
}
