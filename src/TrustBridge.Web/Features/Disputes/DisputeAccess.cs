using System.Security.Claims;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>
/// Who sees which disputes (issue 10, item 11): the office and administrators see and change all; the executive and the
/// supervision group read all; a department head reads her departments' disputes without the negotiation notes; a clinician
/// sees only that a dispute names him and its status.
/// </summary>
public sealed record DisputeViewer(ClaimsPrincipal User, UserScope Scope)
{
    public bool Handles => User.IsInRole(Roles.PatientRelations) || User.IsInRole(Roles.Admin);
    public bool ReadsAll => Handles || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Executive);
    public bool IsDepartmentHead => !ReadsAll && User.IsInRole(Roles.DepartmentHead);
    /// <summary>Sees the dispute's content (not only that it exists and its status).</summary>
    public bool SeesDetail => ReadsAll || IsDepartmentHead;
    public bool SeesNegotiationNotes => ReadsAll;
    public string Name => User.FindFirstValue("display_name") ?? User.Identity?.Name ?? "staff";
}

public sealed class DisputeAccess(ScopeOfUser scopes)
{
    public const string ReadPolicy = Policies.Staff;
    public const string WritePolicy = "disputes.write";

    public async Task<DisputeViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default) => new(user, await scopes.ForAsync(user, ct));

    public static IQueryable<Dispute> Visible(IQueryable<Dispute> disputes, DisputeViewer viewer)
    {
        if (viewer.ReadsAll) return disputes;
        if (viewer.IsDepartmentHead)
        {
            var ids = viewer.Scope.DepartmentIds?.ToList() ?? [];
            return disputes.Where(d => d.Departments.Any(x => ids.Contains(x.DepartmentId)));
        }
        var staffId = viewer.Scope.StaffId ?? -1;
        return disputes.Where(d => d.Staff.Any(s => s.StaffId == staffId));
    }

    /// <summary>Accountability decisions on a staff profile: those who read all disputes, the head of the staff's department, and the person himself.</summary>
    public static bool SeesAccountabilityOf(DisputeViewer viewer, Staff staff) =>
        viewer.ReadsAll || (viewer.IsDepartmentHead && staff.DepartmentId is { } d && viewer.Scope.Covers(d)) || viewer.Scope.StaffId == staff.Id;
}
