using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class ControlChartTests
{
    [Fact]
    public void Pins_the_worked_example()
    {
        var c = ControlChart.Xmr([10.0, 12, 11, 13, 12]);
        c.Centre.ShouldBe(11.6, 1e-9);
        c.MeanMovingRange.ShouldBe(1.5, 1e-9);
        c.Lower.ShouldBe(7.61, 1e-9);
        c.Upper.ShouldBe(15.59, 1e-9);
        c.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void A_point_outside_the_limits_is_a_signal()
    {
        var c = ControlChart.Xmr([10.0, 10.5, 10, 10.5, 10, 10.5, 10, 30]);
        c.Signals.ShouldContain(s => s.Index == 7 && s.Signal == XmrSignal.OutsideLimits);
    }

    [Fact]
    public void Seven_points_above_the_centre_is_a_run()
    {
        var c = ControlChart.Xmr([1.0, 1, 1, 1, 1, 1, 1, 5, 5.1, 5, 5.1, 5, 5.1, 5]);
        c.Signals.Count(s => s.Signal == XmrSignal.RunAboveCentre).ShouldBe(7);
    }

    [Fact]
    public void Seven_rising_points_is_a_trend()
    {
        var c = ControlChart.Xmr([5.0, 5.2, 5.4, 5.6, 5.8, 6.0, 6.2, 5.0, 5.1]);
        c.Signals.ShouldContain(s => s.Signal == XmrSignal.TrendUp);
        c.Signals.ShouldNotContain(s => s.Signal == XmrSignal.TrendDown);
    }

    [Fact]
    public void Two_of_three_near_a_limit_is_a_signal()
    {
        // centre 10.567, mean MR 1.1545 → upper limit 13.64, two-thirds point 12.61: two of the last three points beyond it, none outside.
        var x = new[] { 10.0, 11, 10, 9, 10, 11, 10, 9, 10, 12.8, 12.9, 11.1 };
        var c = ControlChart.Xmr(x);
        c.Signals.ShouldContain(s => s.Signal == XmrSignal.TwoOfThreeNearUpper);
        c.Signals.ShouldNotContain(s => s.Signal == XmrSignal.OutsideLimits);
    }
}
