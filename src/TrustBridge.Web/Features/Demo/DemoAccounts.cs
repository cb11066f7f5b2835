using Microsoft.AspNetCore.Identity;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Demo;

public sealed record DemoLogin(string Email, string Role, string Description);

/// <summary>
/// One login per role besides the administrator, so each view of the system can be tried: the patient-relations
/// office, the head of cardiology (scoped to 心血管内科), Dr Zhang of cardiology (a clinician linked to his staff
/// record), the supervisory panel and hospital leadership.
/// </summary>
public static class DemoAccounts
{
    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("office@demo.local", Roles.PatientRelations, "医患沟通办公室"),
        new("cardio.head@demo.local", Roles.DepartmentHead, "心血管内科 科主任"),
        new("dr.zhang@demo.local", Roles.Clinician, "心血管内科 张医生"),
        new("supervisor@demo.local", Roles.Supervisor, "监督小组"),
        new("executive@demo.local", Roles.Executive, "院领导"),
    ];

    /// <summary>Creates the logins that do not exist yet; returns those created. Needs ASP.NET Core Identity registered.</summary>
    public static async Task<List<DemoLogin>> EnsureAsync(IServiceProvider services, string password, DemoStaff head, DemoStaff clinician, CancellationToken ct)
    {
        var users = services.GetService<UserManager<StaffUser>>();
        var manage = services.GetService<ManageUsers>();
        var roles = services.GetService<RoleManager<IdentityRole>>();
        if (users is null || manage is null || roles is null) return [];
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var created = new List<DemoLogin>();
        foreach (var login in Logins)
        {
            if (await users.FindByEmailAsync(login.Email) is not null) continue;
            var (scope, staffCode, name) = login.Role switch
            {
                Roles.DepartmentHead => (new[] { DemoDepartments.CardiologyCode }, head.Code, head.Name),
                Roles.Clinician => (new[] { DemoDepartments.CardiologyCode }, clinician.Code, clinician.Name),
                _ => (null, null, login.Description),
            };
            var (user, errors) = await manage.CreateAsync(new UserInput(login.Email, name, password, [login.Role], scope, staffCode, null), ct);
            if (user is null)
                throw new InvalidOperationException($"Cannot create demo login {login.Email}: " + string.Join("; ", errors.SelectMany(e => e.Value)));
            created.Add(login);
        }
        return created;
    }
}
