namespace TrustBridge.Web.Features.Exports;

/// <summary>CSV/.xlsx exports of the registry and the trust tables.</summary>
public static class ExportsFeature
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app) => app.MapRegistryExportsApi().MapTrustExportsApi();
}
