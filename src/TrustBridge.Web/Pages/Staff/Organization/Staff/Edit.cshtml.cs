using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Organization;

namespace TrustBridge.Web.Pages.Staff.Organization.Staff;

/// <summary>Adds a member of staff (no code in the route) or edits one; validation comes from SaveStaff.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class EditModel(ListStaff staff, ListDepartments departments, SaveStaff save) : PageModel
{
    public sealed class StaffForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? DepartmentCode { get; set; }
        public string? LicenceNumber { get; set; }
        public string? Specialties { get; set; }
        public string? Bio { get; set; }
        public bool Active { get; set; } = true;
    }

    [BindProperty] public StaffForm Form { get; set; } = new();
    public string? ExistingCode { get; private set; }
    public bool Creating => ExistingCode is null;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        ExistingCode = code;
        if (code is not null)
        {
            if (await staff.GetAsync(code, ct) is not { } s) return NotFound();
            Form = new StaffForm
            {
                Code = s.Code, Name = s.Name, Title = s.Title, DepartmentCode = s.DepartmentCode, LicenceNumber = s.LicenceNumber,
                Specialties = s.Specialties, Bio = s.Bio, Active = s.Active,
            };
        }
        await LoadDepartmentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        ExistingCode = code;
        // Empty fields clear the value (SaveStaff leaves a field alone only when it is null).
        var input = new StaffInput(Form.Code, Form.Name, Form.Title ?? "", Form.DepartmentCode ?? "", Form.LicenceNumber ?? "",
            Form.Specialties ?? "", Form.Bio ?? "", Form.Active);
        var (outcome, errors) = await save.RunAsync(code, input, ct);
        switch (outcome)
        {
            case SaveOutcome.Created or SaveOutcome.Updated:
                return Redirect($"/Staff/Organization/Staff/Profile/{Uri.EscapeDataString((code ?? Form.Code!).Trim())}");
            case SaveOutcome.NotFound:
                return NotFound();
            default:
                Errors = errors;
                await LoadDepartmentsAsync(ct);
                return Page();
        }
    }

    private async Task LoadDepartmentsAsync(CancellationToken ct) =>
        Departments = (await departments.RunAsync(new DepartmentFilter(PageSize: 500), ct)).Items;
}
