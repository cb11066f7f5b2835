using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>The newest unacknowledged high-risk case and how many there are, for the red banner on every staff page.</summary>
public sealed record AlertSummary(int Count, int NewestId, string NewestCategory, DateTime NewestReceivedAt);

/// <summary>
/// High-risk cases nobody has acknowledged yet, among those the viewer may see. Two small queries over the
/// (risk_level, alert_acknowledged_at) index; null when there is nothing to show.
/// </summary>
public sealed class OpenAlerts(TrustDbContext db)
{
    public async Task<AlertSummary?> RunAsync(CaseViewer viewer, CancellationToken ct = default)
    {
        // The alerts tab's definition; it does not depend on the time.
        var q = CaseViewsFilter.Apply(FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer), CaseViewsFilter.Alerts, DateTime.MinValue);
        var newest = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Category, c.ReceivedAt }).FirstOrDefaultAsync(ct);
        if (newest is null) return null;
        return new AlertSummary(await q.CountAsync(ct), newest.Id, newest.Category, newest.ReceivedAt);
    }
}
