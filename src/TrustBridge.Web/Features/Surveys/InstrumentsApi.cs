using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Surveys;

public static class InstrumentsApi
{
    public static IEndpointRouteBuilder MapInstrumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instruments").WithTags("Surveys").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (TrustDbContext db, CancellationToken ct) =>
        {
            var all = await db.Instruments.AsNoTracking().Include(i => i.Items).OrderBy(i => i.Code).ThenBy(i => i.Version).ToListAsync(ct);
            return TypedResults.Ok(all.Select(EditInstrument.View).ToList());
        }).WithSummary("Every version of every instrument.");
        group.MapGet("/{code}", async Task<Results<Ok<InstrumentView>, NotFound>> (string code, int? version, TrustDbContext db, CancellationToken ct) =>
        {
            var q = db.Instruments.AsNoTracking().Include(i => i.Items).Where(i => i.Code == code);
            var found = version is { } v ? await q.FirstOrDefaultAsync(i => i.Version == v, ct) : await q.OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
            return found is null ? TypedResults.NotFound() : TypedResults.Ok(EditInstrument.View(found));
        });
        group.MapPut("/{code}/draft", async Task<Results<Ok<InstrumentView>, ValidationProblem>> (string code, InstrumentInput input, EditInstrument edit, CancellationToken ct) =>
        {
            var (saved, errors) = await edit.SaveDraftAsync(input with { Code = code }, ct);
            return saved is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(saved);
        }).RequireAuthorization(Policies.RegistryWrite).WithSummary("Save the draft; when the newest version is published this starts the next version.");
        group.MapPost("/{code}/publish", async Task<Results<Ok<InstrumentView>, ProblemHttpResult>> (string code, EditInstrument edit, CancellationToken ct) =>
            await edit.PublishAsync(code, ct) is { } published ? TypedResults.Ok(published)
                : TypedResults.Problem($"{code} has no draft to publish.", statusCode: StatusCodes.Status409Conflict))
            .RequireAuthorization(Policies.RegistryWrite);
        group.MapGet("/{code}/reliability", async Task<Results<Ok<ReliabilityView>, NotFound>> (string code, DateOnly? from, DateOnly? to, InstrumentReliability reliability, HospitalClock clock, CancellationToken ct) =>
        {
            var end = to ?? clock.Today;
            return await reliability.RunAsync(code, from ?? end.AddYears(-1), end, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();
        }).WithSummary("Cronbach's alpha, alpha if deleted and corrected item-total r with warnings (alpha < 0.70, r < 0.30).");
        return app;
    }
}
