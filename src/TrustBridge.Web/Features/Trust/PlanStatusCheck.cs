using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Trust;

/// <summary>Improvement plans and service-recovery tasks share their statuses; this refuses any other.</summary>
public static class PlanStatusCheck
{
    /// <summary>The problems by field (empty when the status is absent or known).</summary>
    public static Dictionary<string, string[]> Errors(string? status) =>
        status is not null && !PlanStatuses.All.Contains(status)
            ? new() { ["status"] = [$"status must be one of {string.Join(", ", PlanStatuses.All)}."] }
            : [];
}
