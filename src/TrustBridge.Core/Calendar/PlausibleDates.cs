namespace TrustBridge.Core.Calendar;

/// <summary>
/// The dates a hospital record can carry: from 1900-01-01 to ten years after today. Anything else is a typo or a probe
/// (0001-01-01, 9999-12-31) and is refused with the field's name before it reaches date arithmetic or the database.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public const int YearsAhead = 10;

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAhead);

    public static bool Allows(DateOnly date, DateOnly today) => date >= Earliest && date <= Latest(today);

    /// <summary>Why a date was refused, naming the field: "to must lie between 1900-01-01 and 2036-12-03."</summary>
    public static string Explain(string field, DateOnly today) =>
        $"{field} must lie between {Earliest:yyyy-MM-dd} and {Latest(today):yyyy-MM-dd}.";
}
