namespace TrustBridge.Web.Features.Feedback;

/// <summary>Feedback analytics and the praise list (issue 4, items 7 and 10).</summary>
public static class FeedbackInsightFeature
{
    public static IServiceCollection AddFeedbackInsight(this IServiceCollection services) =>
        services.AddScoped<FeedbackAnalytics>().AddScoped<PraiseBoard>();
}
