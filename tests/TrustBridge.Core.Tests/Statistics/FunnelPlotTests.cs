using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class FunnelPlotTests
{
    [Fact]
    public void Limits_without_overdispersion_pin_the_worked_example()
    {
        var l = FunnelPlot.ProportionLimits(0.8, 100);
        l.Lower95.ShouldBe(0.721601, 5e-7);
        l.Upper95.ShouldBe(0.878399, 5e-7);
        l.Lower998.ShouldBe(0.676391, 5e-7);
        l.Upper998.ShouldBe(0.923609, 5e-7);
    }

    [Fact]
    public void Limits_with_phi_2_5_pin_the_worked_example()
    {
        var l = FunnelPlot.ProportionLimits(0.8, 100, phi: 2.5);
        l.Lower95.ShouldBe(0.676041, 5e-7);
        l.Upper95.ShouldBe(0.923959, 5e-7);
    }

    [Fact]
    public void Limits_are_clipped_to_zero_and_one()
    {
        var l = FunnelPlot.ProportionLimits(0.97, 10);
        l.Upper998.ShouldBe(1);
    }

    [Fact]
    public void Target_is_pooled_over_units() => FunnelPlot.Target([(80, 100), (20, 50)]).ShouldBe(100.0 / 150);

    [Fact]
    public void Overdispersion_is_one_with_fewer_than_ten_units() =>
        FunnelPlot.Overdispersion([5.0, -5, 4, -4, 3, -3, 2, -2, 1]).ShouldBe(1);

    [Fact]
    public void Overdispersion_winsorizes_at_the_10th_and_90th_percentiles()
    {
        // z = 1..10: type-7 P10 = 1.9, P90 = 9.1; winsorized 1.9,2,...,9,9.1; mean of squares = 38.702.
        var z = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        FunnelPlot.Overdispersion(z).ShouldBe((1.9 * 1.9 + Enumerable.Range(2, 8).Sum(i => i * i) + 9.1 * 9.1) / 10, 1e-9);
    }

    [Fact]
    public void Overdispersion_below_one_is_one() =>
        FunnelPlot.Overdispersion(Enumerable.Repeat(0.5, 12).ToArray()).ShouldBe(1);

    [Theory]
    [InlineData(0.60, "low-alarm")]
    [InlineData(0.70, "low-alert")]
    [InlineData(0.80, "within")]
    [InlineData(0.90, "high-alert")]
    [InlineData(0.95, "high-alarm")]
    public void Flags_follow_the_limits(double p, string flag) =>
        FunnelPlot.Flag(p, FunnelPlot.ProportionLimits(0.8, 100)).ShouldBe(flag);

    [Fact]
    public void Mean_limits_use_sigma_over_root_n()
    {
        var l = FunnelPlot.MeanLimits(70, 20, 100);
        l.Lower95.ShouldBe(70 - 1.959964 * 2, 1e-9);
        l.Upper998.ShouldBe(70 + 3.090232 * 2, 1e-9);
    }

    [Fact]
    public void Quantile_type7_interpolates_like_r() => Quantile.Type7([1.0, 2, 3, 4], 0.1).ShouldBe(1.3, 1e-12);
}
