using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Accounts;

public sealed record LoginRequest(string? Email, string? Password);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Exchange email and password for a bearer token ({tokenType, accessToken, expiresIn, refreshToken}).");
        group.MapGet("/me", Me).RequireAuthorization(Policies.Staff);
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.Staff)
            .WithSummary("Ends the session of this bearer token (or cookie) at once.");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest? body, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, HttpContext http)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
            return TypedResults.Problem("email and password are required.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid login request");

        var outcome = await SignInFlow.PasswordSignInAsync(signIn, users, audit, http, body.Email, body.Password, IdentityConstants.BearerScheme);
        return outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Empty, // the bearer handler has written the token
            SignInOutcome.LockedOut => TypedResults.Problem("Too many failed attempts; the account is locked for 15 minutes.", statusCode: StatusCodes.Status401Unauthorized, title: "Locked out"),
            _ => TypedResults.Problem("Email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Login failed"),
        };
    }

    private static async Task<NoContent> Logout(HttpContext http, StaffSessions sessions, AuditLog audit)
    {
        if (http.User.FindFirst(StaffSessions.SessionClaim)?.Value is { } sid) await sessions.EndAsync(sid, http.RequestAborted);
        await audit.RecordAsync(AuditActions.Logout, "user", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, new { scheme = "api" });
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CurrentUser>> Me(HttpContext http, UserManager<StaffUser> users, ScopeOfUser scope)
    {
        var user = await users.GetUserAsync(http.User);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var s = await scope.ForAsync(http.User);
        return TypedResults.Ok(new CurrentUser(user?.Id ?? "", user?.Email ?? "", user?.DisplayName ?? "", [.. roles], s.DepartmentIds is null ? null : [.. s.DepartmentIds]));
    }
}

public sealed record CurrentUser(string Id, string Email, string DisplayName, string[] Roles, int[]? DepartmentIds);
