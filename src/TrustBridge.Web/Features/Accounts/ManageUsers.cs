using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Accounts;

public sealed record UserSummary(string Id, string Email, string DisplayName, string[] Roles, string[] DepartmentCodes, int? StaffId, bool LockedOut, int FailedLogins);

public sealed record UserInput(string? Email, string? DisplayName, string? Password, string[]? Roles, string[]? DepartmentCodes, string? StaffCode, bool? Locked);

/// <summary>Administrators create logins, set their roles and the departments they are scoped to, and lock or unlock them.</summary>
public sealed class ManageUsers(TrustDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock, StaffSessions sessions)
{
    public Task<List<UserSummary>> ListAsync(string? q, CancellationToken ct = default)
    {
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(u => u.Email!.Contains(q) || u.DisplayName.Contains(q));
        return SummariesAsync(query.OrderBy(u => u.Email).Take(500), ct);
    }

    public async Task<UserSummary?> GetAsync(string id, CancellationToken ct = default) =>
        (await SummariesAsync(db.Users.Where(u => u.Id == id), ct)).FirstOrDefault();

    /// <summary>The users with their roles and department codes, roles read only for these users.</summary>
    private async Task<List<UserSummary>> SummariesAsync(IQueryable<StaffUser> selection, CancellationToken ct)
    {
        var list = await selection.AsNoTracking().Include(u => u.DepartmentScopes).ThenInclude(s => s.Department).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roleRows = await (from ur in db.UserRoles where ids.Contains(ur.UserId) join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName,
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToArray(),
            u.DepartmentScopes.Select(s => s.Department!.Code).Order().ToArray(), u.StaffId,
            u.LockoutEnd is { } end && end > now, u.AccessFailedCount)).ToList();
    }

    public async Task<(UserSummary? User, Dictionary<string, string[]> Errors)> CreateAsync(UserInput input, CancellationToken ct = default)
    {
        var errors = Validate(input, creating: true);
        var deptIds = await ResolveDepartments(input.DepartmentCodes, errors, ct);
        var staffId = await ResolveStaff(input.StaffCode, errors, ct);
        if (errors.Count > 0) return (null, errors);
        var user = new StaffUser
        {
            UserName = input.Email!.Trim(), Email = input.Email.Trim(), EmailConfirmed = true,
            DisplayName = input.DisplayName?.Trim() ?? input.Email.Trim(), StaffId = staffId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return (null, IdentityErrors(created));
        await users.AddToRolesAsync(user, input.Roles!);
        db.UserDepartmentScopes.AddRange(deptIds.Select(d => new UserDepartmentScope { UserId = user.Id, DepartmentId = d }));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.UserCreated, "user", user.Id, new { email = user.Email, roles = input.Roles, departments = input.DepartmentCodes }, ct);
        return (await GetAsync(user.Id, ct), errors);
    }

    public async Task<(UserSummary? User, Dictionary<string, string[]> Errors)> UpdateAsync(string id, UserInput input, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return (null, []);
        var errors = Validate(input, creating: false);
        var deptIds = input.DepartmentCodes is null ? null : await ResolveDepartments(input.DepartmentCodes, errors, ct);
        var staffId = input.StaffCode is null ? user.StaffId : await ResolveStaff(input.StaffCode, errors, ct);
        if (errors.Count > 0) return (null, errors);

        if (input.DisplayName is { Length: > 0 } name) user.DisplayName = name.Trim();
        user.StaffId = staffId;
        await users.UpdateAsync(user);
        var scopeChanged = false;
        if (input.Roles is not null)
        {
            var current = await users.GetRolesAsync(user);
            scopeChanged |= !current.Order().SequenceEqual(input.Roles.Distinct().Order());
            await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
            await users.AddToRolesAsync(user, input.Roles.Except(current));
        }
        if (deptIds is not null)
        {
            var before = await db.UserDepartmentScopes.Where(s => s.UserId == id).Select(s => s.DepartmentId).ToListAsync(ct);
            scopeChanged |= !before.Order().SequenceEqual(deptIds.Distinct().Order());
            db.UserDepartmentScopes.RemoveRange(db.UserDepartmentScopes.Where(s => s.UserId == id));
            db.UserDepartmentScopes.AddRange(deptIds.Select(d => new UserDepartmentScope { UserId = id, DepartmentId = d }));
            await db.SaveChangesAsync(ct);
        }
        if (!string.IsNullOrEmpty(input.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, input.Password);
            if (!reset.Succeeded) return (null, IdentityErrors(reset));
        }
        if (input.Locked is bool locked)
        {
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (!locked) await users.ResetAccessFailedCountAsync(user);
        }
        // A new password or a lock ends every session and token at once (the stamp changes too); a change of roles or
        // departments ends the staff cookies, and tokens are judged by the new roles on their next request.
        if (!string.IsNullOrEmpty(input.Password) || input.Locked == true)
        {
            if (input.Locked == true) await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(id, ct: ct);
        }
        else if (scopeChanged) await sessions.EndAllAsync(id, StaffSession.Cookie, ct);
        sessions.ForgetUser(id);
        await audit.RecordAsync(AuditActions.UserUpdated, "user", id,
            new { roles = input.Roles, departments = input.DepartmentCodes, passwordChanged = !string.IsNullOrEmpty(input.Password), locked = input.Locked }, ct);
        return (await GetAsync(id, ct), errors);
    }

    /// <summary>Deletes a login; its sessions and tokens end at once. Null when there is no such user.</summary>
    public async Task<bool?> DeleteAsync(string id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) return false;
        await sessions.EndAllAsync(id, ct: ct);
        await audit.RecordAsync(AuditActions.UserDeleted, "user", id, new { email = user.Email }, ct);
        return true;
    }

    /// <summary>An administrator's "sign out everywhere": every cookie session and bearer token of the user ends now.</summary>
    public async Task<int?> SignOutEverywhereAsync(string id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        await users.UpdateSecurityStampAsync(user);
        var ended = await sessions.EndAllAsync(id, ct: ct);
        await audit.RecordAsync(AuditActions.UserSignedOutEverywhere, "user", id, new { sessions = ended }, ct);
        return ended;
    }

    private static Dictionary<string, string[]> Validate(UserInput input, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@')))
            errors["email"] = ["A valid email is required."];
        if (creating && string.IsNullOrEmpty(input.Password)) errors["password"] = ["A password is required."];
        if (creating && (input.Roles is null || input.Roles.Length == 0)) errors["roles"] = ["At least one role is required."];
        if (input.Roles is not null && input.Roles.Except(Roles.All).ToArray() is { Length: > 0 } unknown)
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}."];
        return errors;
    }

    private async Task<List<int>> ResolveDepartments(string[]? codes, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (codes is null || codes.Length == 0) return [];
        if (Organization.DepartmentCodeList.TooLong(codes) is { } tooLong) { errors["departmentCodes"] = [tooLong]; return []; }
        var found = await db.Departments.Where(d => codes.Contains(d.Code)).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        var missing = codes.Except(found.Select(f => f.Code)).ToArray();
        if (missing.Length > 0) errors["departmentCodes"] = [$"Unknown department code(s): {string.Join(", ", missing)}."];
        return found.Select(f => f.Id).ToList();
    }

    private async Task<int?> ResolveStaff(string? code, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var id = await db.Staff.Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (id is null) errors["staffCode"] = [$"Unknown staff code: {code}."];
        return id;
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult r) =>
        r.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
