namespace TrustBridge.Core.Calendar;

/// <summary>
/// The national holiday arrangement for 2026 (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04):
/// holidays and the weekend days worked in exchange (调休). Administrators may edit any day in the application.
/// </summary>
public static class ChinaPublicHolidays
{
    public static IReadOnlyList<CalendarDay> Year2026 { get; } = Build();

    private static List<CalendarDay> Build()
    {
        var days = new List<CalendarDay>();
        void Off(int month, int from, int to, string name)
        {
            for (var d = from; d <= to; d++) days.Add(new CalendarDay(new DateOnly(2026, month, d), DayKind.Holiday, name));
        }
        void Work(int month, int day, string name) => days.Add(new CalendarDay(new DateOnly(2026, month, day), DayKind.Workday, name + "调休上班"));

        Off(1, 1, 3, "元旦");
        Work(1, 4, "元旦");
        Off(2, 15, 23, "春节");
        Work(2, 14, "春节");
        Work(2, 28, "春节");
        Off(4, 4, 6, "清明节");
        Off(5, 1, 5, "劳动节");
        Work(5, 9, "劳动节");
        Off(6, 19, 21, "端午节");
        Off(9, 25, 27, "中秋节");
        Off(10, 1, 7, "国庆节");
        Work(9, 20, "国庆节");
        Work(10, 10, "国庆节");
        return days;
    }
}
