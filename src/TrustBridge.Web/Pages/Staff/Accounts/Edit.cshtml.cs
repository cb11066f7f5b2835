using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Organization;

namespace TrustBridge.Web.Pages.Staff.Accounts;

/// <summary>Creates a login or changes one: roles, department scope, lock, password reset. Everything through ManageUsers (audited).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(ManageUsers users, ListDepartments departments) : PageModel
{
    public sealed class UserForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public List<string> Roles { get; set; } = [];
        public List<string> DepartmentCodes { get; set; } = [];
        public string? StaffCode { get; set; }
        public bool Locked { get; set; }
    }

    [BindProperty] public UserForm Form { get; set; } = new();
    public UserSummary? Existing { get; private set; }
    public bool Creating => Existing is null;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id is not null)
        {
            if (await users.GetAsync(id, ct) is not { } u) return NotFound();
            Existing = u;
            Form = new UserForm { Email = u.Email, DisplayName = u.DisplayName, Roles = [.. u.Roles], DepartmentCodes = [.. u.DepartmentCodes], Locked = u.LockedOut };
        }
        await LoadDepartmentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (id is not null && await users.GetAsync(id, ct) is not { } existing) return NotFound();
        var staffCode = string.IsNullOrWhiteSpace(Form.StaffCode) ? null : Form.StaffCode.Trim();
        var input = new UserInput(Form.Email, Form.DisplayName, string.IsNullOrEmpty(Form.Password) ? null : Form.Password,
            [.. Form.Roles], [.. Form.DepartmentCodes], staffCode, id is null ? null : Form.Locked);
        var (saved, errors) = id is null ? await users.CreateAsync(input, ct) : await users.UpdateAsync(id, input, ct);
        if (saved is not null)
        {
            TempData["Saved"] = saved.Email;
            return Redirect("/Staff/Accounts");
        }
        Existing = id is null ? null : await users.GetAsync(id, ct);
        Errors = errors.Count > 0 ? errors : new Dictionary<string, string[]> { ["user"] = ["保存失败。"] };
        Form.Password = null;
        await LoadDepartmentsAsync(ct);
        return Page();
    }

    /// <summary>Ends every session and token of the account (ManageUsers.SignOutEverywhereAsync, audited).</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(string? id, CancellationToken ct)
    {
        if (id is null || await users.SignOutEverywhereAsync(id, ct) is not { } ended) return NotFound();
        TempData["SignedOut"] = ended;
        return Redirect("/Staff/Accounts");
    }

    private async Task LoadDepartmentsAsync(CancellationToken ct) =>
        Departments = (await departments.RunAsync(new DepartmentFilter(PageSize: 500), ct)).Items;
}
