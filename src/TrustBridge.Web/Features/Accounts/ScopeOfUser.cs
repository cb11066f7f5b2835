using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Accounts;

/// <summary>What part of the hospital a user may see. DepartmentIds null means the whole hospital.</summary>
public sealed record UserScope(IReadOnlySet<int>? DepartmentIds, int? StaffId)
{
    /// <summary>A clinician (and not a department head) sees scores about himself only.</summary>
    public bool SelfOnly { get; init; }

    public static readonly UserScope Hospital = new(null, null);
    public bool Covers(int departmentId) => DepartmentIds is null || DepartmentIds.Contains(departmentId);
}

public sealed class ScopeOfUser(TrustDbContext db)
{
    public async Task<UserScope> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Roles.Scoped.Any(user.IsInRole) || Roles.All.Except(Roles.Scoped).Any(user.IsInRole))
            return UserScope.Hospital;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var ids = await db.UserDepartmentScopes.Where(s => s.UserId == id).Select(s => s.DepartmentId).ToListAsync(ct);
        var staffId = await db.Users.Where(u => u.Id == id).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
        return new UserScope(ids.ToHashSet(), staffId) { SelfOnly = user.IsInRole(Roles.Clinician) && !user.IsInRole(Roles.DepartmentHead) };
    }
}
