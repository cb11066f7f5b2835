namespace TrustBridge.Web.Features.Notifications;

/// <summary>One message as a sender sees it: the recipient already decrypted.</summary>
public sealed record OutgoingMessage(long Id, string Kind, string Channel, string? Recipient, string Body, string? Payload, string? Correlation);

/// <summary>Delivers outbox messages. A throw or a false result means "try again later".</summary>
public interface INotificationSender
{
    Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct);
}

public sealed record SendOutcome(bool Delivered, string? Error = null)
{
    public static readonly SendOutcome Ok = new(true);
    public static SendOutcome Failed(string error) => new(false, error);
}
