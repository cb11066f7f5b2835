using TrustBridge.Core.Psychometrics;

namespace TrustBridge.Core.Tests.Psychometrics;

public class NetPromoterScoreTests
{
    [Fact]
    public void Thirty_percent_promoters_and_twenty_percent_detractors_is_plus_ten()
    {
        var answers = Enumerable.Repeat(10, 30).Concat(Enumerable.Repeat(8, 50)).Concat(Enumerable.Repeat(3, 20));
        var nps = NetPromoterScore.Of(answers);
        nps.Score!.Value.ShouldBe(10, 1e-9);
        (nps.Promoters, nps.Passives, nps.Detractors).ShouldBe((30, 50, 20));
    }

    [Theory]
    [InlineData(9, 100.0)]
    [InlineData(7, 0.0)]
    [InlineData(6, -100.0)]
    public void Boundaries(int answer, double score) => NetPromoterScore.Of([answer]).Score.ShouldBe(score);

    [Fact]
    public void Off_scale_answers_are_refused() => Should.Throw<ArgumentOutOfRangeException>(() => NetPromoterScore.Of([11]));
}

public class NetPromoterFromCountsTests
{
    [Fact]
    public void Counts_give_the_same_score_as_answers() =>
        NetPromoterScore.FromCounts(30, 50, 20).ShouldBe(NetPromoterScore.Of(Enumerable.Repeat(9, 30).Concat(Enumerable.Repeat(7, 50)).Concat(Enumerable.Repeat(0, 20))));
}
