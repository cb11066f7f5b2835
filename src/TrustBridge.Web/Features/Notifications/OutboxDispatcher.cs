using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Notifications;

/// <summary>Runs <see cref="DispatchOutbox"/> on every node, every few seconds, until the app stops.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, Health.StartupState startup, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled) return;
        var delay = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (startup.DatabaseReady)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync(stoppingToken);
                    if (sent > 0) continue; // more may be waiting
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The outbox dispatcher failed; it will try again.");
            }
            try { await Task.Delay(delay, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
