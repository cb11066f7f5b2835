namespace TrustBridge.Web.Features.Training;

public static class TrainingFeature
{
    /// <summary>Courses, sessions, attendance and CME credits.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services) => services.AddScoped<TrainingWork>().AddScoped<StaffCredits>();

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app) => app.MapTrainingEndpoints();
}
