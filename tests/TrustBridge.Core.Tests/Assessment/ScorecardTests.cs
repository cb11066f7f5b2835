using TrustBridge.Core.Assessment;
using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Assessment;

public class ScorecardTests
{
    [Theory] // 100 at or beyond the target, linear to 0 at the floor, 0 beyond it
    [InlineData(85, 80, 60, true, 100)]
    [InlineData(70, 80, 60, true, 50)]
    [InlineData(55, 80, 60, true, 0)]
    [InlineData(0.4, 0.5, 2.0, false, 100)]
    [InlineData(1.25, 0.5, 2.0, false, 50)]
    [InlineData(3.0, 0.5, 2.0, false, 0)]
    public void An_indicator_scores_by_its_target_and_floor(double value, double target, double floor, bool higher, double score) =>
        Scorecard.IndicatorScore(value, target, floor, higher).ShouldBe(score, 1e-9);

    [Theory] // ≥ 90 优秀, 75–89 良好, 60–74 合格, < 60 待改进
    [InlineData(90, Bands.Excellent)]
    [InlineData(89.9, Bands.Good)]
    [InlineData(75, Bands.Good)]
    [InlineData(74.9, Bands.Pass)]
    [InlineData(60, Bands.Pass)]
    [InlineData(59.9, Bands.NeedsImprovement)]
    public void Bands_follow_the_cut_points(double score, string band) => Bands.Of(score).ShouldBe(band);

    [Fact] // the weighted mean over assessed indicators only, weights renormalised; not assessed is never zero
    public void Not_assessed_indicators_leave_the_mean_and_their_weight_is_renormalised()
    {
        IndicatorSetting[] settings =
        [
            new(Indicators.TrustIndex, 50m, 80, 60), new(Indicators.OnTimeReply, 30m, 0.9, 0.5), new(Indicators.Training, 20m, 0.9, 0.5),
        ];
        IndicatorValue[] values =
        [
            new(Indicators.TrustIndex, true, 70, new Interval(65, 75), 120), // scores 50
            new(Indicators.OnTimeReply, true, 0.95, new Interval(0.8, 0.99), 20), // scores 100
            new(Indicators.Training, false, null, null, 3), // not assessed
        ];
        var s = Scorecard.Score(values, settings);
        s.Score.ShouldBe(68.8); // (50×50 + 100×30) ÷ 80 = 68.75 → 68.8, not (2500 + 3000 + 0) ÷ 100 = 55
        s.Band.ShouldBe(Bands.Pass);
        var training = s.Indicators.Single(i => i.Code == Indicators.Training);
        (training.Assessed, training.Value, training.Score, training.Met).ShouldBe((false, (double?)null, (double?)null, (bool?)null));
        s.Indicators.Single(i => i.Code == Indicators.TrustIndex).Met.ShouldBe(false);
    }

    [Fact]
    public void Nothing_assessed_has_no_score_and_no_band()
    {
        var s = Scorecard.Score([new IndicatorValue(Indicators.TrustIndex, false, null, null, 4)], [new IndicatorSetting(Indicators.TrustIndex, 100m, 80, 60)]);
        s.Score.ShouldBeNull();
        s.Band.ShouldBeNull();
    }

    [Fact]
    public void The_shipped_weights_add_up_to_100_and_are_valid()
    {
        Indicators.All.Sum(d => d.DefaultWeight).ShouldBe(100m);
        Scorecard.Validate(Indicators.All.Select(d => new IndicatorSetting(d.Code, d.DefaultWeight, d.DefaultTarget, d.DefaultFloor)).ToList()).ShouldBeEmpty();
    }

    [Fact]
    public void Weights_not_adding_up_and_targets_out_of_range_name_the_field()
    {
        Scorecard.Validate([new(Indicators.TrustIndex, 60m, 80, 60), new(Indicators.TrustingRate, 30m, 0.8, 0.5)]).Keys.ShouldBe(["weights"]);
        Scorecard.Validate([new(Indicators.TrustIndex, 50m, 80, 60), new(Indicators.TrustingRate, 50m, 1.5, 0.5)]).Keys.ShouldBe(["indicators[1].target"]);
        Scorecard.Validate([new(Indicators.TrustIndex, 100m, 80, 90)]).Keys.ShouldBe(["indicators[0].floor"]);
        Scorecard.Validate([new("nope", 100m, 1, 0)]).Keys.ShouldBe(["indicators[0].code"]);
        Scorecard.Validate([new(Indicators.TrustIndex, -10m, 80, 60), new(Indicators.TrustingRate, 110m, 0.8, 0.5)]).Keys.ShouldBe(["indicators[0].weight", "indicators[1].weight"]);
    }
}
