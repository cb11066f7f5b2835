using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>Installs the shipped instruments as published version 1 when the database does not have them yet.</summary>
public sealed class InstrumentCatalog(TrustDbContext db, TimeProvider clock)
{
    public async Task<int> EnsureShippedAsync(CancellationToken ct = default)
    {
        var existing = await db.Instruments.Select(i => i.Code).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var instrument in ShippedInstruments.All().Where(i => !existing.Contains(i.Code)))
        {
            instrument.Status = InstrumentStatuses.Published;
            instrument.CreatedAt = now;
            instrument.PublishedAt = now;
            db.Instruments.Add(instrument);
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The newest published version of an instrument, with its items.</summary>
    public Task<Instrument?> PublishedAsync(string code, CancellationToken ct = default) =>
        db.Instruments.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Code == code && i.Status == InstrumentStatuses.Published)
            .OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
}
