namespace TrustBridge.Web.Domain;

public static class ResponseSources
{
    /// <summary>Answered through a sampled invitation link.</summary>
    public const string Invitation = "invitation";
    public const string Paper = "paper";
    public const string Import = "import";
    /// <summary>Convenience answers from a department poster: reported separately unless asked for.</summary>
    public const string Qr = "qr";
    public static readonly string[] All = [Invitation, Paper, Import, Qr];
    public static readonly string[] Sampled = [Invitation, Paper, Import];
}

/// <summary>
/// One respondent's answers to one instrument version about one encounter. The scale score is computed when the
/// answer is stored (MEASUREMENT.md, "One respondent"), so reports aggregate stored numbers.
/// </summary>
public class SurveyResponse
{
    public long Id { get; set; }
    /// <summary>The answer's own identifier (response_id of an import, or generated): idempotency key.</summary>
    public required string ResponseKey { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    /// <summary>The encounter date (visit or discharge, hospital-local): reports filter on this, not on arrival.</summary>
    public DateOnly EncounterDate { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? StaffId { get; set; }
    public Staff? Staff { get; set; }
    public required string Source { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>Item answers as "CODE=value" pairs separated by ';' (text answers live in Comment).</summary>
    public required string Answers { get; set; }
    /// <summary>0–100 score of the primary scale (trust, or the mean of the satisfaction dimensions); null when not valid.</summary>
    public double? Score { get; set; }
    /// <summary>Top box: primary scale mean ≥ 4.0; null when not valid.</summary>
    public bool? Trusts { get; set; }
    public int? Recommend { get; set; }
    public int? Overall { get; set; }
    public string? Comment { get; set; }
}
