namespace TrustBridge.Web.Domain;

/// <summary>A member of staff (医务人员): doctor, nurse, technician or administrator.</summary>
public class Staff
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>职称, e.g. 主任医师.</summary>
    public string? Title { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>医师执业证书编码.</summary>
    public string? LicenceNumber { get; set; }
    public string? Specialties { get; set; }
    public string? Bio { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
