using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Exports;

namespace TrustBridge.Web.Features.Feedback;

public sealed record RetrainAnswer(int Examples);

/// <summary>Downloads of the queue and of the triage overrides, and retraining triage with the overrides.</summary>
public static class FeedbackStaffApi
{
    public static IEndpointRouteBuilder MapFeedbackStaffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feedback").WithTags("Feedback");
        group.MapGet("/export", async (string? format, [AsParameters] CaseQuery query, ClaimsPrincipal user, FeedbackAccess access, ExportCases export, CancellationToken ct) =>
            {
                if (Unknown(format) is { } bad) return bad;
                if (query.View is { } v && !CaseViewsFilter.All.Contains(v))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["view"] = [$"Unknown view '{v}'; use {string.Join(", ", CaseViewsFilter.All)}."] });
                var table = await export.RunAsync(query.ToFilter() with { Q = CaseSearch.Term(query.Q) }, await access.ViewerAsync(user, ct), ct);
                return ExportResults.File(table, format ?? "csv", "feedback-cases");
            }).RequireAuthorization(Policies.Staff)
            .WithSummary("The queue as CSV or .xlsx with the same filters and scope as GET /api/feedback; no complainant identity; audited.");
        group.MapGet("/triage/overrides/export", async (string? format, ExportTriageOverrides export, CancellationToken ct) =>
            {
                if (Unknown(format) is { } bad) return bad;
                return ExportResults.File(await export.RunAsync(ct), format ?? "csv", "triage-overrides");
            }).RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Every triage override as labelled data (text, suggested_*, type, category, risk_level, at); office and administrators.");
        group.MapPost("/triage/retrain", async (TriageEngine triage, TrustDbContext db, Audit.AuditLog audit, CancellationToken ct) =>
            {
                var used = await triage.RetrainAsync(db, ct);
                await audit.RecordAsync(Audit.AuditActions.Updated, "triage-model", null, new { examples = used }, ct);
                return Results.Ok(new RetrainAnswer(used));
            }).RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Retrains triage with the overrides; answers how many examples were used.");
        return app;
    }

    private static IResult? Unknown(string? format) => format is null || ExportResults.IsKnown(format)
        ? null
        : Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx."] });
}
