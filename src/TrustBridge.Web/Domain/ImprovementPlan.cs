namespace TrustBridge.Web.Domain;

public static class PlanStatuses
{
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public static readonly string[] All = [Open, InProgress, Done, Cancelled];
}

/// <summary>
/// 专项辅导: targeted coaching opened for a department whose trusting rate fell below the 99.8% funnel limit
/// (low-alarm) in a period. One plan per department, instrument and period.
/// </summary>
public class ImprovementPlan
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public required string InstrumentCode { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public int N { get; set; }
    public double TrustingRate { get; set; }
    public double Lower998 { get; set; }
    public string? Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public string Status { get; set; } = PlanStatuses.Open;
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A low answer (trust score below 50, or recommend 6 or less with a comment) that the patient-relations office should
/// follow up: service recovery. It becomes a feedback case once feedback cases exist.
/// </summary>
public class ServiceRecoveryTask
{
    public int Id { get; set; }
    public long ResponseId { get; set; }
    public SurveyResponse? Response { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public required string Reason { get; set; }
    public double? Score { get; set; }
    public int? Recommend { get; set; }
    public string? Comment { get; set; }
    public string Status { get; set; } = PlanStatuses.Open;
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>
/// One step of an improvement plan: what is done, by whom (a staff member), by when, its status and the evidence that
/// it was done (a note and/or a link to an attachment).
/// </summary>
public class ImprovementAction
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ImprovementPlan? Plan { get; set; }
    public required string What { get; set; }
    public int? StaffId { get; set; }
    public Staff? Staff { get; set; }
    public DateOnly DueOn { get; set; }
    public string Status { get; set; } = PlanStatuses.Open;
    public string? Evidence { get; set; }
    public string? EvidenceUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
