namespace TrustBridge.Web.Domain;

/// <summary>座谈会: a meeting with patients, families and staff. Each item raised becomes a case with channel symposium.</summary>
public class Symposium
{
    public int Id { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Title { get; set; }
    public string? Location { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string? Minutes { get; set; }
    /// <summary>What was done about the items, reported back to the participants.</summary>
    public string? ReportBack { get; set; }
    public DateTime? ReportedAt { get; set; }
    public List<SymposiumParticipant> Participants { get; set; } = [];
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class ParticipantRoles
{
    public const string Patient = "patient";
    public const string Family = "family";
    public const string Staff = "staff";
    public static readonly string[] All = [Patient, Family, Staff];
}

public class SymposiumParticipant
{
    public int Id { get; set; }
    public int SymposiumId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public int? StaffId { get; set; }
    public string? MobileEncrypted { get; set; }
    public string? MobileMasked { get; set; }
}
