namespace TrustBridge.Web.Domain;

public static class OutboxStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    /// <summary>Gave up after the last retry.</summary>
    public const string Dead = "dead";
}

/// <summary>
/// A notification waiting to go out (SMS, WeChat, e-mail…) through the configured sender. Written in the same
/// transaction as the change that caused it, so nothing is lost on a restart; any web node may send it.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>What it is: survey-invitation, survey-reminder, feedback-alert…</summary>
    public required string Kind { get; set; }
    /// <summary>sms, wechat, email, staff.</summary>
    public required string Channel { get; set; }
    /// <summary>The address, encrypted when it is a patient's mobile.</summary>
    public string? RecipientEncrypted { get; set; }
    public required string RecipientMasked { get; set; }
    public required string Body { get; set; }
    /// <summary>JSON for the receiving system (links, ids).</summary>
    public string? Payload { get; set; }
    /// <summary>What the message is about, e.g. invitation:123 — lets the sender's result update it.</summary>
    public string? Correlation { get; set; }
    public string Status { get; set; } = OutboxStatuses.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A node that claimed the row owns it until then; after that another node may reclaim it.</summary>
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
