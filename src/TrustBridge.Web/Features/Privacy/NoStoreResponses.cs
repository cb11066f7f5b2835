using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TrustBridge.Web.Features.Privacy;

/// <summary>
/// Issue 16, defect 10: what staff read — patient and case JSON, staff pages, exports, FHIR — is never kept by a
/// browser or proxy cache (Cache-Control: no-store), and the server does not announce itself (no Server header).
/// Patient pages, the public portal and static files keep their own caching.
/// </summary>
public static class NoStoreResponses
{
    private static readonly string[] Paths = ["/api", "/Staff", "/fhir", "/Account"];

    public static IServiceCollection AddNoStoreResponses(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

    public static IApplicationBuilder UseNoStoreResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Paths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        await next(context);
    });
}
