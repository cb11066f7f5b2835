using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Psychometrics;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Trust;

/// <summary>Net Promoter Score of the hospital over the report's answers (MEASUREMENT.md): one grouped count in SQL.</summary>
public sealed class PromoterScore(TrustDbContext db)
{
    public async Task<NpsResult> RunAsync(TrustReportQuery query, CancellationToken ct = default)
    {
        var answered = ReportResponses.Of(db, query).AsNoTracking().Where(r => r.Recommend != null);
        var counts = await answered
            .GroupBy(r => r.Recommend >= 9 ? 2 : r.Recommend <= 6 ? 0 : 1)
            .Select(g => new { Band = g.Key, N = g.Count() })
            .ToListAsync(ct);
        int Of(int band) => counts.FirstOrDefault(c => c.Band == band)?.N ?? 0;
        return NetPromoterScore.FromCounts(Of(2), Of(1), Of(0));
    }
}
