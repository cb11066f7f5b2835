using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

public sealed record PraiseRow(string StaffCode, string StaffName, string? DepartmentCode, string? DepartmentName, int Count, string LatestExcerpt, DateTime LatestAt);
public sealed record PraiseMonth(string Month, int Cases, IReadOnlyList<PraiseRow> Staff);
public sealed record PraiseExcerpt(DateTime ReceivedAt, string Excerpt);
/// <summary>A staff member's praise: all time, the last 12 months, and the latest excerpts (never who praised).</summary>
public sealed record StaffPraise(int AllTime, int LastYear, IReadOnlyList<PraiseExcerpt> Latest);

/// <summary>
/// Issue 4, item 7: praise (type praise) naming a member of staff counts towards that person's recognition. Merged
/// duplicates are not counted. The month is the hospital-local month the praise was received.
/// </summary>
public sealed class PraiseBoard(TrustDbContext db, HospitalClock clock)
{
    public const int ExcerptLength = 120;
    public const int LatestOnProfile = 5;

    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text) || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        month = d;
        return true;
    }

    public string CurrentMonth => FeedbackAnalytics.MonthOf(clock.Today);

    /// <summary>The month's praise list, scoped like the queue, most praised first (then the latest praise, then the code).</summary>
    public async Task<PraiseMonth> MonthAsync(DateOnly month, CaseViewer viewer, CancellationToken ct = default)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var start = clock.StartOfDayUtc(first);
        var end = clock.StartOfDayUtc(first.AddMonths(1));
        var cases = await FeedbackAccess.Visible(Praise(), viewer)
            .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new
            {
                StaffId = c.StaffId!.Value, c.Staff!.Code, c.Staff.Name, DepartmentCode = c.Staff.Department!.Code, DepartmentName = c.Staff.Department.Name,
                c.Id, c.ReceivedAt, c.Content,
            }).ToListAsync(ct);
        var rows = cases.GroupBy(c => c.StaffId).Select(g =>
            {
                var latest = g.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).First();
                return new PraiseRow(latest.Code, latest.Name, latest.DepartmentCode, latest.DepartmentName, g.Count(), Excerpt(latest.Content), latest.ReceivedAt);
            })
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.LatestAt).ThenBy(r => r.StaffCode, StringComparer.Ordinal).ToList();
        return new PraiseMonth(FeedbackAnalytics.MonthOf(first), cases.Count, rows);
    }

    /// <summary>For the staff profile: recognition is public among staff, so it is not scoped; no complainant identity is read.</summary>
    public async Task<StaffPraise> ForStaffAsync(int staffId, CancellationToken ct = default)
    {
        var yearAgo = clock.StartOfDayUtc(clock.Today.AddYears(-1).AddDays(1));
        var mine = Praise().Where(c => c.StaffId == staffId);
        var all = await mine.CountAsync(ct);
        var lastYear = await mine.CountAsync(c => c.ReceivedAt >= yearAgo, ct);
        var latest = await mine.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(LatestOnProfile)
            .Select(c => new { c.ReceivedAt, c.Content }).ToListAsync(ct);
        return new StaffPraise(all, lastYear, [.. latest.Select(l => new PraiseExcerpt(l.ReceivedAt, Excerpt(l.Content)))]);
    }

    private IQueryable<FeedbackCase> Praise() =>
        db.FeedbackCases.AsNoTracking().Where(c => c.Type == FeedbackTypes.Praise && c.StaffId != null && c.Status != CaseStatuses.Merged);

    public static string Excerpt(string content)
    {
        var flat = string.Join(' ', content.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength] + "…";
    }
}
