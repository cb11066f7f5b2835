using System.Security.Claims;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// Who sees which cases (issue 4, "Access"): the office and administrators every case; the supervision group and
/// leadership read every case and change none; a department head the cases involving her departments; a clinician the
/// cases that name him, without the complainant's identity.
/// </summary>
public sealed record CaseViewer(ClaimsPrincipal User, UserScope Scope)
{
    public bool Handles => User.IsInRole(Roles.PatientRelations) || User.IsInRole(Roles.Admin);
    public bool ReadsAll => Handles || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Executive);
    public bool IsDepartmentHead => !ReadsAll && User.IsInRole(Roles.DepartmentHead);
    /// <summary>Changes cases: the office, and department heads for cases of their departments. Supervisor never.</summary>
    public bool MayChange => Handles || IsDepartmentHead;
    public bool SeesComplainant => ReadsAll || IsDepartmentHead;
    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => User.FindFirstValue("display_name") ?? User.Identity?.Name ?? "staff";
}

public sealed class FeedbackAccess(ScopeOfUser scopes)
{
    public async Task<CaseViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default) => new(user, await scopes.ForAsync(user, ct));

    /// <summary>The cases this viewer may see.</summary>
    public static IQueryable<FeedbackCase> Visible(IQueryable<FeedbackCase> cases, CaseViewer viewer)
    {
        if (viewer.ReadsAll) return cases;
        var departments = viewer.Scope.DepartmentIds?.ToList() ?? [];
        if (viewer.IsDepartmentHead)
            return cases.Where(c => (c.DepartmentId != null && departments.Contains(c.DepartmentId.Value))
                || c.Departments.Any(d => departments.Contains(d.DepartmentId)));
        var staffId = viewer.Scope.StaffId ?? -1;
        return cases.Where(c => c.StaffId == staffId);
    }

    public static bool MayChange(CaseViewer viewer, FeedbackCase c) => viewer.Handles ||
        (viewer.IsDepartmentHead && viewer.Scope.DepartmentIds is { } ids &&
         ((c.DepartmentId is { } d && ids.Contains(d)) || c.Departments.Any(x => ids.Contains(x.DepartmentId))));
}
