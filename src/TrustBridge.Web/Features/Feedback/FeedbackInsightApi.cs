using System.Security.Claims;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Exports;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>The analytics tables as people download them (one table per file: the .xlsx writer makes one sheet).</summary>
public static class FeedbackInsightTables
{
    public static readonly string[] Analytics = ["type", "category", "risk", "channel", "department", "month", "cues"];

    public static ExportTable For(FeedbackAnalyticsReport r, string table) => table switch
    {
        "type" => Counts("by-type", "type", r.ByType),
        "category" => Counts("by-category", "category", r.ByCategory),
        "risk" => Counts("by-risk-level", "risk_level", r.ByRiskLevel),
        "channel" => Counts("by-channel", "channel", r.ByChannel),
        "department" => new ExportTable("by-department", ["department_code", "department_name", "cases", "complaints"],
            [.. r.ByDepartment.Select(d => (IReadOnlyList<object?>)[d.Code, d.Name, d.N, d.Complaints])]),
        "month" => new ExportTable("by-month", ["month", "cases", .. FeedbackTypes.All],
            [.. r.ByMonth.Select(m => (IReadOnlyList<object?>)[m.Month, m.N, .. FeedbackTypes.All.Select(t => (object?)m.ByType.GetValueOrDefault(t))])]),
        _ => new ExportTable("frequent-cues", ["cue", "cases"], [.. r.FrequentCues.Select(c => (IReadOnlyList<object?>)[c.Text, c.N])]),
    };

    private static ExportTable Counts(string title, string header, IReadOnlyList<CountRow> rows) =>
        new(title, [header, "cases"], [.. rows.Select(c => (IReadOnlyList<object?>)[c.Key, c.N])]);

    public static ExportTable Praise(PraiseMonth m) => new("praise-" + m.Month,
        ["month", "staff_code", "staff_name", "department_code", "department_name", "praise", "latest_excerpt"],
        [.. m.Staff.Select(s => (IReadOnlyList<object?>)[m.Month, s.StaffCode, s.StaffName, s.DepartmentCode, s.DepartmentName, s.Count, s.LatestExcerpt])]);
}

public static class FeedbackInsightApi
{
    public static IEndpointRouteBuilder MapFeedbackInsightApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/feedback").WithTags("Feedback").RequireAuthorization(Policies.Staff);
        staff.MapGet("/analytics", async (DateOnly? from, DateOnly? to, string? departmentCode, ClaimsPrincipal user, FeedbackAccess access, FeedbackAnalytics analytics, CancellationToken ct) =>
                await Report(from, to, departmentCode, user, access, analytics, ct) is var (report, problem) && problem is null ? Results.Ok(report) : problem!)
            .WithSummary("Volumes by type, category, risk, channel, department and month; on-time reply and acknowledgement rates; median days to reply; repeat complainants; frequent cues; average rating. Default: the last 12 months. Scoped like the queue.");
        staff.MapGet("/analytics/export", async (string? format, string? table, DateOnly? from, DateOnly? to, string? departmentCode, ClaimsPrincipal user,
                FeedbackAccess access, FeedbackAnalytics analytics, CancellationToken ct) =>
            {
                if (!ExportResults.IsKnown(format ?? "csv")) return Invalid("format", "format must be csv or xlsx.");
                var name = table ?? "type";
                if (!FeedbackInsightTables.Analytics.Contains(name)) return Invalid("table", $"table must be one of {string.Join(", ", FeedbackInsightTables.Analytics)}.");
                var r = await Report(from, to, departmentCode, user, access, analytics, ct);
                if (r.Problem is { } p) return p;
                var t = FeedbackInsightTables.For(r.Report!, name);
                return ExportResults.File(t, format ?? "csv", $"feedback-{t.Title}-{r.Report!.Query.From:yyyy-MM-dd}-{r.Report.Query.To:yyyy-MM-dd}");
            })
            .WithSummary("One analytics table (type|category|risk|channel|department|month|cues) as CSV or .xlsx.");
        staff.MapGet("/praise", async (string? month, ClaimsPrincipal user, FeedbackAccess access, PraiseBoard praise, CancellationToken ct) =>
                await Praise(month, user, access, praise, ct) is var (m, problem) && problem is null ? Results.Ok(m) : problem!)
            .WithSummary("The month's praise list (month=yyyy-MM, default this month): staff named in praise, how often, the latest excerpt; most praised first.");
        staff.MapGet("/praise/export", async (string? format, string? month, ClaimsPrincipal user, FeedbackAccess access, PraiseBoard praise, CancellationToken ct) =>
            {
                if (!ExportResults.IsKnown(format ?? "csv")) return Invalid("format", "format must be csv or xlsx.");
                var (m, problem) = await Praise(month, user, access, praise, ct);
                return problem ?? ExportResults.File(FeedbackInsightTables.Praise(m!), format ?? "csv", "praise-" + m!.Month);
            })
            .WithSummary("The month's praise list as CSV or .xlsx.");
        return app;
    }

    private static async Task<(FeedbackAnalyticsReport? Report, IResult? Problem)> Report(DateOnly? from, DateOnly? to, string? departmentCode,
        ClaimsPrincipal user, FeedbackAccess access, FeedbackAnalytics analytics, CancellationToken ct)
    {
        var query = Query(analytics, from, to, departmentCode, out var error);
        if (query is null) return (null, Invalid("from", error!));
        return (await analytics.RunAsync(query, await access.ViewerAsync(user, ct), ct), null);
    }

    /// <summary>The asked period, defaulting to the last 12 months; null with a reason when it is backwards or too long.</summary>
    public static AnalyticsQuery? Query(FeedbackAnalytics analytics, DateOnly? from, DateOnly? to, string? departmentCode, out string? error)
    {
        error = null;
        var d = analytics.Default(string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode.Trim());
        var q = d with { From = from ?? (to is { } t ? t.AddYears(-1).AddDays(1) : d.From), To = to ?? d.To };
        if (q.From > q.To) error = "from is after to.";
        else if (q.To.DayNumber - q.From.DayNumber >= FeedbackAnalytics.MaxDays) error = $"The period is longer than {FeedbackAnalytics.MaxDays} days.";
        return error is null ? q : null;
    }

    private static async Task<(PraiseMonth? Month, IResult? Problem)> Praise(string? month, ClaimsPrincipal user, FeedbackAccess access, PraiseBoard praise, CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(month) ? praise.CurrentMonth : month;
        if (!PraiseBoard.TryParseMonth(text, out var m)) return (null, Invalid("month", "month must look like 2026-11."));
        return (await praise.MonthAsync(m, await access.ViewerAsync(user, ct), ct), null);
    }

    private static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
