using TrustBridge.Core.FollowUps;

namespace TrustBridge.Core.Tests.FollowUps;

public class FollowUpRulesTests
{
    [Fact]
    public void Pins_the_indicator_worked_example_of_FOLLOWUP_md()
    {
        // 200 discharges in 2026-10, 3 died in hospital; 150 stays reached (12 twice), 9 answered only by SMS.
        var stays = new List<StayFollowUp>();
        stays.AddRange(Enumerable.Range(0, 3).Select(_ => new StayFollowUp(true, 0, false, 0)));
        stays.AddRange(Enumerable.Range(0, 150).Select(i => new StayFollowUp(false, i < 12 ? 2 : 1, false, i < 12 ? 2 : 1)));
        stays.AddRange(Enumerable.Range(0, 9).Select(_ => new StayFollowUp(false, 0, true, 0)));
        stays.AddRange(Enumerable.Range(0, 38).Select(_ => new StayFollowUp(false, 0, false, 3)));
        stays.Count.ShouldBe(200);
        var r = FollowUpIndicators.Compute(stays);
        r.Discharges.ShouldBe(197);
        r.FollowedUp.ShouldBe(159);
        r.Ratio.ShouldBe(80.71m);
        r.Attempted.ShouldBe(188);
        r.Reached.ShouldBe(150);
        r.ReachRate.ShouldBe(79.79m);
    }

    [Fact]
    public void A_patient_reached_who_has_died_since_counts_as_followed_up_and_on_time_is_of_completed()
    {
        var r = FollowUpIndicators.Compute([new(false, 1, false, 1, true), new(false, 1, false, 2, false), new(false, 0, false, 0)]);
        (r.FollowedUp, r.Discharges, r.OnTime, r.OnTimeRate).ShouldBe((2, 3, 1, 50m));
        FollowUpIndicators.Compute([]).Ratio.ShouldBeNull();
        FollowUpIndicators.AlertRate(1, 8).ShouldBe(12.5m);
    }

    [Fact]
    public void Plans_match_on_source_department_diagnosis_prefix_and_age_band()
    {
        var surgery = new PlanCriteria(FollowUpSources.Discharge, ["GS"], ["K80", "K35.8"], 18, 80);
        PlanMatching.Matches(surgery, new("discharge", "GS", "K80.201", 45, false)).ShouldBeTrue();
        PlanMatching.Matches(surgery, new("discharge", "gs", "k358", 45, false)).ShouldBeTrue();
        PlanMatching.Matches(surgery, new("outpatient", "GS", "K80.2", 45, false)).ShouldBeFalse();
        PlanMatching.Matches(surgery, new("discharge", "CARD", "K80.2", 45, false)).ShouldBeFalse();
        PlanMatching.Matches(surgery, new("discharge", "GS", "I21.0", 45, false)).ShouldBeFalse();
        PlanMatching.Matches(surgery, new("discharge", "GS", null, 45, false)).ShouldBeFalse();
        PlanMatching.Matches(surgery, new("discharge", "GS", "K80", 81, false)).ShouldBeFalse();
        PlanMatching.Matches(surgery, new("discharge", "GS", "K80", null, false)).ShouldBeFalse();
        PlanMatching.Matches(surgery, new("discharge", "GS", "K80", 45, true)).ShouldBeFalse(); // died in hospital
        var general = new PlanCriteria(FollowUpSources.Discharge, [], [], null, null);
        PlanMatching.Matches(general, new("discharge", "ANY", null, null, false)).ShouldBeTrue();
    }

    [Fact]
    public void Time_points_give_due_days_from_the_discharge_day_and_on_time_is_plus_minus_two_days()
    {
        var due = TimePoints.DueDates(new DateOnly(2026, 10, 30), [30, 3, 3]);
        due.ShouldBe([(3, new DateOnly(2026, 11, 2)), (30, new DateOnly(2026, 11, 29))]);
        TimePoints.OnTime(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4)).ShouldBeTrue();
        TimePoints.OnTime(new DateOnly(2026, 11, 2), new DateOnly(2026, 10, 31)).ShouldBeTrue();
        TimePoints.OnTime(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 5)).ShouldBeFalse();
    }

    [Fact]
    public void Three_unanswered_attempts_make_a_task_unreachable_and_other_outcomes_close_it()
    {
        Attempts.StatusAfter(CallOutcomes.NoAnswer, 1).ShouldBe(FollowUpTaskStatuses.Open);
        Attempts.StatusAfter(CallOutcomes.Busy, 2).ShouldBe(FollowUpTaskStatuses.Open);
        Attempts.StatusAfter(CallOutcomes.NoAnswer, 3).ShouldBe(FollowUpTaskStatuses.Unreachable);
        Attempts.StatusAfter(CallOutcomes.Reached, 3).ShouldBe(FollowUpTaskStatuses.Completed);
        Attempts.StatusAfter(CallOutcomes.Deceased, 1).ShouldBe(FollowUpTaskStatuses.Completed);
        Attempts.StatusAfter(CallOutcomes.Refused, 1).ShouldBe(FollowUpTaskStatuses.Refused);
        Attempts.StatusAfter(CallOutcomes.WrongNumber, 1).ShouldBe(FollowUpTaskStatuses.Unreachable);
        Attempts.StatusAfter(CallOutcomes.Readmitted, 1).ShouldBe(FollowUpTaskStatuses.Stopped);
        Should.Throw<ArgumentOutOfRangeException>(() => Attempts.StatusAfter("voicemail", 1));
        Attempts.InWindow(new TimeOnly(9, 0), CallWindow.Default).ShouldBeTrue();
        Attempts.InWindow(new TimeOnly(12, 0), CallWindow.Default).ShouldBeFalse();
        Attempts.InWindow(new TimeOnly(17, 30), CallWindow.Default).ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, true, true, true, 4, false)]
    [InlineData(true, true, true, false, 3, true)]
    [InlineData(false, false, false, false, 0, true)]
    public void The_SURE_test_flags_conflict_at_three_or_less(bool s, bool u, bool r, bool e, int score, bool conflict)
    {
        var t = new SureTest(s, u, r, e);
        (t.Score, t.Conflict).ShouldBe((score, conflict));
    }
}
