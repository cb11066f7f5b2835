using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Notifications;

/// <summary>
/// Sends one batch of due outbox messages. Rows are claimed with one UPDATE … RETURNING (with FOR UPDATE SKIP LOCKED on
/// PostgreSQL), so several web nodes never send the same row; a node that dies mid-send leaves a lock that expires.
/// </summary>
public sealed class DispatchOutbox(
    TrustDbContext db, DatabaseOptions database, INotificationSender sender, PatientIdentifierProtector protector,
    IEnumerable<IDeliveryEffect> effects, IOptions<NotificationOptions> options, TimeProvider time, ILogger<DispatchOutbox> log)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <returns>How many messages were attempted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await ClaimAsync(now, ct);
        foreach (var m in claimed)
        {
            SendOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(m.Message with { Recipient = protector.Reveal(m.Message.Recipient) }, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = SendOutcome.Failed(e.Message);
            }
            await RecordAsync(m, outcome, ct);
        }
        return claimed.Count;
    }

    private async Task RecordAsync(Claimed m, SendOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = db.OutboxMessages.Where(x => x.Id == m.Message.Id);
        if (outcome.Delivered)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, OutboxStatuses.Sent).SetProperty(x => x.SentAt, now)
                .SetProperty(x => x.LockedUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), ct);
            foreach (var effect in effects) await effect.DeliveredAsync(m.Message, ct);
            return;
        }
        var dead = m.Attempts >= options.Value.MaxAttempts;
        var error = outcome.Error is { Length: > 1000 } e ? e[..1000] : outcome.Error;
        var next = now + options.Value.RetryDelay(m.Attempts);
        await row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, dead ? OutboxStatuses.Dead : OutboxStatuses.Pending)
            .SetProperty(x => x.NextAttemptAt, next).SetProperty(x => x.LockedUntil, (DateTime?)null).SetProperty(x => x.LastError, error), ct);
        log.LogWarning("Notification {Id} attempt {Attempt} failed{Dead}: {Error}", m.Message.Id, m.Attempts, dead ? " for the last time" : "", error);
    }

    private sealed record Claimed(OutgoingMessage Message, int Attempts);

    private async Task<List<Claimed>> ClaimAsync(DateTime now, CancellationToken ct)
    {
        var skipLocked = database.IsPostgres ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE outbox_messages SET status = 'sending', locked_until = @lock, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE (status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND locked_until < @now)
                ORDER BY id LIMIT @batch {skipLocked})
            RETURNING id, kind, channel, recipient_encrypted, body, payload, correlation, attempts
            """;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.AddParameter("@lock", now + ClaimFor);
            cmd.AddParameter("@now", now);
            cmd.AddParameter("@batch", options.Value.BatchSize);
            var list = new List<Claimed>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                list.Add(new Claimed(new OutgoingMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)), r.GetInt32(7)));
            return list.OrderBy(c => c.Message.Id).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }


}

/// <summary>What happens elsewhere once a message is delivered (an invitation becomes "sent", …).</summary>
public interface IDeliveryEffect
{
    Task DeliveredAsync(OutgoingMessage message, CancellationToken ct);
}
