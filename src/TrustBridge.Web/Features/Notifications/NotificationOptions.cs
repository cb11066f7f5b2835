namespace TrustBridge.Web.Features.Notifications;

/// <summary>Notifications:* configuration.</summary>
public sealed class NotificationOptions
{
    /// <summary>log (default: writes each message to the application log) or webhook.</summary>
    public string Sender { get; set; } = "log";
    /// <summary>The gateway's URL for the webhook sender (an SMS gateway or a WeChat bridge).</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>When set, each POST carries X-TrustBridge-Signature: sha256=HMAC(body).</summary>
    public string? WebhookSecret { get; set; }
    public int MaxAttempts { get; set; } = 6;
    /// <summary>Seconds before the first retry; doubled each time, at most an hour.</summary>
    public int FirstRetrySeconds { get; set; } = 30;
    public int PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 50;
    /// <summary>Whether this node runs the dispatcher (every node may; rows are claimed safely).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
