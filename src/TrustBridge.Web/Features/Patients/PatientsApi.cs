using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Encounters;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Patients;

public sealed record RevealRequest(string? Reason);

public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (string? q, string? departmentCode, int? page, int? pageSize, ListPatients list, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(new PatientFilter(q, departmentCode, page, pageSize), await scopes.ForAsync(http.User, ct), ct)))
            .WithSummary("Search patients by MRN or name; mobile and identity numbers come masked.");
        group.MapGet("/{id:int}", async Task<Results<Ok<PatientDetail>, NotFound>> (int id, GetPatient get, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
            await get.RunAsync(id, await scopes.ForAsync(http.User, ct), ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound());
        group.MapPost("/{id:int}/reveal", async Task<Results<Ok<RevealedIdentifiers>, NotFound, ValidationProblem>> (int id, RevealRequest? body, GetPatient get, CancellationToken ct) =>
            {
                if (RevealReasons.Check(body?.Reason) is { Problem: { } problem })
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [problem] });
                return await get.RevealAsync(id, body!.Reason, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();
            })
            .RequireAuthorization(Policies.RevealPatientIdentifiers)
            .WithSummary("The full mobile and identity number of one patient, with a reason (follow-up-call, identity-check, case-handling, legal-request, or 4–500 characters of text); audited.");

        var enc = app.MapGroup("/api/encounters").WithTags("Encounters").RequireAuthorization(Policies.Staff);
        enc.MapGet("/", async Task<Results<Ok<Paged<EncounterView>>, ValidationProblem>> (string? departmentCode, DateOnly? from, DateOnly? to, string? type, string? patient, string? staffCode,
                int? page, int? pageSize, ListEncounters list, ScopeOfUser scopes, HttpContext http, Audit.AuditLog audit, CancellationToken ct) =>
            {
                if (type is not null && !Domain.EncounterTypes.All.Contains(type))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["type"] = [$"type must be one of {string.Join(", ", Domain.EncounterTypes.All)}."] });
                if (from > to)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must not be after to."] });
                var result = await list.RunAsync(new EncounterFilter(departmentCode, from, to, type, patient, staffCode, page, pageSize), await scopes.ForAsync(http.User, ct), ct);
                await audit.RecordAsync(Audit.AuditActions.EncountersViewed, "encounter", null, new { departmentCode, from, to, type, patient, staffCode, result.Page }, ct);
                return TypedResults.Ok(result);
            })
            .WithSummary("Encounters filtered by department, hospital-local date range (from/to inclusive), type, patient MRN or name, attending staff.");
        return app;
    }

    public static IServiceCollection AddPatients(this IServiceCollection services) => services
        .AddScoped<ListPatients>().AddScoped<GetPatient>().AddScoped<ListEncounters>().AddScoped<ScopeOfUser>();
}
