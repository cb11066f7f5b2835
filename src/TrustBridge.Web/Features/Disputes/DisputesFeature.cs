using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>Medical disputes (issue 10, DISPUTES.md): registration, routes and clocks, appraisal, compensation, seals, accountability, analytics.</summary>
public static class DisputesFeature
{
    public static IServiceCollection AddDisputes(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DisputeOptions>(configuration.GetSection("Disputes"));
        services.AddAuthorizationBuilder().AddPolicy(DisputeAccess.WritePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.PatientRelations));
        return services.AddScoped<DisputeAccess>().AddScoped<RegisterDispute>().AddScoped<DisputeWork>().AddScoped<DisputeReads>()
            .AddScoped<DisputeAnalytics>().AddScoped<ICaseEscalation, EscalateToDispute>();
    }
}
