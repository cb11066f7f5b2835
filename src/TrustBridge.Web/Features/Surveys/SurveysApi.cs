using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Surveys;

public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var waves = app.MapGroup("/api/surveys/waves").WithTags("Surveys").RequireAuthorization(Policies.Staff);
        waves.MapGet("/", async (GetSurveyWave get, CancellationToken ct) => TypedResults.Ok(await get.ListAsync(ct)));
        waves.MapGet("/{id:int}", async Task<Results<Ok<WaveView>, NotFound>> (int id, GetSurveyWave get, CancellationToken ct) =>
            await get.RunAsync(id, ct) is { } w ? TypedResults.Ok(w) : TypedResults.NotFound());
        waves.MapGet("/{id:int}/invitations", async Task<Results<Ok<Paged<InvitationView>>, NotFound>> (int id, string? departmentCode, int? page, int? pageSize, GetSurveyWave get, CancellationToken ct) =>
            await get.RunAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await get.InvitationsAsync(id, departmentCode, page, pageSize, ct)))
            .RequireAuthorization(Policies.RegistryWrite);
        waves.MapPost("/", async Task<Results<Created<WaveView>, ValidationProblem>> (WaveInput input, CreateSurveyWave create, GetSurveyWave get, CancellationToken ct) =>
            {
                var (id, errors) = await create.RunAsync(input, ct);
                return id is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/surveys/waves/{id}", await get.RunAsync(id.Value, ct));
            })
            .RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Create a wave: eligible population, exclusions by reason, sample size per department (MEASUREMENT.md) and the seeded draw.");
        return app;
    }

    public static IServiceCollection AddSurveys(this IServiceCollection services) => services
        .AddScoped<CreateSurveyWave>().AddScoped<GetSurveyWave>();
}
