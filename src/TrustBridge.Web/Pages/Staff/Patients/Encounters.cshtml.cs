using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Encounters;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Patients;

/// <summary>Encounters by department, hospital-local date range, type and patient; audited like the API.</summary>
public sealed class EncountersModel(ListEncounters list, ListDepartments departments, ScopeOfUser scopes, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Patient { get; set; }
    [BindProperty(SupportsGet = true)] public string? StaffCode { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<EncounterView>? Result { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = (await departments.RunAsync(new DepartmentFilter(PageSize: 500), ct)).Items;
        if (Pages.Shared.DateFilters.Unreadable(ModelState)) { Problem = "日期格式应为 2026-11-22。"; return; }
        if (!string.IsNullOrEmpty(Type) && !EncounterTypes.All.Contains(Type)) { Problem = "就诊类型无效。"; return; }
        if (From > To) { Problem = "开始日期不能晚于结束日期。"; return; }
        Result = await list.RunAsync(new EncounterFilter(DepartmentCode, From, To, NullIfEmpty(Type), NullIfEmpty(Patient?.Trim()), NullIfEmpty(StaffCode), PageNumber),
            await scopes.ForAsync(User, ct), ct);
        await audit.RecordAsync(AuditActions.EncountersViewed, "encounter", null, new { DepartmentCode, From, To, Type, Patient, StaffCode, Result.Page }, ct);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
