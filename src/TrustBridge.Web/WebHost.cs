using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Health;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Localization;
using TrustBridge.Web.Features.Paging;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web;

/// <summary>What the web app needs besides its features: problem details, OpenAPI, the UI languages and the Razor Pages with their access rules.</summary>
public static class WebHost
{
    public static IServiceCollection AddWebHost(this IServiceCollection services)
    {
        services.AddTrustProblemDetails();
        services.AddPlausibleDateInput();
        services.AddNoStoreResponses();
        services.AddOpenApi();
        services.AddUiLocalization();
        services.AddPageNumberBinding();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
            o.Conventions.AuthorizeFolder("/Account", Policies.Staff);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/Patient");
            o.Conventions.AllowAnonymousToFolder("/Public");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebHost(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapCultureSwitch();
        app.MapRazorPages();
        return app;
    }
}
