namespace TrustBridge.Web.Features.Health;

/// <summary>Set once migrations have been applied; until then /health answers 503.</summary>
public sealed class StartupState
{
    public volatile bool DatabaseReady;
}

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (StartupState state) => state.DatabaseReady
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().WithTags("Health").ExcludeFromDescription();
        return app;
    }
}
