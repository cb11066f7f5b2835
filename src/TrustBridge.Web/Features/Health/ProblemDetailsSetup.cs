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
        // Issue 16, defect 3: a member the API does not know (a typo of "mobile", or "isAdmin") is refused instead of
        // silently dropped. Only the minimal-API bodies read with these options; FHIR is parsed by Firely on its own.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var error = ctx.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is BadHttpRequestException bad)
            {
                ctx.ProblemDetails.Status = bad.StatusCode;
                ctx.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json
                    ? $"{bad.Message} {json.Message}"
                    : bad.Message;
                if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } at } field && UnknownMember(field) is null)
                    ctx.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [FieldOf(at)] = [field.Message] };
                if (bad.InnerException is System.Text.Json.JsonException member && UnknownMember(member) is { } name)
                {
                    ctx.ProblemDetails.Title = UnknownMemberTitle;
                    ctx.ProblemDetails.Detail = UnknownMemberDetail(name, member.Path);
                    ctx.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [$"Unknown member '{name}'."] };
                }
            }
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        return services;
    }

    public const string UnknownMemberTitle = "Unknown member in the request body";

    /// <summary>The member System.Text.Json refused as unmapped, or null for other JSON errors.</summary>
    public static string? UnknownMember(System.Text.Json.JsonException json) =>
        System.Text.RegularExpressions.Regex.Match(json.Message, "^The JSON property '(.*)' could not be mapped to any .NET member") is { Success: true } m
            ? m.Groups[1].Value : null;

    /// <summary>The member a JSON path ends in: $.contactDate → contactDate, $.items[0].code → code, $['a b'] → a b.</summary>
    public static string FieldOf(string path)
    {
        var p = path.TrimEnd(']');
        if (path.EndsWith("']", StringComparison.Ordinal)) return p[(p.LastIndexOf("['", StringComparison.Ordinal) + 2)..^1];
        while (path.EndsWith(']') && path.LastIndexOf('[') is var open and > 0) path = path[..open];
        var dot = path.LastIndexOf('.');
        return dot >= 0 ? path[(dot + 1)..] : path.TrimStart('$');
    }

    public static string UnknownMemberDetail(string name, string? path) =>
        $"The request body has a member '{name}'{(path is null ? "" : $" (at {path})")} that this API does not know; remove it or check its spelling.";

    /// <summary>A body an endpoint reads itself and System.Text.Json refused: 400 naming the unknown member, or saying what was malformed.</summary>
    public static IResult JsonBodyProblem(System.Text.Json.JsonException e) => UnknownMember(e) is { } name
        ? TypedResults.Problem(UnknownMemberDetail(name, e.Path), statusCode: StatusCodes.Status400BadRequest, title: UnknownMemberTitle,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [name] = [$"Unknown member '{name}'."] } })
        : TypedResults.Problem($"The body is not valid JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON",
            extensions: e.Path is { Length: > 1 } at ? new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [FieldOf(at)] = [e.Message] } } : null);

    /// <summary>
    /// Issue 8, defect 4: a browser asking for a page gets the friendly error page (/Error/{status}, in the UI's language,
    /// with a way back) instead of problem-details JSON; the API, FHIR and health endpoints, and clients not asking
    /// for HTML, keep problem details.
    /// </summary>
    public static IApplicationBuilder UseTrustProblemDetails(this IApplicationBuilder app)
    {
        Func<Exception, int> status = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        app.UseWhen(WantsPage, page => page
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error/500", StatusCodeSelector = status, SuppressDiagnosticsCallback = ClientErrorLoggedBriefly })
            .UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseWhen(c => !WantsPage(c), api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = status, SuppressDiagnosticsCallback = ClientErrorLoggedBriefly })
            .UseStatusCodePages());
        return app;
    }

    /// <summary>
    /// Issue 16, defect 12: a request the client got wrong (a 4xx BadHttpRequestException: malformed JSON, an unknown
    /// member, a body too large) is one information line without a stack trace; the handler's own error log with the
    /// stack is kept for 5xx only. A fuzz run no longer writes megabytes of stack traces.
    /// </summary>
    private static bool ClientErrorLoggedBriefly(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        if (context.Exception is not BadHttpRequestException { StatusCode: < 500 } bad) return false;
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TrustBridge.ClientErrors").LogInformation(
            "{Method} {Path} answered {Status}: {Problem}", context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value,
            bad.StatusCode, bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message);
        return true;
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
