using TrustBridge.Core.Assessment;

namespace TrustBridge.Core.Tests.Assessment;

public class CmeCreditRulesTests
{
    private static CmeCredit I(decimal c, int year = 2026, string level = CmeLevels.National) => new(year, CmeClasses.I, level, c);
    private static CmeCredit II(decimal c, int year = 2026) => new(year, CmeClasses.II, CmeLevels.Hospital, c);

    [Theory] // ASSESSMENT.md: national learner 1 per 3 h, lecturer 2 per h; provincial learner 1 per 6 h, lecturer 1 per h
    [InlineData(CmeLevels.National, CmeRoles.Learner, 6, 2)]
    [InlineData(CmeLevels.National, CmeRoles.Lecturer, 3, 6)]
    [InlineData(CmeLevels.Provincial, CmeRoles.Learner, 12, 2)]
    [InlineData(CmeLevels.Provincial, CmeRoles.Lecturer, 4, 4)]
    [InlineData(CmeLevels.National, CmeRoles.Learner, 10, 3.3)]
    public void Project_credits_follow_the_rates(string level, string role, double hours, double credits) =>
        CmeCreditRules.ForProject(level, role, (decimal)hours).ShouldBe((decimal)credits);

    [Fact] // at most 25 credits per project
    public void A_project_grants_at_most_25()
    {
        CmeCreditRules.ForProject(CmeLevels.National, CmeRoles.Lecturer, 20m).ShouldBe(25m);
        CmeCreditRules.ForProject(CmeLevels.National, CmeRoles.Learner, 90m).ShouldBe(25m);
    }

    [Fact]
    public void Other_levels_have_no_rate_and_negative_hours_are_refused()
    {
        CmeCreditRules.ForProject(CmeLevels.Hospital, CmeRoles.Learner, 3m).ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => CmeCreditRules.ForProject(CmeLevels.National, CmeRoles.Learner, -1m));
    }

    [Fact] // at least 25 a year: class Ⅰ 5–10 and class Ⅱ 15–20
    public void Twenty_five_with_both_classes_within_their_ranges_is_on_track()
    {
        var y = CmeCreditRules.Evaluate(2026, [I(10), II(15)]);
        (y.Total, y.ClassI, y.ClassII, y.Status, y.ShortBy).ShouldBe((25m, 10m, 15m, CmeStatuses.OnTrack, 0m));
        CmeCreditRules.Evaluate(2026, [I(5), II(20)]).Status.ShouldBe(CmeStatuses.OnTrack);
    }

    [Fact] // the classes do not substitute
    public void Classes_do_not_substitute()
    {
        var allII = CmeCreditRules.Evaluate(2026, [II(30)]);
        allII.Status.ShouldBe(CmeStatuses.Short);
        allII.ShortBy.ShouldBe(5m); // 20 counted of class Ⅱ, 5 of class Ⅰ missing
        var allI = CmeCreditRules.Evaluate(2026, [I(30)]);
        allI.ShortBy.ShouldBe(15m); // 10 counted of class Ⅰ; class Ⅱ lacks 15
        var mostlyI = CmeCreditRules.Evaluate(2026, [I(12), II(14)]);
        (mostlyI.Total, mostlyI.ShortBy).ShouldBe((26m, 1m)); // 26 earned, yet class Ⅱ lacks 1
    }

    [Fact]
    public void Short_by_is_what_is_missing()
    {
        CmeCreditRules.Evaluate(2026, [I(3), II(10)]).ShortBy.ShouldBe(12m);
        CmeCreditRules.Evaluate(2026, []).ShortBy.ShouldBe(25m);
        CmeCreditRules.Evaluate(2026, [I(6), II(16)]).ShortBy.ShouldBe(3m); // both minimums met, the total lacks 3
    }

    [Fact] // tertiary hospitals: at least 10 national class Ⅰ credits in 5 years
    public void National_class_I_counts_the_five_years_ending_with_the_year()
    {
        var y = CmeCreditRules.Evaluate(2026, [I(4, 2022), I(3, 2021), I(2, 2026), I(5, 2026, CmeLevels.Provincial), II(15)]);
        y.National5Y.ShouldBe(6m); // 2022–2026 national only; 2021 is outside the window, provincial does not count
        y.National5YShortBy.ShouldBe(4m);
        y.ClassI.ShouldBe(7m); // this year's class Ⅰ, national and provincial
    }
}
