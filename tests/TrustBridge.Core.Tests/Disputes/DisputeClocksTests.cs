using TrustBridge.Core.Calendar;
using TrustBridge.Core.Disputes;

namespace TrustBridge.Core.Tests.Disputes;

public class DisputeClocksTests
{
    private static readonly WorkingCalendar Calendar2026 = new(ChinaPublicHolidays.Year2026);
    private static readonly DateOnly Accepted = new(2026, 9, 24); // Thursday, the day before 中秋

    [Fact]
    public void Pins_the_people_mediation_worked_example_of_DISPUTES_md()
    {
        DateOnly[] firstEight = [new(2026, 9, 28), new(2026, 9, 29), new(2026, 9, 30), new(2026, 10, 8), new(2026, 10, 9), new(2026, 10, 10), new(2026, 10, 12), new(2026, 10, 13)];
        for (var n = 1; n <= firstEight.Length; n++)
            DisputeClocks.WorkingDaysDue(Calendar2026, Accepted, n).ShouldBe(firstEight[n - 1], $"working day {n}");
        var due = DisputeClocks.WorkingDaysDue(Calendar2026, Accepted, DisputeClocks.PeopleMediationWorkingDays);
        due.ShouldBe(new DateOnly(2026, 11, 12));
        DisputeClocks.EndOfDay(due).ShouldBe(new DateTime(2026, 11, 12, 23, 59, 59));
    }

    [Fact]
    public void Appraisal_time_stops_the_mediation_clock()
    {
        var appraisal = new DayRange(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 23));
        DisputeClocks.WorkingDaysIn(Calendar2026, appraisal).ShouldBe(10);
        DisputeClocks.WorkingDaysDue(Calendar2026, Accepted, 30, [appraisal]).ShouldBe(new DateOnly(2026, 11, 26));
    }

    [Fact]
    public void Administrative_mediation_decides_in_5_and_finishes_in_30_working_days()
    {
        // Applied on Wednesday 09-30: 10-08, 09, 10 (Saturday worked), 12, 13.
        DisputeClocks.WorkingDaysDue(Calendar2026, new DateOnly(2026, 9, 30), DisputeClocks.AdministrativeAcceptWorkingDays).ShouldBe(new DateOnly(2026, 10, 13));
        DisputeClocks.WorkingDaysDue(Calendar2026, Accepted, DisputeClocks.AdministrativeMediationWorkingDays).ShouldBe(new DateOnly(2026, 11, 12));
    }

    [Fact]
    public void Autopsy_within_48_hours_or_7_days_when_frozen()
    {
        var death = new DateTime(2026, 9, 30, 22, 15, 0);
        DisputeClocks.AutopsyDue(death, bodyFrozen: false).ShouldBe(new DateTime(2026, 10, 2, 22, 15, 0));
        DisputeClocks.AutopsyDue(death, bodyFrozen: true).ShouldBe(new DateTime(2026, 10, 7, 22, 15, 0));
    }

    [Fact]
    public void Limitation_is_3_years_restarted_by_an_interruption_and_never_past_20_years()
    {
        DisputeClocks.LimitationDate(new DateOnly(2026, 3, 15)).ShouldBe(new DateOnly(2029, 3, 15));
        DisputeClocks.LimitationDate(new DateOnly(2026, 3, 15), [new DateOnly(2027, 1, 10), new DateOnly(2026, 6, 1)]).ShouldBe(new DateOnly(2030, 1, 10));
        DisputeClocks.LimitationDate(new DateOnly(2044, 1, 1), harmOn: new DateOnly(2026, 1, 1)).ShouldBe(new DateOnly(2046, 1, 1));
        DisputeClocks.LimitationDate(new DateOnly(2024, 2, 29)).ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void Sealed_items_may_be_unsealed_3_years_after_sealing_and_reappraisal_is_asked_within_15_days()
    {
        DisputeClocks.UnsealAllowedOn(new DateOnly(2026, 9, 24)).ShouldBe(new DateOnly(2029, 9, 24));
        DisputeClocks.ReappraisalBy(new DateOnly(2026, 10, 23)).ShouldBe(new DateOnly(2026, 11, 7));
    }

    [Fact]
    public void Liability_degrees_carry_the_shares_used_in_practice()
    {
        LiabilityDegree.Find("major")!.Chinese.ShouldBe("主要责任");
        LiabilityDegree.Major.Typical(70m).ShouldBeTrue();
        LiabilityDegree.Minor.Typical(70m).ShouldBeFalse();
        LiabilityDegree.Find("most").ShouldBeNull();
        LiabilityDegree.All.Select(d => d.Code).ShouldBe(["full", "major", "equal", "minor", "slight", "none"]);
    }

    [Fact]
    public void Compensation_lines_add_up_exactly_in_decimal()
    {
        decimal[] lines = [0.10m, 0.20m, 35_000.35m, 72_099.35m];
        Money.Sum(lines).ShouldBe(107_100.00m);
        Money.Average([108_100m, 108_100.01m, 108_099.99m]).ShouldBe(108_100.00m);
        Money.InWan(108_100m).ShouldBe(10.81m);
        Money.Valid(-1m).ShouldBeFalse();
        Money.Valid(1.005m).ShouldBeFalse();
        Money.Valid(3_000_000m).ShouldBeTrue();
        CompensationItems.All.Count.ShouldBe(12);
        CompensationItems.Chinese("death").ShouldBe("死亡赔偿金");
    }
}
