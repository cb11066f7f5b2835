using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Training;

public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/training").WithTags("Training");
        g.MapGet("/courses", async (TrainingWork w, CancellationToken ct) => TypedResults.Ok(await w.CoursesAsync(ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("The course catalogue: the shipped frameworks (Calgary–Cambridge, SEGUE's 25 tasks, AIDET, CICARE) and the hospital's courses.");
        g.MapPost("/courses", async Task<Results<Created<CourseView>, ValidationProblem>> (CourseInput input, TrainingWork w, CancellationToken ct) =>
                Created(await w.AddCourseAsync(input, ct), v => $"/api/training/courses/{v.Id}"))
            .RequireAuthorization(AssessmentPolicies.Office).WithSummary("A course: code, title, framework (custom unless a template's), outline (one step a line).");
        g.MapGet("/sessions", async (TrainingWork w, CancellationToken ct) => TypedResults.Ok(await w.SessionsAsync(null, ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("Sessions, newest first, with enrolled and attended counts.");
        g.MapPost("/sessions", async Task<Results<Created<SessionView>, ValidationProblem>> (SessionInput input, TrainingWork w, CancellationToken ct) =>
                Created(await w.AddSessionAsync(input, ct), v => $"/api/training/sessions/{v.Id}"))
            .RequireAuthorization(AssessmentPolicies.Office)
            .WithSummary("A session: courseCode, heldOn, trainer, place, capacity, level (national, provincial, municipal, hospital), creditClass (I, II), hours, credits (computed for national and provincial).");
        g.MapPost("/sessions/{id:int}/enrolments", async Task<Results<Ok<SessionView>, ValidationProblem, NotFound>> (int id, StaffCodesInput input, TrainingWork w, CancellationToken ct) =>
                Answer(await w.EnrolAsync(id, input, ct)))
            .RequireAuthorization(AssessmentPolicies.Office).WithSummary("Enrol staff by code (up to the capacity).");
        g.MapPost("/sessions/{id:int}/attendance", async Task<Results<Ok<SessionView>, ValidationProblem, NotFound>> (int id, StaffCodesInput input, TrainingWork w, CancellationToken ct) =>
                Answer(await w.AttendByListAsync(id, input, ct)))
            .RequireAuthorization(AssessmentPolicies.Office).WithSummary("Attendance by list: each attendee's credit record is written once.");
        g.MapPost("/scan/{token}", async Task<Results<Ok<ScanResult>, ValidationProblem, NotFound>> (string token, TrainingWork w, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
                Answer(await w.ScanAsync(token, (await scopes.ForAsync(http.User, ct)).StaffId ?? await LinkedStaffAsync(http, ct), ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("The signed-in member of staff attends the session of the QR code: only on the session's day (otherwise 400).");
        g.MapPost("/credits", async Task<Results<Created<CreditRow>, ValidationProblem>> (CreditInput input, TrainingWork w, CancellationToken ct) =>
                Created(await w.AddCreditAsync(input, null, null, ct), v => $"/api/training/credits/{v.Id}"))
            .RequireAuthorization(AssessmentPolicies.Office)
            .WithSummary("A CME credit record: staffCode, earnedOn, title, level, creditClass, role (learner, lecturer), hours (never negative), credits (computed for national and provincial), certificateNumber.");
        g.MapGet("/staff/{code}/credits", Credits).RequireAuthorization(Policies.Staff)
            .WithSummary("A member of staff's CME year (ASSESSMENT.md): total, classI, classII, national5y (national class I of the five years), status on-track or short, shortBy. Staff see their own, department heads their departments'.");
        return app;
    }

    private static async Task<int?> LinkedStaffAsync(HttpContext http, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<TrustDbContext>();
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.Users.Where(u => u.Id == id).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
    }

    private static async Task<Results<Ok<CreditsSummary>, ValidationProblem, NotFound, ForbidHttpResult>> Credits(string code, int? year, StaffCredits credits, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var y = year ?? clock.Today.Year;
        if (y is < 2000 or > 2100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["year is 2000–2100."] });
        var scope = await scopes.ForAsync(http.User, ct);
        if (scope.StaffId is null && scope.DepartmentIds is not null) scope = scope with { StaffId = await LinkedStaffAsync(http, ct) };
        var (access, view) = await credits.ForAsync(code, y, scope, ct);
        return access switch
        {
            StaffCredits.Access.NotFound => TypedResults.NotFound(),
            StaffCredits.Access.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(view!.Summary),
        };
    }

    private static Results<Created<T>, ValidationProblem> Created<T>(TrainingResult<T> r, Func<T, string> location) =>
        r.Value is { } v ? TypedResults.Created(location(v), v) : TypedResults.ValidationProblem(r.Errors!);

    private static Results<Ok<T>, ValidationProblem, NotFound> Answer<T>(TrainingResult<T> r) =>
        r.NotFound ? TypedResults.NotFound() : r.Value is { } v ? TypedResults.Ok(v) : TypedResults.ValidationProblem(r.Errors!);
}
