using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class UnitComparisonTests
{
    private static UnitRespondents Unit(string code, int n, int trusting) =>
        new(code, code, Enumerable.Range(0, n).Select(i => i < trusting ? 80.0 : 50.0).ToList(), trusting);

    [Fact]
    public void Target_is_pooled_and_a_unit_far_below_is_a_low_alarm()
    {
        var units = new[] { Unit("A", 100, 80), Unit("B", 100, 80), Unit("C", 100, 80), Unit("LOW", 100, 50) };
        var r = UnitComparison.Compare(units, minUnitN: 10);
        r.TrustingRate!.Value.ShouldBe(290.0 / 400);
        r.Phi.ShouldBe(1); // fewer than 10 units
        var low = r.Units.Single(u => u.Code == "LOW");
        low.Flag.ShouldBe(FunnelFlags.LowAlarm);
        low.RateCi!.Value.Low.ShouldBeLessThan(0.5);
        r.Units.Single(u => u.Code == "A").Flag.ShouldBe(FunnelFlags.Within);
    }

    [Fact]
    public void Units_below_the_reportable_n_are_listed_without_a_flag()
    {
        var r = UnitComparison.Compare([Unit("BIG", 100, 80), Unit("SMALL", 5, 0)], minUnitN: 10);
        var small = r.Units.Single(u => u.Code == "SMALL");
        small.N.ShouldBe(5);
        small.Reportable.ShouldBeFalse();
        small.Flag.ShouldBeNull();
        small.RateCi.ShouldNotBeNull();
        small.IndexCi.ShouldNotBeNull();
    }

    [Fact]
    public void Overdispersion_widens_the_limits_when_units_vary_more_than_chance()
    {
        var units = Enumerable.Range(0, 12).Select(i => Unit($"U{i}", 100, 50 + i * 4)).ToList();
        var r = UnitComparison.Compare(units, 10);
        r.Phi.ShouldBeGreaterThan(1);
        var p0 = r.TrustingRate!.Value;
        var plain = FunnelPlot.ProportionLimits(p0, 100);
        r.Units[0].Funnel!.Lower95.ShouldBeLessThan(plain.Lower95);
    }

    [Fact]
    public void A_unit_with_no_respondents_has_no_numbers()
    {
        var r = UnitComparison.Compare([Unit("A", 20, 10), new UnitRespondents("EMPTY", "EMPTY", [], 0)], 10);
        var empty = r.Units.Single(u => u.Code == "EMPTY");
        empty.TrustIndex.ShouldBeNull();
        empty.Flag.ShouldBeNull();
    }
}

public class UnitTallyTests
{
    [Fact]
    public void Sums_give_the_same_interval_as_the_raw_scores()
    {
        double[] scores = [50, 75, 100, 62.5, 87.5, 25];
        var raw = MeanInterval.Of(scores);
        var viaTally = UnitComparison.Compare([new UnitRespondents("A", "A", scores, 3).ToTally()], 1).Units[0];
        viaTally.TrustIndex!.Value.ShouldBe(raw.Mean, 1e-9);
        viaTally.IndexCi!.Value.Low.ShouldBe(raw.Ci!.Value.Low, 1e-9);
        viaTally.IndexCi.Value.High.ShouldBe(raw.Ci.Value.High, 1e-9);
    }
}
