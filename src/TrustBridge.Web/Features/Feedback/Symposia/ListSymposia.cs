using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>The symposia, newest first, with how many took part, how many items were raised and how many are closed.</summary>
public sealed class ListSymposia(TrustDbContext db)
{
    public async Task<Paged<SymposiumRow>> RunAsync(string? q, int? page, int? pageSize, CancellationToken ct = default)
    {
        var query = db.Symposia.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(s => s.Title.Contains(term) || (s.Location != null && s.Location.Contains(term)) || (s.Department != null && s.Department.Name.Contains(term)));
        }
        return await query.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id)
            .Select(s => new SymposiumRow(s.Id, s.HeldOn, s.Title, s.Location, s.Department != null ? s.Department.Name : null,
                s.Participants.Count,
                db.FeedbackCases.Count(c => c.SymposiumId == s.Id),
                db.FeedbackCases.Count(c => c.SymposiumId == s.Id && c.Status == CaseStatuses.Closed),
                s.ReportedAt))
            .ToPagedAsync(page, pageSize, ct, 200);
    }
}
