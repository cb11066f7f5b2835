namespace TrustBridge.Web.Features.Organization;

public sealed record DepartmentView(int Id, string Code, string Name, string Kind, string? ParentCode, string? ParentName, bool Active, int StaffCount);

public sealed record DepartmentInput(string? Code, string? Name, string? Kind, string? ParentCode, bool? Active);

public sealed record StaffView(int Id, string Code, string Name, string? Title, string? DepartmentCode, string? DepartmentName,
    string? LicenceNumber, string? Specialties, string? Bio, bool Active);

public sealed record StaffInput(string? Code, string? Name, string? Title, string? DepartmentCode, string? LicenceNumber, string? Specialties, string? Bio, bool? Active);
