using Microsoft.AspNetCore.RateLimiting;
using TrustBridge.Web.Features.Feedback.Symposia;

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
        services.AddSymposia();
        services.AddFeedbackStaff();
        services.AddFeedbackInsight();
        services.AddFeedbackIntakeLimit();
        services.AddHostedService<FeedbackJobs>();
        return services;
    }

    /// <summary>Intake and cases, symposia, the office's staff endpoints and the analytics.</summary>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app) =>
        app.MapFeedbackIntakeApi().MapSymposiaApi().MapFeedbackStaffApi().MapFeedbackInsightApi();

    /// <summary>Web-only parts: the public intake limit.</summary>
    private static IServiceCollection AddFeedbackIntakeLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure(o => o.AddPolicy<string, IntakeLimit>(IntakeLimit.Name));
        return services;
    }
}
