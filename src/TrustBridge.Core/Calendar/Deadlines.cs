namespace TrustBridge.Core.Calendar;

/// <summary>Deadlines of 《医疗机构投诉管理办法》 as FEEDBACK.md states them, in hospital-local time.</summary>
public static class Deadlines
{
    public static readonly TimeSpan HighRiskAcknowledge = TimeSpan.FromMinutes(30);

    /// <summary>The end (23:59:59) of the n-th working day after the receipt day.</summary>
    public static DateTime EndOfWorkingDay(WorkingCalendar calendar, DateTime receivedLocal, int n) =>
        calendar.AddWorkingDays(DateOnly.FromDateTime(receivedLocal), n).ToDateTime(new TimeOnly(23, 59, 59));

    public static DateTime AcknowledgeBy(WorkingCalendar calendar, DateTime receivedLocal, bool highRisk) =>
        highRisk ? receivedLocal + HighRiskAcknowledge : EndOfWorkingDay(calendar, receivedLocal, 1);

    /// <summary>Reply by the 5th working day; a complaint involving two or more departments by the 10th.</summary>
    public static DateTime ReplyBy(WorkingCalendar calendar, DateTime receivedLocal, int departmentsInvolved) =>
        EndOfWorkingDay(calendar, receivedLocal, ReplyWorkingDays(departmentsInvolved));

    /// <summary>
    /// When <paramref name="fraction"/> of the working time to a reply deadline of <paramref name="workingDays"/> working
    /// days has passed. Working time runs only on working days, from the start of the first working day after receipt;
    /// 80% of 5 days is the start of the 5th working day, 80% of 10 the start of the 9th.
    /// </summary>
    public static DateTime ReminderAt(WorkingCalendar calendar, DateTime receivedLocal, int workingDays, double fraction = 0.8)
    {
        if (fraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(fraction));
        var elapsed = workingDays * fraction;
        var whole = (int)Math.Floor(elapsed + 1e-9);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(receivedLocal), whole + 1);
        return day.ToDateTime(TimeOnly.MinValue) + TimeSpan.FromDays(Math.Max(0, elapsed - whole));
    }

    /// <summary>Working days to reply: 5, or 10 for a complaint involving two or more departments.</summary>
    public static int ReplyWorkingDays(int departmentsInvolved) => departmentsInvolved >= 2 ? 10 : 5;
}
