using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddScoped<Outbox>();
        services.AddScoped<DispatchOutbox>();
        services.AddHttpClient<WebhookSender>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<LogSender>();
        services.AddScoped<INotificationSender>(sp =>
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Sender.Equals("webhook", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<WebhookSender>()
                : sp.GetRequiredService<LogSender>());
        // Hosted services run only where a host starts them (the web app); the CLI and tests build a plain provider and send on demand.
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
