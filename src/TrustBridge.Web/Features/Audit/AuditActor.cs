using System.Security.Claims;

namespace TrustBridge.Web.Features.Audit;

/// <summary>Who did something and from where. Web requests take it from the signed-in user; the CLI names the OS user.</summary>
public sealed record AuditActor(string? UserId, string? UserName, string? RemoteAddress)
{
    public static AuditActor From(HttpContext? http) => From(http?.User, http?.Connection.RemoteIpAddress?.ToString());

    public static AuditActor From(ClaimsPrincipal? user, string? remoteAddress) => new(
        user?.FindFirstValue(ClaimTypes.NameIdentifier),
        user?.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
        remoteAddress);

    public static AuditActor Cli() => new(null, $"cli:{Environment.UserName}", "localhost");

    public static readonly AuditActor System = new(null, "system", null);
}
