namespace TrustBridge.Web.Features.Dashboard;

/// <summary>The staff home page's registry overview.</summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<RegistryOverview>().AddRoleHomes();
}
