using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>The period (hospital-local receipt dates, both ends included) and an optional department.</summary>
public sealed record AnalyticsQuery(DateOnly From, DateOnly To, string? DepartmentCode);

public sealed record CountRow(string Key, int N);
public sealed record DepartmentVolume(string? Code, string? Name, int N, int Complaints);
public sealed record MonthVolume(string Month, int N, IReadOnlyDictionary<string, int> ByType);
public sealed record CueCount(string Text, int N);

/// <summary>A rate as its parts, so a page can show "2 / 3" and a test can check both.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}

public sealed record RepeatComplainants(int People, int Cases);

/// <summary>
/// Feedback analytics over the cases received in the period that the viewer may see. Merged duplicates are left out
/// everywhere: the case they were folded into is counted once.
/// </summary>
/// <param name="OnTime">
/// 按时回复率. Cases with a reply deadline are complaints, suggestions and consultations (praise has none). The
/// denominator counts those whose reply is already judged: replied (RepliedAt set), or not replied and the deadline
/// DueBy has passed. The numerator counts those replied at or before DueBy; a case resolved on the spot counts as on
/// time. Open cases still within their deadline are in neither.
/// </param>
/// <param name="OnTimeAcknowledgement">The same for acknowledgement (受理) of every type: AcknowledgedAt ≤ AcknowledgeBy, over cases acknowledged or past AcknowledgeBy.</param>
/// <param name="MedianDaysToReply">
/// Median of RepliedAt − ReceivedAt over the replied cases, in calendar days (24 h, not working days), the middle value
/// of the sorted durations or the mean of the two middle ones; null without replied cases.
/// </param>
/// <param name="RepeatComplainants">Mobile numbers (by their keyed hash, never shown) with two or more cases in the period.</param>
public sealed record FeedbackAnalyticsReport(
    AnalyticsQuery Query, int Total,
    IReadOnlyList<CountRow> ByType, IReadOnlyList<CountRow> ByCategory, IReadOnlyList<CountRow> ByRiskLevel, IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<DepartmentVolume> ByDepartment, IReadOnlyList<MonthVolume> ByMonth,
    Ratio OnTime, Ratio OnTimeAcknowledgement, double? MedianDaysToReply, int RepliedCount,
    RepeatComplainants RepeatComplainants, IReadOnlyList<CueCount> FrequentCues, double? AverageRating, int Ratings);

/// <summary>Issue 4, item 10: the volumes, timeliness and patterns of the feedback the viewer may see.</summary>
public sealed class FeedbackAnalytics(TrustDbContext db, HospitalClock clock)
{
    public const int TopCues = 20;
    /// <summary>At most this long a period (a few years) in one report.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>The last 12 months in hospital time: from the same day a year ago up to today.</summary>
    public AnalyticsQuery Default(string? departmentCode = null)
    {
        var today = clock.Today;
        return new AnalyticsQuery(today.AddYears(-1).AddDays(1), today, departmentCode);
    }

    public async Task<FeedbackAnalyticsReport> RunAsync(AnalyticsQuery query, CaseViewer viewer, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var start = clock.StartOfDayUtc(query.From);
        var end = clock.StartOfDayUtc(query.To.AddDays(1));
        var q = FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer)
            .Where(c => c.Status != CaseStatuses.Merged && c.ReceivedAt >= start && c.ReceivedAt < end);
        if (!string.IsNullOrWhiteSpace(query.DepartmentCode))
            q = q.Where(c => c.Department!.Code == query.DepartmentCode || c.Departments.Any(d => d.Department!.Code == query.DepartmentCode));
        var rows = await q.Select(c => new Row(c.Type, c.Category, c.RiskLevel, c.Channel, c.DepartmentId, c.ReceivedAt, c.AcknowledgeBy,
            c.AcknowledgedAt, c.DueBy, c.RepliedAt, c.ResolvedOnTheSpot, c.MobileHash, c.TriageCues, c.PatientRating)).ToListAsync(ct);

        var departmentIds = rows.Where(r => r.DepartmentId != null).Select(r => r.DepartmentId!.Value).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name }).ToDictionaryAsync(d => d.Id, ct);

        var byDepartment = rows.GroupBy(r => r.DepartmentId)
            .Select(g => new DepartmentVolume(g.Key is { } id ? departments[id].Code : null, g.Key is { } id2 ? departments[id2].Name : null,
                g.Count(), g.Count(r => r.Type == FeedbackTypes.Complaint)))
            .OrderByDescending(d => d.N).ThenBy(d => d.Code ?? "\uffff", StringComparer.Ordinal).ToList();

        var months = new List<MonthVolume>();
        var byMonth = rows.GroupBy(r => MonthOf(clock.LocalDate(r.ReceivedAt))).ToDictionary(g => g.Key, g => g.ToList());
        for (var m = new DateOnly(query.From.Year, query.From.Month, 1); m <= query.To; m = m.AddMonths(1))
        {
            var key = MonthOf(m);
            var inMonth = byMonth.GetValueOrDefault(key) ?? [];
            months.Add(new MonthVolume(key, inMonth.Count, FeedbackTypes.All.ToDictionary(t => t, t => inMonth.Count(r => r.Type == t))));
        }

        var withDeadline = rows.Where(r => r.Type != FeedbackTypes.Praise && (r.RepliedAt != null || r.DueBy < now)).ToList();
        var onTime = new Ratio(withDeadline.Count(r => r.ResolvedOnTheSpot || (r.RepliedAt is { } at && at <= r.DueBy)), withDeadline.Count);
        var ackJudged = rows.Where(r => r.AcknowledgedAt != null || r.AcknowledgeBy < now).ToList();
        var ackOnTime = new Ratio(ackJudged.Count(r => r.AcknowledgedAt is { } at && at <= r.AcknowledgeBy), ackJudged.Count);

        var replyDays = rows.Where(r => r.RepliedAt != null).Select(r => (r.RepliedAt!.Value - r.ReceivedAt).TotalDays).ToList();
        var repeats = rows.Where(r => r.MobileHash != null).GroupBy(r => r.MobileHash).Where(g => g.Count() >= 2).ToList();
        var ratings = rows.Where(r => r.PatientRating != null).Select(r => r.PatientRating!.Value).ToList();

        return new FeedbackAnalyticsReport(query, rows.Count,
            Counts(rows, r => r.Type, FeedbackTypes.All), Counts(rows, r => r.Category, FeedbackCategories.All),
            Counts(rows, r => r.RiskLevel, RiskLevels.All), Counts(rows, r => r.Channel, FeedbackChannels.All),
            byDepartment, months, onTime, ackOnTime, Median(replyDays), replyDays.Count,
            new RepeatComplainants(repeats.Count, repeats.Sum(g => g.Count())),
            Cues(rows.Select(r => r.TriageCues)), ratings.Count == 0 ? null : ratings.Average(), ratings.Count);
    }

    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every known value in its defined order (zeros included), then any other value found, most frequent first.</summary>
    private static List<CountRow> Counts(List<Row> rows, Func<Row, string> key, string[] known)
    {
        var counts = rows.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        return [.. known.Select(k => new CountRow(k, counts.GetValueOrDefault(k))),
            .. counts.Where(kv => !known.Contains(kv.Key)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new CountRow(kv.Key, kv.Value))];
    }

    /// <summary>The middle of the sorted values, or the mean of the two middle ones; null for none.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        // Type 7 at p = 0.5 is exactly that (MEASUREMENT.md's quantile).
        return values.Count == 0 ? null : Core.Statistics.Quantile.Type7([.. values.Order()], 0.5);
    }

    /// <summary>The cue texts stored with each case (JSON [{text, signal}]), counted once per case, the 20 commonest.</summary>
    public static List<CueCount> Cues(IEnumerable<string?> cueJson)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var json in cueJson)
        {
            // Only cues a person can read (defect 12): older cases also stored the n-gram model's character pairs ("来医").
            foreach (var text in TriageCueJson.Read(json).Where(c => c is not null && TriageModel.IsReadableCue(c.Text, c.Signal))
                         .Select(c => c.Text.Trim()).Distinct())
                counts[text!] = counts.GetValueOrDefault(text!) + 1;
        }
        return [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopCues).Select(kv => new CueCount(kv.Key, kv.Value))];
    }

    private sealed record Row(string Type, string Category, string RiskLevel, string Channel, int? DepartmentId, DateTime ReceivedAt, DateTime AcknowledgeBy,
        DateTime? AcknowledgedAt, DateTime DueBy, DateTime? RepliedAt, bool ResolvedOnTheSpot, string? MobileHash, string? TriageCues, int? PatientRating);
}
