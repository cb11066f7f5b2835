using TrustBridge.Core.Psychometrics;

namespace TrustBridge.Core.Tests.Psychometrics;

public class ScaleScoringTests
{
    // trust-10: T01, T06 and T08 are worded negatively.
    private static readonly ScaleItem[] Trust10 = Enumerable.Range(1, 10)
        .Select(i => new ScaleItem($"T{i:00}", i is 1 or 6 or 8)).ToArray();

    [Fact]
    public void Reversal_and_the_0_to_100_form()
    {
        var answers = Trust10.ToDictionary(i => i.Code, i => i.Reverse ? 2 : 4); // every answer means "agree with trust"
        var s = ScaleScoring.Score(Trust10, answers);
        s.Mean.ShouldBe(4);
        s.Score0To100.ShouldBe(75);
        s.Trusts.ShouldBeTrue();
    }

    [Fact]
    public void Valid_with_half_the_items_answered_and_invalid_below()
    {
        var five = Trust10.Take(5).ToDictionary(i => i.Code, _ => 3);
        ScaleScoring.Score(Trust10, five).Valid.ShouldBeTrue();
        var four = Trust10.Skip(1).Take(4).ToDictionary(i => i.Code, _ => 3);
        ScaleScoring.Score(Trust10, four).Valid.ShouldBeFalse();
        ScaleScoring.MinimumAnswered(7).ShouldBe(4);
    }

    [Fact]
    public void Mean_is_over_answered_items_only()
    {
        var items = new[] { new ScaleItem("A", false), new ScaleItem("B", false), new ScaleItem("C", true) };
        var s = ScaleScoring.Score(items, new Dictionary<string, int> { ["A"] = 5, ["C"] = 2 });
        s.Mean.ShouldBe(4.5);
        s.Score0To100.ShouldBe(87.5);
    }

    [Fact]
    public void Just_below_four_does_not_trust() =>
        ScaleScoring.Score([new ScaleItem("A", false), new ScaleItem("B", false), new ScaleItem("C", false)],
            new Dictionary<string, int> { ["A"] = 4, ["B"] = 4, ["C"] = 3 }).Trusts.ShouldBeFalse();

    [Fact]
    public void Off_scale_answers_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ScaleScoring.Score(Trust10, new Dictionary<string, int> { ["T01"] = 6 }));
}
