namespace TrustBridge.Web.Domain;

/// <summary>
/// The sufficient statistics of one day's valid answers of one instrument version, department and source: n, number
/// trusting, Σ score and Σ score². Derived data, never written by the application: database triggers on
/// survey_responses keep it in step with every insert, update and delete, inside the writing transaction (migration
/// 0006, ADR 007), so the department report sums a few thousand rows instead of a million answers.
/// </summary>
public class TrustDailySum
{
    public int InstrumentId { get; set; }
    public DateOnly EncounterDate { get; set; }
    public int DepartmentId { get; set; }
    public required string Source { get; set; }
    public int N { get; set; }
    public int NTrusting { get; set; }
    public double SumScore { get; set; }
    public double SumScoreSq { get; set; }
}
