using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Surveys;

public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveyWavesApi(this IEndpointRouteBuilder app)
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
        waves.MapPost("/{id:int}/send", async Task<Results<Ok<SendResult>, NotFound>> (int id, GetSurveyWave get, SendWaveInvitations send, CancellationToken ct) =>
                await get.RunAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(new SendResult(await send.SendAsync(id, ct))))
            .RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Queue the wave's pending invitations as SMS through the notifications outbox.");

        var responses = app.MapGroup("/api/surveys").WithTags("Surveys");
        responses.MapPost("/responses", Submit).AllowAnonymous()
            .WithSummary("A patient's answers with the invitation token. 201, or 404 unknown token, 409 already answered, 410 expired or opted out, 400 invalid answers.");
        responses.MapPost("/optout", async Task<Results<NoContent, NotFound>> (OptOutRequest body, SubmitSurveyResponse submit, CancellationToken ct) =>
            !string.IsNullOrWhiteSpace(body.Token) && await submit.OptOutAsync(body.Token, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .AllowAnonymous().WithSummary("The patient of this invitation is not surveyed again.");
        return app;
    }

    private static async Task<IResult> Submit(ResponseInput input, SubmitSurveyResponse submit, CancellationToken ct)
    {
        var (outcome, id, errors) = await submit.RunAsync(input, Domain.ResponseSources.Invitation, ct);
        return outcome switch
        {
            SubmitOutcome.Stored => TypedResults.Created($"/api/surveys/responses/{id}", new { id }),
            SubmitOutcome.UnknownToken => TypedResults.Problem("This survey link is not known.", statusCode: StatusCodes.Status404NotFound, title: "Unknown link"),
            SubmitOutcome.AlreadyAnswered => TypedResults.Problem("This survey link has already been answered.", statusCode: StatusCodes.Status409Conflict, title: "Already answered"),
            SubmitOutcome.Expired => TypedResults.Problem("This survey link has expired.", statusCode: StatusCodes.Status410Gone, title: "Link expired"),
            SubmitOutcome.OptedOut => TypedResults.Problem("The patient opted out of surveys.", statusCode: StatusCodes.Status410Gone, title: "Opted out"),
            _ => TypedResults.ValidationProblem(errors),
        };
    }

    public sealed record SendResult(int Queued);
    public sealed record OptOutRequest(string? Token);

    public static IServiceCollection AddSurveys(this IServiceCollection services) => services
        .AddScoped<CreateSurveyWave>().AddScoped<GetSurveyWave>().AddScoped<SendWaveInvitations>().AddScoped<SubmitSurveyResponse>()
        .AddScoped<OpenSurveyLink>().AddScoped<SurveyDrafts>().AddScoped<SubmitQrResponse>().AddScoped<QrPosters>()
        .AddScoped<RunSurveyJobs>().AddScoped<RecoveryTaskBook>().AddScoped<EditInstrument>().AddScoped<InstrumentReliability>().AddScoped<ImportSurveyResponses>()
        .AddScoped<Notifications.IDeliveryEffect, InvitationDelivered>();
}
