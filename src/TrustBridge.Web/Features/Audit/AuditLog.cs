using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Audit;

/// <summary>
/// Appends rows to the hash-chained audit log. Appends are serialised (BEGIN IMMEDIATE on SQLite, an advisory
/// transaction lock on PostgreSQL) so sequence numbers have no gaps and each row chains to the one before it.
/// When the caller already has a transaction open, the row joins it, so a change and its audit row commit together.
/// </summary>
/// <remarks>With an audit key each row's hash is an HMAC (ADR 016). The first append of a process checks once that the chain's
/// last row is keyed; a chain written before the key existed gets an "audit.keyed" marker row first, from which on rows are
/// keyed and before which they are verified as the legacy SHA-256 chain.</remarks>
public sealed class AuditLog(TrustDbContext db, DatabaseOptions options, IHttpContextAccessor http, TimeProvider clock, AuditKey auditKey, AuditChainState chainState)
{
    private const long ChainLockKey = 0x6175646974; // "audit"
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditActor? ActorOverride { get; set; }

    public Task RecordAsync(string action, string? entityType = null, string? entityId = null, object? detail = null, CancellationToken ct = default) =>
        RecordAsync(ActorOverride ?? AuditActor.From(http.HttpContext), action, entityType, entityId, detail, ct);

    public Task RecordAsync(AuditActor actor, string action, string? entityType, string? entityId, object? detail, CancellationToken ct = default)
    {
        var detailText = detail switch
        {
            null => null,
            string s => s,
            _ => JsonSerializer.Serialize(detail, Json),
        };
        return AppendAsync(new PendingRow(actor, action, entityType, entityId, detailText), ct);
    }

    /// <summary>At start: when a key is configured and the chain ends in unkeyed rows, writes the "audit.keyed" marker now.</summary>
    public Task EnsureKeyedChainAsync(CancellationToken ct = default) =>
        auditKey.Key is null || chainState.KnownKeyed ? Task.CompletedTask : AppendAsync(null, ct);

    private sealed record PendingRow(AuditActor Actor, string Action, string? EntityType, string? EntityId, string? Detail);

    private async Task AppendAsync(PendingRow? row, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        IDbContextTransaction? tx = null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // PostgreSQL: read committed, not serializable. A serializable transaction takes its snapshot when the lock
            // statement starts, before it waits, so the chain's last link read after the wait would be stale and two
            // concurrent appends would collide on the sequence (seen under 64 concurrent survey submissions).
            tx = ownTransaction
                ? await db.Database.BeginTransactionAsync(options.WriteIsolation, ct)
                : db.Database.CurrentTransaction;
            var conn = db.Database.GetDbConnection();
            var dbTx = tx!.GetDbTransaction();
            if (options.IsPostgres) await Exec(conn, dbTx, $"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);

            var (lastSeq, lastHash) = await LastLinkAsync(conn, dbTx, ct);
            var key = auditKey.Key;
            var at = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
            if (key is not null && !chainState.KnownKeyed)
            {
                if (lastSeq > 0 && !await LastRowIsKeyedAsync(key, ct))
                {
                    // The rows so far are the legacy chain: mark where the keyed chain starts. The state is set only once a
                    // keyed last row is seen, so a marker rolled back with its transaction is written again.
                    var marker = new AuditRecord(lastSeq + 1, at, null, "system", AuditChain.KeyedMarkerAction, "audit", null,
                        JsonSerializer.Serialize(new { legacyThrough = lastSeq }, Json), null, lastHash);
                    lastHash = await InsertAsync(conn, dbTx, marker, key, ct);
                    lastSeq = marker.Sequence;
                }
                else chainState.KnownKeyed = true;
            }

            if (row is not null)
            {
                var record = new AuditRecord(lastSeq + 1, at, row.Actor.UserId, row.Actor.UserName, row.Action, row.EntityType, row.EntityId, row.Detail, row.Actor.RemoteAddress, lastHash);
                await InsertAsync(conn, dbTx, record, key, ct);
            }
            if (ownTransaction) await tx!.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction && tx is not null) await tx.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(long Sequence, string Hash)> LastLinkAsync(DbConnection conn, DbTransaction tx, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt64(0), r.GetString(1)) : (0, AuditChain.Genesis);
    }

    /// <summary>Read through EF (in the open transaction) so the time is read back exactly as the verifier reads it.</summary>
    private async Task<bool> LastRowIsKeyedAsync(byte[] key, CancellationToken ct)
    {
        var e = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(ct);
        if (e is null) return true;
        var record = new AuditRecord(e.Sequence, e.AtUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Detail, e.RemoteAddress, e.PreviousHash);
        return AuditChain.Hash(record, key) == e.Hash;
    }

    private static async Task<string> InsertAsync(DbConnection conn, DbTransaction tx, AuditRecord record, byte[]? key, CancellationToken ct)
    {
        var hash = AuditChain.Hash(record, key);
        await using var ins = conn.CreateCommand();
        ins.Transaction = tx;
        ins.CommandText = """
            INSERT INTO audit_log (sequence, at_utc, user_id, user_name, action, entity_type, entity_id, detail, remote_address, previous_hash, hash)
            VALUES (@s, @at, @uid, @un, @a, @et, @eid, @d, @ip, @ph, @h)
            """;
        ins.AddParameter("@s", record.Sequence);
        ins.AddParameter("@at", record.AtUtc);
        ins.AddParameter("@uid", record.UserId);
        ins.AddParameter("@un", record.UserName);
        ins.AddParameter("@a", record.Action);
        ins.AddParameter("@et", record.EntityType);
        ins.AddParameter("@eid", record.EntityId);
        ins.AddParameter("@d", record.Detail);
        ins.AddParameter("@ip", record.RemoteAddress);
        ins.AddParameter("@ph", record.PreviousHash);
        ins.AddParameter("@h", hash);
        await ins.ExecuteNonQueryAsync(ct);
        return hash;
    }

    /// <summary>PostgreSQL keeps microseconds; hashing the same precision keeps verification exact on both providers.</summary>
    internal static DateTime TruncateToMicroseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    private static async Task Exec(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

}

/// <summary>Per process: whether this process has already seen that the chain's end is keyed (checked on the first append).</summary>
public sealed class AuditChainState
{
    public volatile bool KnownKeyed;
}
