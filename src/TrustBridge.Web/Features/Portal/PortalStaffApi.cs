using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Features.Portal;

public sealed record PublishRequest(DateTimeOffset? PublishAt);
public sealed record ScheduleRequest(IReadOnlyList<SessionInput>? Sessions);
public sealed record AttendanceRequest(bool Attended);
public sealed record EventInput(string? Kind, string? Title, string? Description, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, int? Capacity);

/// <summary>The office's API: pages, prices, schedules, 您说·我们做 and events (the PatientRelations office and administrators).</summary>
internal static class PortalStaffApi
{
    public static string UserOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";

    public static IResult Outcome(PortalOutcome o, Func<IResult> ok)
    {
        if (o.NotFound) return TypedResults.NotFound();
        if (o.Errors is { } e) return TypedResults.ValidationProblem(e);
        if (o.Conflict is { } c) return TypedResults.Problem(c, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        return ok();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/portal").WithTags("Portal editing").RequireAuthorization(Policies.RegistryWrite);
        g.MapGet("/pages", async (string? kind, PortalEditing pages, CancellationToken ct) => TypedResults.Ok(await pages.ListAsync(kind, ct)))
            .WithSummary("Every page with its newest version's status and its update deadline.");
        g.MapGet("/pages/{id:int}", async Task<Results<Ok<EditablePage>, NotFound>> (int id, PortalEditing pages, CancellationToken ct) =>
            await pages.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound())
            .WithSummary("A page's newest version and its version history (who, when).");
        g.MapPut("/pages/{kind}/{slug}", async (string kind, string slug, PageInput body, PortalEditing pages, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var o = await pages.SaveDraftAsync(kind, slug, body, UserOf(user), ct);
                return Outcome(o, () => TypedResults.Ok(new { id = o.Id }));
            })
            .WithSummary("Write the page's draft in Markdown {\"title\",\"summary\",\"body\",\"category\",\"changedOn\",\"tags\",\"deadlineWorkingDays\"}; <script>, javascript: links and event handlers are a 400.");
        g.MapPost("/pages/{id:int}/submit", async (int id, PortalEditing pages, ClaimsPrincipal user, CancellationToken ct) =>
            Outcome(await pages.SubmitAsync(id, UserOf(user), ct), () => TypedResults.NoContent())).WithSummary("Send the draft for review.");
        g.MapPost("/pages/{id:int}/return", async (int id, PortalEditing pages, ClaimsPrincipal user, CancellationToken ct) =>
            Outcome(await pages.ReturnAsync(id, UserOf(user), ct), () => TypedResults.NoContent())).WithSummary("Return the version under review to a draft.");
        g.MapPost("/pages/{id:int}/publish", async (int id, PublishRequest? body, PortalEditing pages, ClaimsPrincipal user, CancellationToken ct) =>
            Outcome(await pages.PublishAsync(id, body?.PublishAt?.UtcDateTime, UserOf(user), ct), () => TypedResults.NoContent()))
            .WithSummary("A reviewer other than the writer publishes the version under review, now or at publishAt (a time in the past is a 400).");

        g.MapPut("/prices/{kind}", async Task<IResult> (string kind, HttpContext http, PriceLists prices, CancellationToken ct) =>
            {
                if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || type.MediaType != "text/csv")
                    return TypedResults.Problem("Send the price list as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
                try
                {
                    var result = await prices.ImportAsync(kind, http.Request.Body, type.Charset.HasValue ? type.Charset.Value : null, ct);
                    if (result.Errors.Count > 0)
                        return TypedResults.Problem($"{result.Errors.Count} row(s) have errors; the published list is unchanged. First: line {result.Errors[0].Line}, {result.Errors[0].Column}: {result.Errors[0].Message}",
                            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Price list rejected",
                            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
                    return TypedResults.Ok(result);
                }
                catch (ImportFileProblem p)
                {
                    return TypedResults.Problem(p.Message, statusCode: p.Status, title: p.Title);
                }
            })
            .Accepts<string>("text/csv")
            .WithSummary("Replace the service or drug price list with a CSV (UTF-8 or GB18030; PORTAL.md columns, Chinese headers accepted). Any bad row rejects the file (422 with each row's line and column).");

        g.MapPut("/doctors/{code}/schedule", async (string code, ScheduleRequest body, ClinicSchedules schedules, CancellationToken ct) =>
            Outcome(await schedules.SetWeekAsync(code, body.Sessions, ct), () => TypedResults.NoContent()))
            .WithSummary("Replace a doctor's weekly outpatient sessions {\"sessions\":[{\"weekday\":1,\"halfDay\":\"am\",\"clinicKind\",\"place\"}]}; overlapping sessions are a 400 naming the session.");

        g.MapGet("/you-said-we-did", async (YouSaidWeDidBook book, CancellationToken ct) => TypedResults.Ok((await book.AllForStaffAsync(ct)).Select(x => new
            {
                x.Id, x.Quarter, departmentCode = x.Department?.Code, x.Theme, x.Said, x.Did, x.Status, x.DoneOn, x.SourceKind, x.SourceId, x.Published, x.WrittenBy,
            })))
            .WithSummary("Every 您说·我们做 entry with its source (staff only).");
        g.MapPost("/you-said-we-did", async (YouSaidWeDidInput body, YouSaidWeDidBook book, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var o = await book.SaveAsync(null, body, UserOf(user), ct);
            return Outcome(o, () => TypedResults.Created($"/api/portal/you-said-we-did/{o.Id}", new { id = o.Id }));
        }).WithSummary("Write a 您说·我们做 entry.");
        g.MapPut("/you-said-we-did/{id:int}", async (int id, YouSaidWeDidInput body, YouSaidWeDidBook book, ClaimsPrincipal user, CancellationToken ct) =>
            Outcome(await book.SaveAsync(id, body, UserOf(user), ct), () => TypedResults.NoContent())).WithSummary("Change a 您说·我们做 entry.");

        g.MapPost("/events", async Task<IResult> (EventInput body, TrustBridge.Web.Data.TrustDbContext db, TimeProvider time, PublicCache cache, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (body.Kind is null || !PortalEventKinds.All.Contains(body.Kind)) errors["kind"] = [$"kind must be one of {string.Join(", ", PortalEventKinds.All)}."];
            if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 200) errors["title"] = ["title is required (at most 200 characters)."];
            if (string.IsNullOrWhiteSpace(body.Place) || body.Place.Length > 200) errors["place"] = ["place is required."];
            if (body.Capacity is not > 0) errors["capacity"] = ["capacity must be at least 1."];
            var now = time.GetUtcNow();
            if (body.StartsAt is not { } starts || starts <= now) errors["startsAt"] = ["startsAt must be in the future."];
            if (body.EndsAt is not { } ends || body.StartsAt is { } s2 && ends <= s2) errors["endsAt"] = ["endsAt must be after startsAt."];
            if (SafeMarkdown.Problem(body.Description) is { } p) errors["description"] = [$"description {p}"];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            var e = new PortalEvent
            {
                Kind = body.Kind!, Title = body.Title!.Trim(), Description = body.Description, StartsAt = body.StartsAt!.Value.UtcDateTime,
                EndsAt = body.EndsAt!.Value.UtcDateTime, Place = body.Place!.Trim(), Capacity = body.Capacity!.Value, CreatedAt = now.UtcDateTime,
            };
            db.PortalEvents.Add(e);
            await db.SaveChangesAsync(ct);
            await cache.EvictAsync(ct);
            return TypedResults.Created($"/api/portal/events/{e.Id}", new { id = e.Id });
        }).WithSummary("Announce an event {\"kind\",\"title\",\"description\",\"startsAt\",\"endsAt\",\"place\",\"capacity\"}.");
        g.MapGet("/events/{id:int}/registrations", async (int id, PortalEvents events, CancellationToken ct) => TypedResults.Ok(await events.RegistrantsAsync(id, ct)))
            .WithSummary("Who registered (mobiles masked), waiting list and attendance.");
        g.MapPost("/events/{id:int}/registrations/{registrationId:int}/attendance", async (int id, int registrationId, AttendanceRequest body, PortalEvents events, CancellationToken ct) =>
            Outcome(await events.MarkAttendanceAsync(id, registrationId, body.Attended, ct), () => TypedResults.NoContent()))
            .WithSummary("Mark whether a registered person attended.");
    }
}
