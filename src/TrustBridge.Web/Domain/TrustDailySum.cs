namespace TrustBridge.Web.Domain;

/// <summary>
/// The sufficient statistics of one day's valid answers of one instrument version, department and source: n, number
/// trusting, Σ score and Σ score². Derived data, never written by the application: database triggers on
/// survey_responses keep it in step with every insert, update and delete, inside the writing transaction (migration
/// 0006, ADR 008), so the department report sums a few thousand rows instead of a million answers.
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

/// <summary>
/// A row here pauses the SQLite insert trigger of trust_daily_sums for the transaction that wrote it: a bulk import
/// inserts it, writes its new answers, adds their sums in one GROUP BY and deletes it before committing. SQLite has one
/// writer at a time and nobody else sees the uncommitted row, so no other write is ever missed. Unused on PostgreSQL,
/// whose statement-level triggers already sum a COPY in one statement.
/// </summary>
public class TrustDailySumsPause
{
    public int Id { get; set; }
}
