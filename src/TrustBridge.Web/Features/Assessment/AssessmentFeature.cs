using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrustBridge.Web.Features.Assessment;

public static class AssessmentFeature
{
    /// <summary>The department scorecard, its versioned targets and weights and its notices; the policies of training, recognition and reports.</summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddAuthorization(AssessmentPolicies.Add);
        services.TryAddScoped<IFollowUpRatioSource, NoFollowUpsYet>();
        return services.AddScoped<AssessmentWeights>().AddScoped<BuildScorecard>().AddScoped<IssueAssessmentNotices>();
    }

    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app) => app.MapAssessmentEndpoints();
}
