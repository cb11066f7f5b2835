using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Trust;

public static class TrustFeature
{
    public static IServiceCollection AddTrust(this IServiceCollection services) => services
        .AddScoped<BuildTrustReport>().AddScoped<PromoterScore>().AddSingleton<ReliabilityCache>().AddScoped<InstrumentCatalog>().AddScoped<OpenImprovementPlans>().AddScoped<ImprovementPlanBook>().AddScoped<ImprovementPlanWork>()
        .AddScoped<MonthlyTrustIndex>().AddScoped<DimensionScores>().AddScoped<TrustPageTables>();

    /// <summary>Trust reports and improvement plans.</summary>
    public static IEndpointRouteBuilder MapTrustApi(this IEndpointRouteBuilder app) => app.MapTrustReportsApi().MapImprovementPlansApi();
}
