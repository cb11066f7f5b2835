namespace TrustBridge.Web.Domain;

public static class DepartmentKinds
{
    public const string Clinical = "clinical";
    public const string MedTech = "medtech";
    public const string Admin = "admin";
    public static readonly string[] All = [Clinical, MedTech, Admin];
}

/// <summary>A hospital department (科室): clinical, medical-technical (医技) or administrative.</summary>
public class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Kind { get; set; } = DepartmentKinds.Clinical;
    public int? ParentId { get; set; }
    public Department? Parent { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
