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
        EndOfWorkingDay(calendar, receivedLocal, departmentsInvolved >= 2 ? 10 : 5);

}
