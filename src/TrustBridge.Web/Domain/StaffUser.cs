using Microsoft.AspNetCore.Identity;

namespace TrustBridge.Web.Domain;

/// <summary>A login of the hospital's staff. Department scope limits what department heads and clinicians see.</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The staff record this login belongs to, for clinicians (cases and scores about himself).</summary>
    public int? StaffId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<UserDepartmentScope> DepartmentScopes { get; set; } = [];
}

public class UserDepartmentScope
{
    public required string UserId { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
}
