using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>How many cases each tab of the queue holds for this viewer (all, open, due soon, overdue, alerts, review).</summary>
public sealed record CaseViewCounts(int All, int Open, int DueSoon, int Overdue, int Alerts, int Review, int SecondLook = 0)
{
    public int For(string? view) => view switch
    {
        CaseViewsFilter.Open => Open,
        CaseViewsFilter.DueSoon => DueSoon,
        CaseViewsFilter.Overdue => Overdue,
        CaseViewsFilter.Alerts => Alerts,
        CaseViewsFilter.Review => Review,
        CaseViewsFilter.SecondLook => SecondLook,
        _ => All,
    };
}

/// <summary>The tab counts of the queue, with the same definitions as <see cref="ListCases"/>.</summary>
public sealed class CountCaseViews(TrustDbContext db, HospitalClock clock)
{
    public async Task<CaseViewCounts> RunAsync(CaseViewer viewer, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var q = FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer);
        Task<int> Count(string? view) => CaseViewsFilter.Apply(q, view, now).CountAsync(ct);
        return new CaseViewCounts(await Count(null), await Count(CaseViewsFilter.Open), await Count(CaseViewsFilter.DueSoon),
            await Count(CaseViewsFilter.Overdue), await Count(CaseViewsFilter.Alerts), await Count(CaseViewsFilter.Review), await Count(CaseViewsFilter.SecondLook));
    }
}
