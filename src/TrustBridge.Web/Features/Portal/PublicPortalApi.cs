using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Portal;

/// <summary>The contract of GET /api/public/departments/{code}/results: figures null and a reason below the threshold.</summary>
public sealed record ResultsPeriod(DateOnly From, DateOnly To, int N, bool Published, double? TrustIndex, double? CiLow, double? CiHigh,
    double? TrustingRate, double? RateCiLow, double? RateCiHigh, string? Reason);
public sealed record DepartmentResultsResponse(string Department, IReadOnlyList<ResultsPeriod> Periods);
public sealed record RegistrationRequest(string? Name, string? Mobile);
public sealed record YouSaidWeDidResponse(string? Quarter, IReadOnlyList<string> Quarters, IReadOnlyList<YouSaidWeDidEntry> Items);

/// <summary>The anonymous API of the portal.</summary>
internal static class PublicPortalApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/public").WithTags("Public portal").AllowAnonymous();
        g.MapGet("/departments/{code}/results", async Task<Results<Ok<DepartmentResultsResponse>, NotFound, ValidationProblem>> (string code, string? instrument,
                PublicResults results, CancellationToken ct) =>
            {
                var inst = string.IsNullOrWhiteSpace(instrument) ? ShippedInstruments.Trust10 : instrument.Trim();
                if (inst.Length > 64) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instrument"] = ["instrument is too long."] });
                var r = await results.DepartmentAsync(code, inst, ct);
                if (r is null) return TypedResults.NotFound();
                return TypedResults.Ok(new DepartmentResultsResponse(r.Department, r.Periods.Select(p => new ResultsPeriod(p.From, p.To, p.N, p.Published,
                    p.TrustIndex, p.CiLow, p.CiHigh, p.TrustingRate, p.RateCiLow, p.RateCiHigh, p.Reason)).ToList()));
            })
            .WithSummary("A department's published trust results by quarter (newest first): below Portal:MinPublishedN answers published is false, every figure null and reason says why.");
        g.MapGet("/events", async (PortalEvents events, CancellationToken ct) => TypedResults.Ok(await events.UpcomingAsync(ct)))
            .WithSummary("Upcoming health lectures, free clinics and community events with seats left.");
        g.MapPost("/events/{id:int}/registrations", async Task<Results<Created<RegistrationResult>, NotFound, ValidationProblem, ProblemHttpResult>> (
                int id, RegistrationRequest body, PortalEvents events, HttpContext http, CancellationToken ct) =>
            {
                var (result, outcome) = await events.RegisterAsync(id, body.Name, body.Mobile, $"{http.Request.Scheme}://{http.Request.Host}", ct);
                if (outcome.NotFound) return TypedResults.NotFound();
                if (outcome.Conflict == "duplicate")
                    return TypedResults.Problem("This mobile is already registered for the event.", statusCode: StatusCodes.Status409Conflict,
                        title: "Already registered", extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
                if (outcome.Errors is { } errors) return TypedResults.ValidationProblem(errors);
                return TypedResults.Created($"/Public/Registration/{result!.Reference}", result);
            })
            .RequireRateLimiting(IntakeLimit.Name).DisableAntiforgery()
            .WithSummary("Register {\"name\",\"mobile\"}: 201 {\"status\":\"registered\"|\"waitlisted\",\"reference\"}; an SMS confirms; 400 naming the field, 409 the same mobile twice.");
        g.MapGet("/you-said-we-did", async Task<Results<Ok<YouSaidWeDidResponse>, ValidationProblem>> (string? quarter, YouSaidWeDidBook book, CancellationToken ct) =>
            {
                if (quarter is not null && !YouSaidWeDidBook.QuarterPattern().IsMatch(quarter))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["quarter must look like 2026Q3."] });
                return TypedResults.Ok(new YouSaidWeDidResponse(quarter, await book.QuartersAsync(ct), await book.PublishedAsync(quarter, ct)));
            })
            .WithSummary("您说·我们做: what patients raised and what the hospital changed, by quarter (e.g. 2026Q3) and department; all quarters without one.");
    }
}
