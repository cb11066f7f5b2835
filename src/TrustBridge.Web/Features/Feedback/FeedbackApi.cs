using System.Security.Claims;
using TrustBridge.Core.Triage;
using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Feedback;

public sealed record TriageRequest(string? Text);
public sealed record TriageAnswer(string Type, string Category, string RiskLevel, IReadOnlyList<TriageCueView> Cues)
{
    public static TriageAnswer From(TriageResult r) => new(r.Type, r.Category, r.RiskLevel, [.. r.Cues.Select(c => new TriageCueView(c.Text, c.Signal))]);
}
public sealed record RatingInput(int? Rating, string? Comment);
public sealed record PatientReopenInput(string? Reason);

public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackIntakeApi(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/feedback").WithTags("Feedback");
        pub.MapPost("/", Create).AllowAnonymous().RequireRateLimiting(IntakeLimit.Name)
            .WithSummary("A complaint, suggestion, praise or consultation. Anonymous allowed; only staff may set receivedAt or a channel other than web/qr/api. 201 with tracking code and deadlines.");
        pub.MapGet("/track/{code}", async (string code, TrackCase track, CancellationToken ct) =>
                await track.RunAsync(code, ct) is { } view ? Results.Ok(view) : Problem404("No case has this tracking code."))
            .AllowAnonymous().WithSummary("The patient's view: status, dates, departments and the reply; never notes, staff or who complained.");
        pub.MapPost("/track/{code}/rating", async (string code, RatingInput body, CaseWorkflow flow, CancellationToken ct) =>
                ToResult(await flow.RateAsync(code, body.Rating, body.Comment, ct)))
            .AllowAnonymous().RequireRateLimiting(IntakeLimit.Name).WithSummary("The patient rates the handling (1–5).");
        pub.MapPost("/track/{code}/reopen", async (string code, PatientReopenInput body, CaseWorkflow flow, CancellationToken ct) =>
                ToResult(await flow.PatientReopenAsync(code, body.Reason, ct)))
            .AllowAnonymous().RequireRateLimiting(IntakeLimit.Name).WithSummary("The patient asks again after a reply.");

        var staff = app.MapGroup("/api/feedback").WithTags("Feedback").RequireAuthorization(Policies.Staff);
        staff.MapPost("/triage", (TriageRequest body, TriageEngine triage) =>
            {
                if (string.IsNullOrWhiteSpace(body.Text)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Give the text to triage."] });
                if (body.Text.Length > ReceiveFeedback.MaxContent) return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["The text is longer than 20,000 characters."] });
                var r = triage.Classify(body.Text);
                return Results.Ok(TriageAnswer.From(r));
            }).WithSummary("Suggests type, category and risk level for a Chinese text, with the cues that decided it.");
        staff.MapGet("/", async ([AsParameters] CaseQuery query, ClaimsPrincipal user, FeedbackAccess access, ListCases list, CancellationToken ct) =>
            {
                if (query.View is { } v && !CaseViewsFilter.All.Contains(v))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["view"] = [$"Unknown view '{v}'; use {string.Join(", ", CaseViewsFilter.All)}."] });
                return Results.Ok(await list.RunAsync(query.ToFilter(), await access.ViewerAsync(user, ct), ct));
            }).WithSummary("The queue: view=open|due-soon|overdue|alerts|review, filters, search and paging; scoped to what the caller may see.");
        staff.MapGet("/assignees", async (string? departmentCode, string? q, CaseAssignees assignees, CancellationToken ct) =>
                Results.Ok(await assignees.ListAsync(string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode.Trim(), q, ct)))
            .WithSummary("Who a case can be assigned to (the office, administrators, department heads), filtered by department and name; isHead marks the login that gets a case assigned to the department alone.");
        staff.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, FeedbackAccess access, GetCase get, CancellationToken ct) =>
            await get.RunAsync(id, await access.ViewerAsync(user, ct), ct) is { } c ? Results.Ok(c) : Problem404("No such case, or not one you may see."));
        staff.MapGet("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, ClaimsPrincipal user, FeedbackAccess access, GetCase get, CancellationToken ct) =>
            await get.AttachmentAsync(id, attachmentId, await access.ViewerAsync(user, ct), ct) is { } a
                ? Results.File(a.Content, a.ContentType, a.FileName)
                : Problem404("No such attachment."));

        Action(staff, "acknowledge", (f, id, _, v, ct) => f.AcknowledgeAsync(id, v, ct), "Receive the case (受理); the receiver owns it.");
        Action(staff, "alert/acknowledge", (f, id, _, v, ct) => f.AcknowledgeAlertAsync(id, v, ct), "Someone has seen the high-risk alert.");
        Action(staff, "second-look/confirm", (f, id, a, v, ct) => f.ConfirmSecondLookAsync(id, a, v, ct), "可能高危: the office confirms the case is high risk; the alert goes out.");
        Action(staff, "second-look/dismiss", (f, id, a, v, ct) => f.DismissSecondLookAsync(id, a, v, ct), "可能高危: the office dismisses the second look with a reason (text), kept as labelled data.");
        Action(staff, "start", (f, id, _, v, ct) => f.StartAsync(id, v, ct), "Work on the case has begun.");
        Action(staff, "assign", (f, id, a, v, ct) => f.AssignAsync(id, a, v, ct), "Hand the case to a person (ownerEmail) and/or a department (departmentCode); a department alone goes to its head.");
        Action(staff, "transfer", (f, id, a, v, ct) => f.TransferAsync(id, a, v, ct), "Hand the case to another department (departmentCode).");
        Action(staff, "notes", (f, id, a, v, ct) => f.NoteAsync(id, a, v, ct), "An internal note (never shown to the patient).");
        Action(staff, "reply", (f, id, a, v, ct) => f.DraftReplyAsync(id, a, v, ct), "Draft the reply; the office reviews it before it is sent.");
        Action(staff, "reply/send", (f, id, a, v, ct) => f.SendReplyAsync(id, a, v, ct), "The office approves (and may edit) the reply; the patient is told.");
        Action(staff, "close", (f, id, a, v, ct) => f.CloseAsync(id, a, v, ct), "Close the case.");
        Action(staff, "reopen", (f, id, a, v, ct) => f.ReopenAsync(id, a, v, ct), "Reopen a replied or closed case with a new deadline.");
        Action(staff, "escalate", (f, id, a, v, ct) => f.EscalateAsync(id, a, v, ct), "Hand the case to dispute handling (转纠纷).");
        Action(staff, "merge", (f, id, a, v, ct) => f.MergeAsync(id, a, v, ct), "Merge a duplicate into intoCaseId.");
        Action(staff, "classification", (f, id, a, v, ct) => f.ReclassifyAsync(id, a, v, ct), "Correct type, category or risk level; kept as labelled data.");
        Action(staff, "link", (f, id, a, v, ct) => f.LinkAsync(id, a, v, ct), "Link the patient (patientMrn) or encounter (encounterId).");
        return app;
    }

    private delegate Task<CaseActionResult> CaseStep(CaseWorkflow flow, int id, CaseAction action, CaseViewer viewer, CancellationToken ct);

    private static void Action(RouteGroupBuilder group, string path, CaseStep step, string summary) =>
        group.MapPost($"/{{id:int}}/{path}", async (int id, [FromBody] CaseAction? body, ClaimsPrincipal user, FeedbackAccess access, CaseWorkflow flow, GetCase get, CancellationToken ct) =>
        {
            var viewer = await access.ViewerAsync(user, ct);
            var result = await step(flow, id, body ?? new CaseAction(), viewer, ct);
            return result.Outcome == CaseOutcome.Done ? Results.Ok(await get.RunAsync(id, viewer, ct)) : ToResult(result);
        }).WithSummary(summary);

    private static async Task<IResult> Create(HttpContext http, ReceiveFeedback receive, CancellationToken ct)
    {
        FeedbackInput? input;
        try { input = await http.Request.ReadFromJsonAsync<FeedbackInput>(ct); }
        catch (System.Text.Json.JsonException e) { return Health.ProblemDetailsSetup.JsonBodyProblem(e); }
        catch (InvalidOperationException) { return Results.Problem("Send application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"); }
        if (input is null) return Results.Problem("The body is empty.", statusCode: 400, title: "Malformed JSON");
        var user = http.User;
        var isStaff = user.Identity?.IsAuthenticated == true && Roles.All.Any(user.IsInRole);
        if (isStaff && !(user.IsInRole(Roles.PatientRelations) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Clinician)))
            isStaff = false; // Supervisor and Executive change nothing: they submit like the public.
        var who = isStaff ? new Submitter(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name, true) : Submitter.Public;
        var (created, errors) = await receive.RunAsync(input, who, null, ct);
        if (created is null) return Results.ValidationProblem(errors);
        // The person who wrote a threat must not learn it was flagged (issue 8, defect 9): the public see no risk level and the ordinary acknowledge-by.
        return Results.Created($"/api/feedback/{created.Id}", isStaff ? created : created.ForPatient());
    }

    public static IResult ToResult(CaseActionResult r) => r.Outcome switch
    {
        CaseOutcome.Done => Results.NoContent(),
        CaseOutcome.NotFound => Problem404("No such case, or not one you may see."),
        CaseOutcome.Forbidden => Results.Problem(r.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        CaseOutcome.Conflict => Results.Problem(r.Message, statusCode: StatusCodes.Status409Conflict, title: "Not in this state"),
        _ => Results.ValidationProblem(new Dictionary<string, string[]> { [r.Field ?? "body"] = [r.Message ?? "Invalid."] }),
    };

    private static IResult Problem404(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

public sealed record CaseQuery(string? View, string? Status, string? Type, string? Category, string? RiskLevel, string? Channel, string? DepartmentCode,
    string? Q, DateOnly? From, DateOnly? To, string? Sort, int? Page, int? PageSize)
{
    public CaseFilter ToFilter() => new(View, Status, Type, Category, RiskLevel, Channel, DepartmentCode, Q, From, To, null, Sort, Page, PageSize);
}
