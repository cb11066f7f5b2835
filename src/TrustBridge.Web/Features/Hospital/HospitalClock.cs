namespace TrustBridge.Web.Features.Hospital;

/// <summary>
/// The hospital's local time (Hospital:TimeZone, default Asia/Shanghai). The database keeps UTC; calendar days,
/// deadlines and what people read are in hospital time.
/// </summary>
public sealed class HospitalClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;
    public TimeProvider Time { get; } = time;

    public static HospitalClock From(IConfiguration configuration, TimeProvider time) =>
        new(time, TimeZoneInfo.FindSystemTimeZoneById(configuration["Hospital:TimeZone"] is { Length: > 0 } z ? z : "Asia/Shanghai"));

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
    public DateTimeOffset Now => ToLocal(UtcNow);
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>A wall-clock time in the hospital (as HIS exports write it) to UTC.</summary>
    public DateTime LocalToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateTime StartOfDayUtc(DateOnly day) => LocalToUtc(day.ToDateTime(TimeOnly.MinValue));

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);
}
