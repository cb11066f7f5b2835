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
        return app;
    }
}
