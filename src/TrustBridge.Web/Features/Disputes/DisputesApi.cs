using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>/api/disputes: every staff role reads what item 11 allows it (scoped in code, every read audited); the office and administrators change.</summary>
public static class DisputesApi
{
    public static IEndpointRouteBuilder MapDisputesApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/disputes").WithTags("Disputes").RequireAuthorization(DisputeAccess.ReadPolicy);
        read.MapGet("/", async ([AsParameters] DisputeQuery query, ClaimsPrincipal user, DisputeAccess access, DisputeReads reads, CancellationToken ct) =>
            {
                if (query.View is { } v && !DisputeFilter.Views.Contains(v))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["view"] = [$"Unknown view '{v}'; use {string.Join(", ", DisputeFilter.Views)}."] });
                if (query.Route is { } r && !Domain.DisputeRoutes.All.Contains(r))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["route"] = [$"Unknown route '{r}'."] });
                return Results.Ok(await reads.ListAsync(query.ToFilter(), await access.ViewerAsync(user, ct), ct));
            }).WithSummary("The queue: status, route (active), departmentCode, view=due-soon|overdue|major, year, q, page, pageSize. A clinician sees reference and status of disputes naming him.");
        read.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, DisputeAccess access, DisputeReads reads, CancellationToken ct) =>
                await reads.GetAsync(id, await access.ViewerAsync(user, ct), ct) is { } d ? Results.Ok(d) : DisputeResult.NotFound.ToProblem())
            .WithSummary("The whole dispute: route, routeDueBy (end of day, with offset), autopsyDueBy, compensation {claimed, agreed, paid}, limitationOn, every section and its history.");
        read.MapGet("/analytics", async (int? year, ClaimsPrincipal user, DisputeAccess access, DisputeAnalytics analytics, CancellationToken ct) =>
            {
                var viewer = await access.ViewerAsync(user, ct);
                return viewer.SeesDetail ? Results.Ok(await analytics.RunAsync(year, viewer, ct))
                    : Results.Problem("Analytics are for those who read disputes.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
            }).WithSummary("By year and department: count, closed, by route, mean days to resolution, liability share, claimed/agreed/paid, average and peak compensation, per 10,000 discharges.");

        DisputeExports.Map(read);

        var write = app.MapGroup("/api/disputes").WithTags("Disputes").RequireAuthorization(DisputeAccess.WritePolicy);
        write.MapPost("/", async (DisputeInput body, ClaimsPrincipal user, RegisterDispute register, Data.TrustDbContext db, CancellationToken ct) =>
            {
                var r = await register.RunAsync(body, Actor(user), ct);
                if (r.Outcome != DisputeOutcome.Done) return r.ToProblem();
                var d = await db.Disputes.FindAsync([r.Id], ct);
                return Results.Created($"/api/disputes/{r.Id}", new DisputeCreated(d!.Id, d.Reference, d.Status, d.ArisenOn, d.Major));
            }).WithSummary("Register a dispute: patientMrn, encounterIds, departmentCodes, staffCodes, claim, claimedAmount (元), arisenOn, knewOn, patientDied, diedAt, severity, reportedBy, major.");
        Step<RouteInput>(write, "routes", (w, id, b, a, ct) => w.AddRouteAsync(id, b, a, ct),
            "Start a route: negotiation|people-mediation|administrative-mediation|litigation|other with acceptedOn (appliedOn), body, caseNumber, representatives (≤ 5 a side). One active at a time.");
        Step<RouteEndInput>(write, "routes/end", (w, id, b, a, ct) => w.EndRouteAsync(id, b, a, ct), "End the active route: result agreement|judgment|failed|withdrawn|other, endedOn.");
        Step<RouteEndInput>(write, "routes/extend", (w, id, b, a, ct) => w.ExtendRouteAsync(id, b, a, ct), "Both sides agree to extend the active mediation by extensionWorkingDays.");
        Step<AppraisalInput>(write, "appraisals", (w, id, b, a, ct) => w.AddAppraisalAsync(id, null, b, a, ct),
            "Record an appraisal: body, commissionedOn, opinionOn, fee, feePrepaidBy, harm, harmDegree, fault, causation, liability (full|major|equal|minor|slight|none), liabilityPercent, reappraisal.");
        write.MapPost("/{id:int}/appraisals/{appraisalId:int}", (int id, int appraisalId, AppraisalInput body, ClaimsPrincipal user, DisputeWork work, DisputeAccess access, DisputeReads reads, CancellationToken ct) =>
            Run(() => work.AddAppraisalAsync(id, appraisalId, body, Actor(user), ct), id, user, access, reads, ct)).WithSummary("Complete an appraisal (the opinion and its findings); null fields stay.");
        Step<CompensationInput>(write, "compensation/lines", (w, id, b, a, ct) => w.SetCompensationAsync(id, b, a, ct),
            "Set the compensation lines (all of them): item (Civil Code art. 1179), claimed, agreed, note. Totals add up exactly.");
        Step<PaymentInput>(write, "payments", (w, id, b, a, ct) => w.AddPaymentAsync(id, b, a, ct), "A payment: payer hospital|insurer|fund|other, amount, paidOn, voucher. Never more than agreed.");
        Step<SealInput>(write, "seals", (w, id, b, a, ct) => w.AddSealAsync(id, b, a, ct), "Seal records (originals|copies, stage) or items: contents, both signers and confirmations.");
        write.MapPost("/{id:int}/seals/{sealId:int}/unseal", (int id, int sealId, UnsealInput body, ClaimsPrincipal user, DisputeWork work, DisputeAccess access, DisputeReads reads, CancellationToken ct) =>
            Run(() => work.UnsealAsync(id, sealId, body, Actor(user), ct), id, user, access, reads, ct)).WithSummary("Unseal with a reason: once resolved, or 3 years after sealing.");
        Step<DutyInput>(write, "duties", (w, id, b, a, ct) => w.AddDutyAsync(id, b, a, ct), "A duty of art. 23 told: duty routes|sealing|autopsy, toldOn, toldBy, toldWhom.");
        Step<AutopsyInput>(write, "autopsy", (w, id, b, a, ct) => w.AutopsyAsync(id, b, a, ct), "Time of death, body frozen, and the family's decision consent|refusal.");
        Step<MajorReportInput>(write, "major-report", (w, id, b, a, ct) => w.ReportMajorAsync(id, b, a, ct), "Reported to the health authority: reportedAt, reportedTo (marks it major).");
        Step<AccountabilityInput>(write, "accountability", (w, id, b, a, ct) => w.AddAccountabilityAsync(id, b, a, ct),
            "A decision about a member of staff: staffCode, decision none|education|circulated|pay-deduction|suspension|other, amount, reason, decidedOn, decidedBy.");
        Step<InterruptionInput>(write, "limitation/interruptions", (w, id, b, a, ct) => w.InterruptLimitationAsync(id, b.On, b.Text, a, ct),
            "A new claim or talks interrupt the limitation (art. 195): on, text.");
        Step<NoteInput>(write, "notes", (w, id, b, a, ct) => w.NoteAsync(id, b.Text, a, ct), "A note in the history.");
        Step<CloseInput>(write, "close", (w, id, b, a, ct) => w.CloseAsync(id, b, a, ct),
            "Close: outcome settled|judgment|withdrawn|no-liability|other, closedOn, rootCauses, lessons, openImprovementPlan, planDepartmentCode. Everything agreed must be paid.");
        return app;
    }

    private delegate Task<DisputeResult> WorkStep<T>(DisputeWork work, int id, T body, string actor, CancellationToken ct);

    private static void Step<T>(RouteGroupBuilder group, string path, WorkStep<T> step, string summary) where T : class =>
        group.MapPost($"/{{id:int}}/{path}", (int id, [FromBody] T body, ClaimsPrincipal user, DisputeWork work, DisputeAccess access, DisputeReads reads, CancellationToken ct) =>
            Run(() => step(work, id, body, Actor(user), ct), id, user, access, reads, ct)).WithSummary(summary);

    private static async Task<IResult> Run(Func<Task<DisputeResult>> step, int id, ClaimsPrincipal user, DisputeAccess access, DisputeReads reads, CancellationToken ct)
    {
        var r = await step();
        return r.Outcome == DisputeOutcome.Done ? Results.Ok(await reads.GetAsync(id, await access.ViewerAsync(user, ct), ct)) : r.ToProblem();
    }

    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue("display_name") ?? user.Identity?.Name ?? "staff";
}

public sealed record InterruptionInput(DateOnly? On, string? Text = null);

public sealed record DisputeQuery(string? Status, string? Route, string? DepartmentCode, string? View, string? Q, int? Year, int? Page, int? PageSize)
{
    public DisputeFilter ToFilter() => new(Status, Route, DepartmentCode, View, Q, Year, Page, PageSize);
}
