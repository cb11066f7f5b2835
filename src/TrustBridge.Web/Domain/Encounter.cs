namespace TrustBridge.Web.Domain;

public static class EncounterTypes
{
    public const string Outpatient = "outpatient";
    public const string Inpatient = "inpatient";
    public const string Emergency = "emergency";
    public static readonly string[] All = [Outpatient, Inpatient, Emergency];
}

public static class DischargeDispositions
{
    public const string Home = "home";
    public const string Transfer = "transfer";
    public const string AgainstAdvice = "against-advice";
    public const string Died = "died";
    public const string Other = "other";
    public static readonly string[] All = [Home, Transfer, AgainstAdvice, Died, Other];
}

/// <summary>An outpatient visit, inpatient stay or emergency visit (就诊记录).</summary>
public class Encounter
{
    public long Id { get; set; }
    /// <summary>The HIS's own identifier (就诊流水号/住院号+次数): the natural key of imports.</summary>
    public required string HisId { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string Type { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? AttendingStaffId { get; set; }
    public Staff? AttendingStaff { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>UTC; discharge for inpatients.</summary>
    public DateTime? EndedAt { get; set; }
    public string? DischargeDisposition { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
