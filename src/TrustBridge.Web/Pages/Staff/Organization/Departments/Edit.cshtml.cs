using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Organization;

namespace TrustBridge.Web.Pages.Staff.Organization.Departments;

/// <summary>Creates a department (no code in the route) or edits one; validation comes from SaveDepartment.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class EditModel(ListDepartments departments, SaveDepartment save) : PageModel
{
    public sealed class DepartmentForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string Kind { get; set; } = DepartmentKinds.Clinical;
        public string? ParentCode { get; set; }
        public bool Active { get; set; } = true;
    }

    [BindProperty] public DepartmentForm Form { get; set; } = new();
    public string? ExistingCode { get; private set; }
    public bool Creating => ExistingCode is null;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<DepartmentView> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        ExistingCode = code;
        if (code is not null)
        {
            if (await departments.GetAsync(code, ct) is not { } d) return NotFound();
            Form = new DepartmentForm { Code = d.Code, Name = d.Name, Kind = d.Kind, ParentCode = d.ParentCode, Active = d.Active };
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        ExistingCode = code;
        var input = new DepartmentInput(Form.Code, Form.Name, Form.Kind, Form.ParentCode ?? "", Form.Active);
        var (outcome, errors) = await save.RunAsync(code, input, ct);
        switch (outcome)
        {
            case SaveOutcome.Created or SaveOutcome.Updated:
                TempData["Saved"] = true;
                return Redirect($"/Staff/Organization/Departments/Detail/{Uri.EscapeDataString((code ?? Form.Code!).Trim())}");
            case SaveOutcome.NotFound:
                return NotFound();
            default:
                Errors = errors;
                await LoadParentsAsync(ct);
                return Page();
        }
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = (await departments.RunAsync(new DepartmentFilter(PageSize: 500), ct)).Items.Where(d => d.Code != ExistingCode).ToList();
}
