using CsCheck;
using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class PoissonIntervalTests
{
    [Fact] // ASSESSMENT.md: 12 complaints over 40,000 visits → 0.300‰, 95% 0.155‰–0.524‰
    public void Pins_the_worked_example()
    {
        var r = PoissonInterval.Rate(12, 40_000, 1000);
        Math.Round(r.Rate, 3).ShouldBe(0.300);
        Math.Round(r.Ci.Low, 3).ShouldBe(0.155);
        Math.Round(r.Ci.High, 3).ShouldBe(0.524);
    }

    [Fact] // Garwood's published table: k = 0 → 0–3.689, k = 1 → 0.0253–5.572, k = 10 → 4.795–18.390
    public void Pins_the_classic_table()
    {
        PoissonInterval.OfCount(0).Low.ShouldBe(0);
        PoissonInterval.OfCount(0).High.ShouldBe(3.689, 0.001);
        PoissonInterval.OfCount(1).Low.ShouldBe(0.0253, 0.0001);
        PoissonInterval.OfCount(1).High.ShouldBe(5.572, 0.001);
        PoissonInterval.OfCount(10).Low.ShouldBe(4.795, 0.001);
        PoissonInterval.OfCount(10).High.ShouldBe(18.390, 0.001);
    }

    [Fact]
    public void The_interval_holds_the_count_and_both_bounds_grow_with_it() =>
        Gen.Int[0, 5000].Sample(k =>
        {
            var i = PoissonInterval.OfCount(k);
            var next = PoissonInterval.OfCount(k + 1);
            return i.Low <= k && k <= i.High && i.Low >= 0 && next.Low > i.Low && next.High > i.High;
        });

    [Fact]
    public void A_rate_is_the_count_interval_scaled() =>
        Gen.Select(Gen.Int[0, 500], Gen.Int[1, 1_000_000]).Sample((k, d) =>
        {
            var r = PoissonInterval.Rate(k, d, 1000);
            var c = PoissonInterval.OfCount(k);
            return Math.Abs(r.Ci.Low - c.Low * 1000 / d) < 1e-9 * (1 + r.Ci.High) && Math.Abs(r.Ci.High - c.High * 1000 / d) < 1e-9 * (1 + r.Ci.High)
                && r.Ci.Low <= r.Rate && r.Rate <= r.Ci.High;
        });

    [Fact]
    public void Refuses_a_negative_count_or_an_empty_denominator()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PoissonInterval.OfCount(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => PoissonInterval.Rate(1, 0, 1000));
    }
}
