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
public sealed class AuditLog(TrustDbContext db, DatabaseOptions options, IHttpContextAccessor http, TimeProvider clock)
{
    private const long ChainLockKey = 0x6175646974; // "audit"
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditActor? ActorOverride { get; set; }

    public Task RecordAsync(string action, string? entityType = null, string? entityId = null, object? detail = null, CancellationToken ct = default) =>
        RecordAsync(ActorOverride ?? AuditActor.From(http.HttpContext), action, entityType, entityId, detail, ct);

    public async Task RecordAsync(AuditActor actor, string action, string? entityType, string? entityId, object? detail, CancellationToken ct = default)
    {
        var detailText = detail switch
        {
            null => null,
            string s => s,
            _ => JsonSerializer.Serialize(detail, Json),
        };
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

            long lastSeq = 0;
            var lastHash = AuditChain.Genesis;
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = dbTx;
                cmd.CommandText = "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                if (await r.ReadAsync(ct)) { lastSeq = r.GetInt64(0); lastHash = r.GetString(1); }
            }

            var at = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
            var record = new AuditRecord(lastSeq + 1, at, actor.UserId, actor.UserName, action, entityType, entityId, detailText, actor.RemoteAddress, lastHash);
            var hash = AuditChain.Hash(record);
            await using (var ins = conn.CreateCommand())
            {
                ins.Transaction = dbTx;
                ins.CommandText = """
                    INSERT INTO audit_log (sequence, at_utc, user_id, user_name, action, entity_type, entity_id, detail, remote_address, previous_hash, hash)
                    VALUES (@s, @at, @uid, @un, @a, @et, @eid, @d, @ip, @ph, @h)
                    """;
                ins.AddParameter("@s", record.Sequence);
                ins.AddParameter("@at", at);
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
            }
            if (ownTransaction) await tx!.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction && tx is not null) await tx.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
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
