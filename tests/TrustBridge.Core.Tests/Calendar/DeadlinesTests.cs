using TrustBridge.Core.Calendar;

namespace TrustBridge.Core.Tests.Calendar;

public class DeadlinesTests
{
    private static readonly WorkingCalendar Calendar2026 = new(ChinaPublicHolidays.Year2026);

    [Fact]
    public void Pins_the_national_day_worked_example()
    {
        var received = new DateTime(2026, 9, 30, 15, 0, 0);
        Deadlines.AcknowledgeBy(Calendar2026, received, highRisk: false).ShouldBe(new DateTime(2026, 10, 8, 23, 59, 59));
        Deadlines.ReplyBy(Calendar2026, received, departmentsInvolved: 1).ShouldBe(new DateTime(2026, 10, 13, 23, 59, 59));
        Deadlines.ReplyBy(Calendar2026, received, departmentsInvolved: 2).ShouldBe(new DateTime(2026, 10, 20, 23, 59, 59));
    }

    [Fact]
    public void Reminds_at_eighty_percent_of_the_working_time()
    {
        var received = new DateTime(2026, 9, 30, 15, 0, 0);
        // Working days Oct 8, 9, 10, 12, 13: 80% of 5 is the start of the 5th (Oct 13).
        Deadlines.ReminderAt(Calendar2026, received, 5).ShouldBe(new DateTime(2026, 10, 13, 0, 0, 0));
        // Two departments, 10 working days (Oct 8 … Oct 20): the start of the 9th, Oct 19.
        Deadlines.ReminderAt(Calendar2026, received, 10).ShouldBe(new DateTime(2026, 10, 19, 0, 0, 0));
        // 80% of 1 working day: 19:12 on the first working day.
        Deadlines.ReminderAt(Calendar2026, received, 1).ShouldBe(new DateTime(2026, 10, 8, 19, 12, 0));
    }

    [Fact]
    public void High_risk_is_acknowledged_within_thirty_minutes_any_day()
    {
        var received = new DateTime(2026, 10, 3, 22, 45, 0); // a holiday evening
        Deadlines.AcknowledgeBy(Calendar2026, received, highRisk: true).ShouldBe(new DateTime(2026, 10, 3, 23, 15, 0));
    }

    [Fact]
    public void Swapped_saturday_is_a_working_day_and_holidays_are_not()
    {
        Calendar2026.IsWorkingDay(new DateOnly(2026, 10, 10)).ShouldBeTrue();   // Saturday 调休
        Calendar2026.IsWorkingDay(new DateOnly(2026, 10, 1)).ShouldBeFalse();   // Thursday, National Day
        Calendar2026.IsWorkingDay(new DateOnly(2026, 2, 14)).ShouldBeTrue();    // Saturday before Spring Festival
        Calendar2026.IsWorkingDay(new DateOnly(2026, 2, 16)).ShouldBeFalse();   // Spring Festival
        Calendar2026.IsWorkingDay(new DateOnly(2026, 11, 21)).ShouldBeFalse();  // ordinary Saturday
        Calendar2026.IsWorkingDay(new DateOnly(2026, 11, 23)).ShouldBeTrue();   // ordinary Monday
    }

    [Fact]
    public void The_2026_calendar_has_the_seven_festivals_and_their_swapped_days()
    {
        var days = ChinaPublicHolidays.Year2026;
        days.Count(d => d.Kind == DayKind.Holiday).ShouldBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
        days.Where(d => d.Kind == DayKind.Workday).Select(d => d.Date.DayOfWeek).ShouldAllBe(w => w == DayOfWeek.Saturday || w == DayOfWeek.Sunday);
    }

    [Fact]
    public void Receipt_day_itself_never_counts()
    {
        var cal = new WorkingCalendar([]);
        cal.AddWorkingDays(new DateOnly(2026, 11, 23), 1).ShouldBe(new DateOnly(2026, 11, 24)); // Monday → Tuesday
        cal.AddWorkingDays(new DateOnly(2026, 11, 27), 1).ShouldBe(new DateOnly(2026, 11, 30)); // Friday → Monday
        cal.WorkingDaysAfter(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)).ShouldBe(5);
    }
}
