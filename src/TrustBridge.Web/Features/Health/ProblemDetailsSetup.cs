using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace TrustBridge.Web.Features.Health;

/// <summary>
/// Every error is an RFC 9457 problem details answer. A request the framework cannot read (malformed JSON, a body
/// over the size limit) says what was wrong with it, with its own 4xx status instead of a 500.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddTrustProblemDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var error = ctx.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is BadHttpRequestException bad)
            {
                ctx.ProblemDetails.Status = bad.StatusCode;
                ctx.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json
                    ? $"{bad.Message} {json.Message}"
                    : bad.Message;
            }
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        return services;
    }

    /// <summary>
    /// Issue 8, defect 4: a browser asking for a page gets the friendly error page (/Error/{status}, in the UI's language,
    /// with a way back) instead of problem-details JSON; the API, FHIR and health endpoints, and clients not asking
    /// for HTML, keep problem details.
    /// </summary>
    public static IApplicationBuilder UseTrustProblemDetails(this IApplicationBuilder app)
    {
        Func<Exception, int> status = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        app.UseWhen(WantsPage, page => page
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error/500", StatusCodeSelector = status })
            .UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseWhen(c => !WantsPage(c), api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = status })
            .UseStatusCodePages());
        return app;
    }

    /// <summary>
    /// After routing: a page URL that matches nothing is a 404 for everyone. Without this the fallback policy
    /// (authenticated users only) would send a patient who mistyped a link to the staff login page. Unknown /Staff
    /// URLs still ask staff to sign in first.
    /// </summary>
    public static IApplicationBuilder UseNotFoundForUnknownPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is null && WantsPage(context) && !context.Request.Path.StartsWithSegments("/Staff", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    });

    private static readonly string[] MachinePaths = ["/api", "/fhir", "/health", "/openapi"];

    /// <summary>A page request: not an API path, and the client accepts HTML (browsers do; API clients and fetches for JSON do not).</summary>
    public static bool WantsPage(HttpContext context)
    {
        var path = context.Request.Path;
        if (MachinePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return false;
        return context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
