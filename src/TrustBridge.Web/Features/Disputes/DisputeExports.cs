using System.Security.Claims;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Exports;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>CSV/.xlsx downloads through the shared export layer: the queue (with its filters) and the analytics tables. Audited.</summary>
public static class DisputeExports
{
    public const string Exported = "dispute.exported";

    public static void Map(RouteGroupBuilder read)
    {
        read.MapGet("/export", Queue).WithSummary("The queue as CSV or .xlsx (format=csv|xlsx, the queue's filters); for those who see dispute content.");
        read.MapGet("/analytics/export", Analytics).WithSummary("The analytics by department (by=department, default) or by year (by=year) as CSV or .xlsx.");
    }

    private static async Task<IResult> Queue(string? format, [Microsoft.AspNetCore.Http.AsParameters] DisputeQuery query, ClaimsPrincipal user, DisputeAccess access,
        DisputeReads reads, AuditLog audit, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var viewer = await access.ViewerAsync(user, ct);
        if (!viewer.SeesDetail) return Results.Problem("Exports are for those who read disputes.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        var page = await reads.ListAsync(query.ToFilter() with { Page = 1, PageSize = 100_000 }, viewer, ct);
        await audit.RecordAsync(Exported, "dispute", null, new { rows = page.Items.Count, format = format ?? "csv" }, ct);
        return ExportResults.File(new ExportTable("disputes",
            ["reference", "status", "arisen_on", "major", "severity", "departments", "route", "route_due_by", "autopsy_due_by", "claimed", "agreed", "paid", "overdue", "outcome", "closed_on"],
            page.Items.Select(r => (IReadOnlyList<object?>)[r.Reference, r.Status, r.ArisenOn, r.Major, r.Severity, string.Join("、", r.Departments ?? []), r.Route,
                r.RouteDueBy, r.AutopsyDueBy, r.Claimed, r.Agreed, r.Paid, r.Overdue, r.Outcome, r.ClosedOn]).ToList()), format ?? "csv", "disputes");
    }

    private static async Task<IResult> Analytics(string? format, int? year, string? by, ClaimsPrincipal user, DisputeAccess access, DisputeAnalytics analytics, AuditLog audit, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        if (by is not (null or "department" or "year")) return Results.ValidationProblem(new Dictionary<string, string[]> { ["by"] = ["by must be department or year."] });
        var viewer = await access.ViewerAsync(user, ct);
        if (!viewer.SeesDetail) return Results.Problem("Analytics are for those who read disputes.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        var r = await analytics.RunAsync(year, viewer, ct);
        var rows = by == "year" ? r.ByYear : [.. r.ByDepartment, r.Total];
        await audit.RecordAsync(Exported, "dispute-analytics", null, new { by = by ?? "department", year, format = format ?? "csv" }, ct);
        return ExportResults.File(new ExportTable(by == "year" ? "by-year" : "by-department",
            ["key", "label", "count", "closed", "major", "deaths", .. DisputeRoutes.All.Select(x => "route_" + x), "mean_days_to_resolution", "mean_liability_percent",
             "claimed", "agreed", "paid", "average_compensation", "max_compensation", "discharges", "per_10000_discharges"],
            rows.Select(f => (IReadOnlyList<object?>)[f.Key, f.Label, f.Count, f.Closed, f.Major, f.Deaths, .. DisputeRoutes.All.Select(x => (object?)f.ByRoute[x]),
                f.MeanDaysToResolution, f.MeanLiabilityPercent, f.Claimed, f.Agreed, f.Paid, f.AverageCompensation, f.MaxCompensation, f.Discharges, f.Per10000Discharges]).ToList()),
            format ?? "csv", $"dispute-analytics-{by ?? "department"}{(year is { } y ? "-" + y : "")}");
    }
}
