using Microsoft.AspNetCore.RateLimiting;

namespace TrustBridge.Web.Features.Feedback;

public static class FeedbackFeature
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection("Feedback"));
        services.AddSingleton<TriageEngine>().AddSingleton<MobileHash>();
        services.AddSingleton<IntakeWriter>().AddScoped<HospitalCalendar>().AddScoped<CaseNotifications>().AddScoped<ReceiveFeedback>().AddScoped<FeedbackAccess>()
            .AddScoped<ListCases>().AddScoped<GetCase>().AddScoped<TrackCase>().AddScoped<CaseWorkflow>().AddScoped<CaseAssignees>();
        services.AddFeedbackPatient();
        services.AddFeedbackOps();
        Symposia.SymposiaFeature.AddSymposia(services);
        services.AddFeedbackStaff();
        services.AddFeedbackInsight();
        return services;
    }

    /// <summary>Web-only parts: the public intake limit.</summary>
    public static IServiceCollection AddFeedbackIntakeLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure(o => o.AddPolicy<string, IntakeLimit>(IntakeLimit.Name));
        return services;
    }
}
