using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>Feedback analytics (issue 4, item 10): the same report as GET /api/feedback/analytics, scoped to the reader.</summary>
public sealed class AnalyticsModel(FeedbackAnalytics analytics, FeedbackAccess access, TrustDbContext db) : PageModel
{
    public const int TopDepartments = 15;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }

    public FeedbackAnalyticsReport Report { get; private set; } = null!;
    public string? Problem { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];

    /// <summary>The report's own filters as a query string, for the export links.</summary>
    public string Filter => $"from={Report.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={Report.Query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (Report.Query.DepartmentCode is { } d ? "&departmentCode=" + Uri.EscapeDataString(d) : "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        var query = FeedbackInsightApi.Query(analytics, From, To, DepartmentCode, out var error);
        if (query is null || !ModelState.IsValid)
        {
            Problem = error is null ? "日期格式应为 2026-11-22。" : "时段无效：开始日期须不晚于结束日期，且不超过三年；已显示近 12 个月。";
            query = analytics.Default(DepartmentCode);
        }
        Report = await analytics.RunAsync(query, viewer, ct);
        var scoped = viewer.IsDepartmentHead ? viewer.Scope.DepartmentIds?.ToList() ?? [] : null;
        var list = db.Departments.AsNoTracking().Where(d => d.Active);
        if (scoped is not null) list = list.Where(d => scoped.Contains(d.Id));
        Departments = [.. (await list.OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name))];
    }
}
