using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Security;

public class EveryEndpointHasAPolicyTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(15);

        var unguarded = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .ToList();

        unguarded.ShouldBeEmpty("endpoints with neither an authorization policy nor AllowAnonymous:\n" + string.Join("\n", unguarded));
    }

    [Fact]
    public void Anonymous_endpoints_are_only_the_ones_meant_for_the_public()
    {
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "")
            .ToList();
        // What a patient or the public may reach without a login, and nothing else.
        var allowedPrefixes = new[] { "health", "openapi/", "api/auth/login", "api/surveys/responses", "api/surveys/optout",
            "Account/Login", "Account/AccessDenied", "Patient/", "Public/", "Culture", "Error",
            "s/{token}", "q/{departmentCode}", // patient survey links (SMS) and department QR posters
            "api/feedback/track/", // a patient follows, rates or reopens a case with the tracking code
            "api/public/", "sitemap.xml" }; // the transparency portal's API (results, events, 您说·我们做) and its sitemap
        var unexpected = anonymous
            .Select(p => p.TrimStart('/'))
            .Where(p => p is not ("" or "Index" or "Public" or "api/feedback/") // "api/feedback/": the public intake, POST only
                && !allowedPrefixes.Any(a => p.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        unexpected.ShouldBeEmpty("anonymous endpoints nobody meant to open:\n" + string.Join("\n", unexpected));
        anonymous.ShouldNotContain(p => p.StartsWith("/api/patients", StringComparison.Ordinal));
    }
}
