using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>A login a case can be handed to, with the department it works in (null: the office, administrators).</summary>
public sealed record CaseAssignee(string UserId, string Email, string Name, string? DepartmentCode, string? DepartmentName, bool IsHead)
{
    /// <summary>"张三（心内科）", or the name alone when it already says the department or there is none.</summary>
    public string Label => DepartmentName is null || Name.Contains(DepartmentName, StringComparison.Ordinal) ? Name : $"{Name}（{DepartmentName}）";
}

/// <summary>
/// Who may own a case (issue 8, defect 8): the logins that may change cases — the office, administrators and department
/// heads — each with the department of their staff record or their department scope. The head of a department is the
/// department-head login scoped to it; she gets a case assigned to the department without a person.
/// </summary>
public sealed class CaseAssignees(TrustDbContext db)
{
    private static readonly string[] Owners = [Roles.PatientRelations, Roles.Admin, Roles.DepartmentHead];

    public async Task<List<CaseAssignee>> ListAsync(string? departmentCode = null, string? q = null, CancellationToken ct = default)
    {
        var users = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where Owners.Contains(r.Name!) && u.Email != null
                           select new { u.Id, u.Email, u.DisplayName, u.StaffId, u.LockoutEnd, Role = r.Name }).ToListAsync(ct);
        // A disabled login (locked for good) takes no cases; a short lockout after failed logins does not matter.
        users = [.. users.Where(u => u.LockoutEnd is not { } end || end < DateTimeOffset.UtcNow.AddYears(50))];
        var ids = users.Select(u => u.Id).Distinct().ToList();
        var scopes = await db.UserDepartmentScopes.AsNoTracking().Where(s => ids.Contains(s.UserId))
            .Select(s => new { s.UserId, s.Department!.Code, s.Department.Name }).ToListAsync(ct);
        var staffIds = users.Where(u => u.StaffId != null).Select(u => u.StaffId!.Value).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id) && s.DepartmentId != null)
            .Select(s => new { s.Id, s.Department!.Code, s.Department.Name }).ToDictionaryAsync(s => s.Id, ct);
        var list = new List<CaseAssignee>();
        foreach (var g in users.GroupBy(u => u.Id))
        {
            var u = g.First();
            var head = g.Any(x => x.Role == Roles.DepartmentHead);
            var name = string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName;
            var departments = scopes.Where(s => s.UserId == u.Id).Select(s => (s.Code, s.Name)).ToList();
            if (u.StaffId is { } sid && staff.TryGetValue(sid, out var sd) && departments.All(d => d.Code != sd.Code)) departments.Insert(0, (sd.Code, sd.Name));
            if (departments.Count == 0) list.Add(new CaseAssignee(u.Id, u.Email!, name, null, null, false));
            foreach (var (code, dname) in departments) list.Add(new CaseAssignee(u.Id, u.Email!, name, code, dname, head));
        }
        var term = q?.Trim();
        return [.. list
            .Where(a => string.IsNullOrEmpty(departmentCode) || a.DepartmentCode == departmentCode)
            .Where(a => string.IsNullOrEmpty(term) || a.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || a.Email.Contains(term, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.DepartmentCode is null ? 0 : 1).ThenBy(a => a.DepartmentCode, StringComparer.Ordinal).ThenByDescending(a => a.IsHead).ThenBy(a => a.Email, StringComparer.Ordinal)];
    }
}
