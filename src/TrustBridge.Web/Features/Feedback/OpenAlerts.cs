using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>One unacknowledged high-risk case as the banner names it.</summary>
public sealed record PendingAlert(int Id, string Category, DateTime ReceivedAt, DateTime AcknowledgeBy);

/// <summary>The newest unacknowledged high-risk case and how many there are, for the red banner on every staff page.</summary>
public sealed record AlertSummary(int Count, int NewestId, string NewestCategory, DateTime NewestReceivedAt)
{
    /// <summary>The newest few, each named, so the banner says which case is which (issue 8, defect 6).</summary>
    public IReadOnlyList<PendingAlert> Pending { get; init; } = [];
}

/// <summary>
/// High-risk cases nobody has acknowledged yet, among those the viewer may see. Two small queries over the
/// (risk_level, alert_acknowledged_at) index; null when there is nothing to show.
/// </summary>
public sealed class OpenAlerts(TrustDbContext db)
{
    /// <summary>How many the banner names one by one.</summary>
    public const int Named = 5;

    public async Task<AlertSummary?> RunAsync(CaseViewer viewer, CancellationToken ct = default)
    {
        // The alerts tab's definition; it does not depend on the time.
        var q = CaseViewsFilter.Apply(FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer), CaseViewsFilter.Alerts, DateTime.MinValue);
        var newest = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Select(c => new PendingAlert(c.Id, c.Category, c.ReceivedAt, c.AcknowledgeBy)).Take(Named).ToListAsync(ct);
        if (newest.Count == 0) return null;
        var count = newest.Count < Named ? newest.Count : await q.CountAsync(ct);
        return new AlertSummary(count, newest[0].Id, newest[0].Category, newest[0].ReceivedAt) { Pending = newest };
    }
}
