using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Encounters;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Patients;

namespace TrustBridge.Web.Features.Exports;

/// <summary>
/// The registry lists as downloads (format=csv or xlsx, the same filters as the lists, at most 100,000 rows).
/// Patient identifiers stay masked and every patient export is audited.
/// </summary>
public static class RegistryExportsApi
{
    public static IEndpointRouteBuilder MapRegistryExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/departments/export", async (string? format, string? q, string? kind, bool? active, ListDepartments list, CancellationToken ct) =>
        {
            if (Unknown(format) is { } bad) return bad;
            var page = await list.RunAsync(new DepartmentFilter(q, kind, active, 1, PagedExport) { Export = true }, ct);
            return ExportResults.File(new ExportTable("departments", ["code", "name", "kind", "parent_code", "parent_name", "active", "staff"],
                page.Items.Select(d => (IReadOnlyList<object?>)[d.Code, d.Name, d.Kind, d.ParentCode, d.ParentName, d.Active, d.StaffCount]).ToList()), format ?? "csv", "departments");
        }).WithTags("Organization").RequireAuthorization(Policies.Staff);

        app.MapGet("/api/staff/export", async (string? format, string? q, string? departmentCode, string? title, bool? active, ListStaff list, CancellationToken ct) =>
        {
            if (Unknown(format) is { } bad) return bad;
            var page = await list.RunAsync(new StaffFilter(q, departmentCode, title, active, 1, PagedExport) { Export = true }, ct);
            return ExportResults.File(new ExportTable("staff", ["code", "name", "title", "department_code", "department_name", "licence_number", "specialties", "active"],
                page.Items.Select(s => (IReadOnlyList<object?>)[s.Code, s.Name, s.Title, s.DepartmentCode, s.DepartmentName, s.LicenceNumber, s.Specialties, s.Active]).ToList()), format ?? "csv", "staff");
        }).WithTags("Organization").RequireAuthorization(Policies.Staff);

        app.MapGet("/api/patients/export", async (string? format, string? q, string? departmentCode, ListPatients list, ScopeOfUser scopes, HttpContext http, CancellationToken ct) =>
        {
            if (Unknown(format) is { } bad) return bad;
            var page = await list.RunAsync(new PatientFilter(q, departmentCode, 1, PagedExport) { Export = true }, await scopes.ForAsync(http.User, ct), ct);
            return ExportResults.File(new ExportTable("patients", ["mrn", "name", "gender", "birth_date", "age", "mobile_masked", "id_number_masked", "deceased_on", "survey_opt_out"],
                page.Items.Select(p => (IReadOnlyList<object?>)[p.Mrn, p.Name, p.Gender, p.BirthDate, p.Age, p.Mobile, p.IdNumber, p.DeceasedOn, p.SurveyOptOut]).ToList()), format ?? "csv", "patients");
        }).WithTags("Patients").RequireAuthorization(Policies.Staff).WithSummary("Patients as CSV or .xlsx; identifiers masked; audited.");

        app.MapGet("/api/encounters/export", async (string? format, string? departmentCode, DateOnly? from, DateOnly? to, string? type, string? patient, string? staffCode,
            ListEncounters list, ScopeOfUser scopes, HttpContext http, Hospital.HospitalClock clock, CancellationToken ct) =>
        {
            if (Unknown(format) is { } bad) return bad;
            var page = await list.RunAsync(new EncounterFilter(departmentCode, from, to, type, patient, staffCode, 1, PagedExport) { Export = true }, await scopes.ForAsync(http.User, ct), ct);
            return ExportResults.File(new ExportTable("encounters", ["his_id", "type", "mrn", "patient", "department_code", "department", "staff_code", "staff", "started_at", "ended_at", "discharge_disposition"],
                page.Items.Select(e => (IReadOnlyList<object?>)[e.HisId, e.Type, e.PatientMrn, e.PatientName, e.DepartmentCode, e.DepartmentName, e.StaffCode, e.StaffName,
                    clock.ToLocal(e.StartedAt), e.EndedAt is { } end ? clock.ToLocal(end) : null, e.DischargeDisposition]).ToList()), format ?? "csv", "encounters");
        }).WithTags("Encounters").RequireAuthorization(Policies.Staff);
        return app;
    }

    private const int PagedExport = Paging.PagedQuery.MaxExportRows;

    private static IResult? Unknown(string? format) => ExportResults.Unknown(format);
}
