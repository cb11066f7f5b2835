namespace TrustBridge.Web.Domain;

/// <summary>
/// A survey wave (调查批次): an instrument sent to a random sample of the patients of some departments whose
/// encounters fall in a period. The seed is stored so the same draw can be repeated and checked.
/// </summary>
public class SurveyWave
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The day invitations go out; inpatient contact windows and the 90-day rest count from it.</summary>
    public DateOnly ContactDate { get; set; }
    public double Margin { get; set; }
    public double ResponseRate { get; set; }
    public int Seed { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Eligible population, exclusions by reason and sample sizes, as JSON, kept as drawn.</summary>
    public required string DrawSummary { get; set; }
    public List<SurveyWaveDepartment> Departments { get; set; } = [];
}

public class SurveyWaveDepartment
{
    public int WaveId { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
}

public static class InvitationStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Answered = "answered";
    public const string Expired = "expired";
    public const string OptedOut = "opted-out";
}

/// <summary>One patient invited by one wave, about one encounter, through a single-use unguessable link.</summary>
public class SurveyInvitation
{
    public long Id { get; set; }
    public int WaveId { get; set; }
    public SurveyWave? Wave { get; set; }
    public int PatientId { get; set; }
    public long EncounterId { get; set; }
    public int DepartmentId { get; set; }
    public int? StaffId { get; set; }
    /// <summary>URL-safe random token of the patient's link.</summary>
    public required string Token { get; set; }
    public DateOnly ContactDate { get; set; }
    public DateOnly EncounterDate { get; set; }
    public string Status { get; set; } = InvitationStatuses.Pending;
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>When the gateway accepted the invitation message.</summary>
    public DateTime? SentAt { get; set; }
    public DateTime? RemindedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
