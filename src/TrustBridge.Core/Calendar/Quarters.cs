namespace TrustBridge.Core.Calendar;

/// <summary>Calendar quarters, as the hospital's survey work plan counts them.</summary>
public static class Quarters
{
    /// <summary>The quarter before the one <paramref name="today"/> falls in: reports never mix a finished quarter with a few days of the next.</summary>
    public static (DateOnly From, DateOnly To) LastComplete(DateOnly today)
    {
        var thisQuarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return (thisQuarter.AddMonths(-3), thisQuarter.AddDays(-1));
    }
}
