namespace TrustBridge.Web.Features.Notifications;

/// <summary>The default sender: records each message in the application log (masked), for hospitals without a gateway yet.</summary>
public sealed class LogSender(ILogger<LogSender> log) : INotificationSender
{
    public Task<SendOutcome> SendAsync(OutgoingMessage m, CancellationToken ct)
    {
        log.LogInformation("Notification {Id} {Kind} via {Channel}: {Body}", m.Id, m.Kind, m.Channel, m.Body);
        return Task.FromResult(SendOutcome.Ok);
    }
}
