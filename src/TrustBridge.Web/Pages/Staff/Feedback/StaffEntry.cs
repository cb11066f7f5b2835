using System.Security.Claims;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>Who may type in a case received by phone, letter, visit…: those who may change cases; the supervision group and leadership read only.</summary>
public static class StaffEntry
{
    public static bool MayEnter(ClaimsPrincipal user) =>
        user.IsInRole(Roles.PatientRelations) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Clinician);
}
