using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class WilsonIntervalTests
{
    [Theory] // MEASUREMENT.md worked examples
    [InlineData(80, 100, 0.711171, 0.866633)]
    [InlineData(65, 100, 0.552544, 0.736358)]
    public void Pins_the_worked_examples(int x, int n, double low, double high)
    {
        var ci = WilsonInterval.Of(x, n);
        ci.Low.ShouldBe(low, 0.0000005);
        ci.High.ShouldBe(high, 0.0000005);
    }

    [Fact]
    public void Stays_inside_zero_and_one_at_the_extremes()
    {
        WilsonInterval.Of(0, 10).Low.ShouldBe(0);
        WilsonInterval.Of(10, 10).High.ShouldBe(1, 1e-12);
        WilsonInterval.Of(10, 10).Low.ShouldBeGreaterThan(0.69);
    }

    [Fact]
    public void Refuses_impossible_counts() => Should.Throw<ArgumentOutOfRangeException>(() => WilsonInterval.Of(11, 10));
}
