namespace TrustBridge.Web.Features.Surveys;

/// <summary>Survey waves, QR answers, instruments, imported responses and service recovery.</summary>
public static class SurveysFeature
{
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSurveys();
        services.Configure<SurveyOptions>(configuration.GetSection("Surveys"));
        services.AddQrAnswerLimits(configuration);
        services.AddHostedService<SurveyJobs>();
        return services;
    }

    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app) => app.MapSurveyWavesApi().MapServiceRecoveryApi()
        .MapInstrumentsApi().MapResponsesImportApi().MapInvitationQrApi();
}
