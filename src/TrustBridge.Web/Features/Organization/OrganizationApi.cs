using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Organization;

public static class OrganizationApi
{
    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder app)
    {
        var depts = app.MapGroup("/api/departments").WithTags("Organization").RequireAuthorization(Policies.Staff);
        depts.MapGet("/", async (string? q, string? kind, bool? active, int? page, int? pageSize, ListDepartments list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(new DepartmentFilter(q, kind, active, page, pageSize), ct)));
        depts.MapGet("/{code}", async Task<Results<Ok<DepartmentView>, NotFound>> (string code, ListDepartments list, CancellationToken ct) =>
            await list.GetAsync(code, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound());
        depts.MapPost("/", async (DepartmentInput input, SaveDepartment save, ListDepartments list, CancellationToken ct) =>
            ToResult(await save.RunAsync(null, input, ct), await list.GetAsync(input.Code?.Trim() ?? "", ct), $"/api/departments/{input.Code?.Trim()}"))
            .RequireAuthorization(Policies.RegistryWrite);
        depts.MapPut("/{code}", async (string code, DepartmentInput input, SaveDepartment save, ListDepartments list, CancellationToken ct) =>
            ToResult(await save.RunAsync(code, input, ct), await list.GetAsync(code, ct), null))
            .RequireAuthorization(Policies.RegistryWrite);

        var staff = app.MapGroup("/api/staff").WithTags("Organization").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", async (string? q, string? departmentCode, string? title, bool? active, int? page, int? pageSize, ListStaff list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(new StaffFilter(q, departmentCode, title, active, page, pageSize), ct)));
        staff.MapGet("/{code}", async Task<Results<Ok<StaffView>, NotFound>> (string code, ListStaff list, CancellationToken ct) =>
            await list.GetAsync(code, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound());
        staff.MapPost("/", async (StaffInput input, SaveStaff save, ListStaff list, CancellationToken ct) =>
            ToResult(await save.RunAsync(null, input, ct), await list.GetAsync(input.Code?.Trim() ?? "", ct), $"/api/staff/{input.Code?.Trim()}"))
            .RequireAuthorization(Policies.RegistryWrite);
        staff.MapPut("/{code}", async (string code, StaffInput input, SaveStaff save, ListStaff list, CancellationToken ct) =>
            ToResult(await save.RunAsync(code, input, ct), await list.GetAsync(code, ct), null))
            .RequireAuthorization(Policies.RegistryWrite);
        return app;
    }

    internal static IResult ToResult<T>((SaveOutcome Outcome, Dictionary<string, string[]> Errors) r, T? saved, string? location) => r.Outcome switch
    {
        SaveOutcome.Created => TypedResults.Created(location, saved),
        SaveOutcome.Updated => TypedResults.Ok(saved),
        SaveOutcome.NotFound => TypedResults.Problem("No such record.", statusCode: StatusCodes.Status404NotFound),
        SaveOutcome.Conflict => TypedResults.Problem(string.Join(" ", r.Errors.SelectMany(e => e.Value)), statusCode: StatusCodes.Status409Conflict, title: "Already exists"),
        _ => TypedResults.ValidationProblem(r.Errors),
    };

    public static IServiceCollection AddOrganization(this IServiceCollection services) => services
        .AddScoped<ListDepartments>().AddScoped<SaveDepartment>().AddScoped<ListStaff>().AddScoped<SaveStaff>();
}
