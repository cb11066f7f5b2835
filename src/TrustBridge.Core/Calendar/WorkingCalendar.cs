namespace TrustBridge.Core.Calendar;

public enum DayKind { Workday, Holiday }

/// <summary>A day whose kind differs from the Monday–Friday rule: a public holiday, or a weekend made a working day (调休).</summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name);

/// <summary>
/// Working days: Monday–Friday unless listed as a holiday; Saturday and Sunday only when listed as a swapped
/// working day (FEEDBACK.md, "Deadlines").
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public WorkingCalendar(IEnumerable<CalendarDay> days) => _days = days.ToDictionary(d => d.Date);

    public IReadOnlyCollection<CalendarDay> Days => _days.Values;

    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var d)
        ? d.Kind == DayKind.Workday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public CalendarDay? Special(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>The n-th working day after <paramref name="day"/> (the day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "Count at least one working day.");
        var d = day;
        for (var found = 0; found < n;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) found++;
        }
        return d;
    }

    /// <summary>Working days in (from, to]: how many of the days after <paramref name="from"/> up to <paramref name="to"/> are working days.</summary>
    public int WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}
