using Microsoft.AspNetCore.Http.HttpResults;

namespace TrustBridge.Web.Features.Accounts;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (string? q, ManageUsers users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(q, ct)));
        group.MapGet("/{id}", async Task<Results<Ok<UserSummary>, NotFound>> (string id, ManageUsers users, CancellationToken ct) =>
            await users.GetAsync(id, ct) is { } u ? TypedResults.Ok(u) : TypedResults.NotFound());
        group.MapPost("/", async Task<Results<Created<UserSummary>, ValidationProblem>> (UserInput input, ManageUsers users, CancellationToken ct) =>
        {
            var (user, errors) = await users.CreateAsync(input, ct);
            return user is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/users/{user.Id}", user);
        });
        group.MapPut("/{id}", async Task<Results<Ok<UserSummary>, NotFound, ValidationProblem>> (string id, UserInput input, ManageUsers users, CancellationToken ct) =>
        {
            var (user, errors) = await users.UpdateAsync(id, input, ct);
            if (user is not null) return TypedResults.Ok(user);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NotFound();
        });
        group.MapDelete("/{id}", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (string id, ManageUsers users, HttpContext http, CancellationToken ct) =>
        {
            if (id == http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value)
                return TypedResults.Problem("An administrator cannot delete their own login.", statusCode: StatusCodes.Status409Conflict);
            return await users.DeleteAsync(id, ct) switch
            {
                null => TypedResults.NotFound(),
                true => TypedResults.NoContent(),
                false => TypedResults.Problem("The login could not be deleted.", statusCode: StatusCodes.Status409Conflict),
            };
        }).WithSummary("Deletes a login; its sessions and tokens end at once.");
        group.MapPost("/{id}/sign-out-everywhere", async Task<Results<Ok<SignedOut>, NotFound>> (string id, ManageUsers users, CancellationToken ct) =>
            await users.SignOutEverywhereAsync(id, ct) is { } n ? TypedResults.Ok(new SignedOut(n)) : TypedResults.NotFound())
            .WithSummary("Ends every cookie session and bearer token of the user at once.");
        return app;
    }
}

public sealed record SignedOut(int SessionsEnded);
