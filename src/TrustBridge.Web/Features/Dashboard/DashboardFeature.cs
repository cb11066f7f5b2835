namespace TrustBridge.Web.Features.Dashboard;

/// <summary>The staff home page: each role's own work (RoleHome) and the registry overview.</summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<RegistryOverview>().AddScoped<RoleHome>();
}
