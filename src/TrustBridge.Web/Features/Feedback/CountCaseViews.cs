using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>How many cases each tab of the queue holds for this viewer (all, open, due soon, overdue, alerts, review).</summary>
public sealed record CaseViewCounts(int All, int Open, int DueSoon, int Overdue, int Alerts, int Review)
{
    public int For(string? view) => view switch
    {
        CaseViewsFilter.Open => Open,
        CaseViewsFilter.DueSoon => DueSoon,
        CaseViewsFilter.Overdue => Overdue,
        CaseViewsFilter.Alerts => Alerts,
        CaseViewsFilter.Review => Review,
        _ => All,
    };
}

/// <summary>The tab counts of the queue, with the same definitions as <see cref="ListCases"/>.</summary>
public sealed class CountCaseViews(TrustDbContext db, HospitalClock clock)
{
    public async Task<CaseViewCounts> RunAsync(CaseViewer viewer, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var soon = now + ListCases.DueSoonWindow;
        var open = CaseStatuses.Open;
        var q = FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer);
        return new CaseViewCounts(
            await q.CountAsync(ct),
            await q.CountAsync(c => open.Contains(c.Status), ct),
            await q.CountAsync(c => open.Contains(c.Status) && c.DueBy >= now && c.DueBy <= soon, ct),
            await q.CountAsync(c => open.Contains(c.Status) && c.DueBy < now, ct),
            await q.CountAsync(c => c.RiskLevel == RiskLevels.High && c.AlertAcknowledgedAt == null && c.Status != CaseStatuses.Merged, ct),
            await q.CountAsync(c => c.ReplyDraft != null, ct));
    }
}
