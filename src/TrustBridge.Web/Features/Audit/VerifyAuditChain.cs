using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Audit;

/// <summary>
/// Streams the whole audit log in order through the chain check (HMACs under the audit key from the keyed marker on),
/// then compares its end with the latest signed checkpoint outside the database, so rows deleted from the end and a
/// chain recomputed from an edited row are both found.
/// </summary>
public sealed class VerifyAuditChain(TrustDbContext db, AuditKey auditKey, AuditCheckpoints checkpoints)
{
    public async Task<AuditVerification> RunAsync(IProgress<long>? progress = null, CancellationToken ct = default) =>
        await RunAsync(checkpoints, progress, ct);

    public async Task<AuditVerification> RunAsync(AuditCheckpoints file, IProgress<long>? progress, CancellationToken ct)
    {
        var key = auditKey.Key;
        var marker = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditChain.KeyedMarkerAction)
            .OrderBy(a => a.Sequence).Select(a => (long?)a.Sequence).FirstOrDefaultAsync(ct);
        var keyedFrom = key is null ? (long?)null : marker ?? 1;

        var all = await file.ReadAllAsync(ct);
        // With a key, the anchor is the latest keyed checkpoint; unkeyed ones from before the key only cover legacy rows.
        var latest = all.LastOrDefault(c => c is not null && (key is null || c.Keyed)) ?? all.LastOrDefault();
        if (all.Count > 0)
        {
            var bad = all.FindIndex(c => c is null || !c.HasValidMac(key) || (key is not null && !c.Keyed && c.Sequence >= keyedFrom) || (key is null && c.Keyed));
            if (bad >= 0)
                return Decorate(AuditVerification.Broken(0, all[bad]?.Sequence ?? 0,
                    $"checkpoint {bad + 1} in {file.Path} is not signed with this audit key: the checkpoint file was edited or the key is wrong"), keyedFrom, latest);
            if (key is not null && latest!.Keyed && latest.KeyedFrom != keyedFrom)
                return Decorate(AuditVerification.Broken(0, Math.Min(latest.KeyedFrom, keyedFrom ?? 1),
                    $"the keyed chain starts at row {keyedFrom} but the checkpoint says row {latest.KeyedFrom}"), keyedFrom, latest);
        }

        var verifier = new AuditChainVerifier(key, keyedFrom ?? long.MaxValue);
        string? hashAtCheckpoint = null;
        long n = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var record = new AuditRecord(e.Sequence, e.AtUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Detail, e.RemoteAddress, e.PreviousHash);
            if (verifier.Check(record, e.Hash) is { } broken) return Decorate(broken, keyedFrom, latest);
            if (latest is not null && e.Sequence == latest.Sequence) hashAtCheckpoint = e.Hash;
            if (++n % 10_000 == 0) progress?.Report(n);
        }
        if (latest is not null)
        {
            if (verifier.LastSequence < latest.Sequence)
                return Decorate(AuditVerification.Broken(n, verifier.LastSequence + 1,
                    $"rows {verifier.LastSequence + 1}–{latest.Sequence} are missing: the checkpoint of {latest.AtUtc:yyyy-MM-dd HH:mm:ss} UTC recorded {latest.Sequence} rows"), keyedFrom, latest);
            if (hashAtCheckpoint != latest.Hash)
                return Decorate(AuditVerification.Broken(n, latest.Sequence,
                    $"row {latest.Sequence} does not match the checkpoint of {latest.AtUtc:yyyy-MM-dd HH:mm:ss} UTC: the chain was rewritten up to it"), keyedFrom, latest);
        }
        return Decorate(verifier.Result, keyedFrom, latest);
    }

    private static AuditVerification Decorate(AuditVerification v, long? keyedFrom, AuditCheckpoint? latest) => v with
    {
        Keyed = keyedFrom is not null,
        KeyedFrom = keyedFrom,
        CheckpointSequence = latest?.Sequence,
        CheckpointAtUtc = latest?.AtUtc,
    };
}
