namespace TrustBridge.Web.Features.Feedback;

/// <summary>The office's staff pages for feedback cases: the red alert banner, queue counts, exports and retraining.</summary>
public static class FeedbackStaffFeature
{
    public static IServiceCollection AddFeedbackStaff(this IServiceCollection services) =>
        services.AddScoped<OpenAlerts>().AddScoped<CountCaseViews>().AddScoped<ExportCases>().AddScoped<ExportTriageOverrides>();
}
