using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Portal;

/// <summary>The public transparency portal (信息公开, issue 11, PORTAL.md) and its editing by the office.</summary>
public static class PortalFeature
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection("Portal"));
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PortalOptions>>((o, p) => PublicCache.Configure(o, p.Value.CacheSeconds));
        services.AddScoped<PublicCache>();
        services.AddScoped<PortalContent>();
        services.AddScoped<PortalEditing>();
        services.AddScoped<PublicResults>();
        services.AddScoped<PriceLists>();
        services.AddScoped<ClinicSchedules>();
        services.AddScoped<YouSaidWeDidBook>();
        services.AddScoped<PortalEvents>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        PublicPortalApi.Map(app);
        PortalStaffApi.Map(app);
        PortalFeeds.Map(app);
        return app;
    }
}
