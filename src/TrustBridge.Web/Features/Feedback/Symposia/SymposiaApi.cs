using System.Security.Claims;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>/api/symposia: any staff member reads; the patient-relations office and administrators change.</summary>
public static class SymposiaApi
{
    public static IEndpointRouteBuilder MapSymposiaApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/symposia").WithTags("Symposia").RequireAuthorization(Policies.Staff);
        read.MapGet("/", async (string? q, int? page, int? pageSize, ListSymposia list, CancellationToken ct) => Results.Ok(await list.RunAsync(q, page, pageSize, ct)))
            .WithSummary("The symposia (座谈会), newest first, with counts of participants, items raised and items closed.");
        read.MapGet("/{id:int}", async (int id, GetSymposium get, CancellationToken ct) =>
                await get.RunAsync(id, ct) is { } s ? Results.Ok(s) : NotFound())
            .WithSummary("One symposium: participants (masked mobiles), minutes, the cases raised with status and reply, the report back.");

        var write = app.MapGroup("/api/symposia").WithTags("Symposia").RequireAuthorization(Policies.SymposiaWrite);
        write.MapPost("/", async (SymposiumInput body, ClaimsPrincipal user, SaveSymposium save, GetSymposium get, CancellationToken ct) =>
            {
                var r = await save.RunAsync(null, body, user.Identity?.Name, ct);
                return r.Outcome == SymposiumOutcome.Done ? Results.Created($"/api/symposia/{r.Value}", await get.RunAsync(r.Value, ct)) : ToResult(r);
            }).WithSummary("Record a symposium: heldOn, title, location, departmentCode, minutes, participants (name, role patient|family|staff, staffCode, mobile).");
        write.MapPut("/{id:int}", async (int id, SymposiumInput body, ClaimsPrincipal user, SaveSymposium save, GetSymposium get, CancellationToken ct) =>
            {
                var r = await save.RunAsync(id, body, user.Identity?.Name, ct);
                return r.Outcome == SymposiumOutcome.Done ? Results.Ok(await get.RunAsync(id, ct)) : ToResult(r);
            }).WithSummary("Update a symposium. Participants not listed are removed; a listed participant (by id) with a blank mobile keeps the stored one.");
        write.MapPost("/{id:int}/items", async (int id, SymposiumItemInput body, ClaimsPrincipal user, RaiseSymposiumItem raise, CancellationToken ct) =>
            {
                var r = await raise.RunAsync(id, body, SubmitterOf(user), ct);
                return r.Outcome == SymposiumOutcome.Done ? Results.Created($"/api/feedback/{r.Value!.Id}", r.Value) : ToResult(r);
            }).WithSummary("Raise an item: it becomes a feedback case with channel symposium, received on the symposium's day (09:00 unless receivedAt is given).");
        write.MapPost("/{id:int}/report", async (int id, SymposiumReportInput? body, ReportBack report, GetSymposium get, CancellationToken ct) =>
            {
                var r = await report.RunAsync(id, body ?? new SymposiumReportInput(), ct);
                return r.Outcome == SymposiumOutcome.Done ? Results.Ok(await get.RunAsync(id, ct)) : ToResult(r);
            }).WithSummary("Report back to the participants (text, or the composed draft if empty): saved, and an SMS queued to each participant with a mobile.");
        return app;
    }

    public static Submitter SubmitterOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue("display_name") ?? user.Identity?.Name, true);

    public static IResult ToResult<T>(SymposiumResult<T> r) => r.Outcome switch
    {
        SymposiumOutcome.NotFound => NotFound(),
        SymposiumOutcome.Conflict => Results.Problem(r.Message, statusCode: StatusCodes.Status409Conflict, title: "Not in this state"),
        SymposiumOutcome.Invalid => Results.ValidationProblem(r.Errors ?? new() { ["body"] = ["Invalid."] }),
        _ => Results.NoContent(),
    };

    private static IResult NotFound() => Results.Problem("No such symposium.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
