using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Notifications;

/// <summary>
/// Queues a notification in the caller's unit of work: it is saved, and later sent, only if the caller's change is.
/// </summary>
public sealed class Outbox(TrustDbContext db, PatientIdentifierProtector protector, TimeProvider time)
{
    public OutboxMessage Add(string kind, string channel, string? recipient, string recipientMasked, string body, string? payload = null, string? correlation = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind, Channel = channel, RecipientEncrypted = recipient is null ? null : protector.Protect(recipient),
            RecipientMasked = recipientMasked, Body = body, Payload = payload, Correlation = correlation,
            CreatedAt = now, NextAttemptAt = now,
        }).Entity;
    }
}
