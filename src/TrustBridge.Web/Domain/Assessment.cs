namespace TrustBridge.Web.Domain;

/// <summary>
/// One version of the scorecard's targets and weights (ASSESSMENT.md): in force from its date until the next version's;
/// a period is scored with the version in force at its end.
/// </summary>
public class AssessmentWeightsVersion
{
    public int Id { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string? Note { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<AssessmentIndicatorSetting> Indicators { get; set; } = [];
}

public class AssessmentIndicatorSetting
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public required string IndicatorCode { get; set; }
    /// <summary>Percent; the version's weights add up to 100.</summary>
    public decimal Weight { get; set; }
    public double Target { get; set; }
    public double Floor { get; set; }
}

/// <summary>通报: a department below target in a period, with the improvement plan that must be finished by its date (限期整改).</summary>
public class AssessmentNotice
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>2026Q3 or 2026.</summary>
    public required string Period { get; set; }
    public double Score { get; set; }
    public required string Band { get; set; }
    public int? VersionId { get; set; }
    public int ImprovementPlanId { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Text { get; set; }
    public required string IssuedBy { get; set; }
    public DateTime IssuedAt { get; set; }
}

/// <summary>A course of the catalogue: a shipped communication framework (template) or one the hospital adds.</summary>
public class TrainingCourse
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>calgary-cambridge, segue, aidet, cicare or custom.</summary>
    public required string Framework { get; set; }
    /// <summary>The stages or tasks, one a line.</summary>
    public string? Outline { get; set; }
    public bool Shipped { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A training session (培训场次): date, trainer, place, capacity, and the CME credit it grants.</summary>
public class TrainingSession
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public TrainingCourse? Course { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Trainer { get; set; }
    public required string Place { get; set; }
    public int Capacity { get; set; }
    public required string Level { get; set; }
    public required string CreditClass { get; set; }
    public decimal Hours { get; set; }
    /// <summary>What a learner who attends earns (the national/provincial rates of ASSESSMENT.md, or what the hospital grants).</summary>
    public decimal Credits { get; set; }
    /// <summary>Unguessable: the session's QR code links to /Staff/Training/Scan/{token}.</summary>
    public required string ScanToken { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class TrainingEnrolment
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public TrainingSession? Session { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
    public DateTime EnrolledAt { get; set; }
    public DateTime? AttendedAt { get; set; }
    /// <summary>list or scan.</summary>
    public string? AttendedBy { get; set; }
}

/// <summary>继续医学教育学分: one credit record of a member of staff.</summary>
public class CmeCreditRecord
{
    public int Id { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
    public int Year { get; set; }
    public DateOnly EarnedOn { get; set; }
    public int? SessionId { get; set; }
    public required string Title { get; set; }
    public required string Level { get; set; }
    public required string CreditClass { get; set; }
    public required string Role { get; set; }
    public decimal Hours { get; set; }
    public decimal Credits { get; set; }
    public string? CertificateNumber { get; set; }
    public string? EvidenceName { get; set; }
    public string? EvidencePath { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class NominationStatuses
{
    public const string Pending = "pending";
    public const string Awarded = "awarded";
    public const string Declined = "declined";
    public static readonly string[] All = [Pending, Awarded, Declined];
}

/// <summary>A nomination (推荐) of a member of staff with a story, and the committee's decision (award, date, citation).</summary>
public class Nomination
{
    public int Id { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
    public required string NominatedBy { get; set; }
    public required string Story { get; set; }
    public string Status { get; set; } = NominationStatuses.Pending;
    public string? Award { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Citation { get; set; }
    public bool PublicConsent { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>每月工作例会 report: the month's figures as PDF and .xlsx, stored.</summary>
public class MonthlyReport
{
    public int Id { get; set; }
    /// <summary>2026-11.</summary>
    public required string Month { get; set; }
    public required byte[] Pdf { get; set; }
    public required byte[] Xlsx { get; set; }
    /// <summary>The figures as JSON (what the pages show).</summary>
    public required string Figures { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
