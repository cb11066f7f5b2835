using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Audit;

/// <summary>Streams the whole audit log in order through the chain check.</summary>
public sealed class VerifyAuditChain(TrustDbContext db)
{
    public async Task<AuditVerification> RunAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var verifier = new AuditChainVerifier();
        long n = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var record = new AuditRecord(e.Sequence, e.AtUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Detail, e.RemoteAddress, e.PreviousHash);
            if (verifier.Check(record, e.Hash) is { } broken) return broken;
            if (++n % 10_000 == 0) progress?.Report(n);
        }
        return verifier.Result;
    }
}
