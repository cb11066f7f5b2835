using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class MeanIntervalTests
{
    [Fact]
    public void Uses_students_t_with_n_minus_one_degrees_of_freedom()
    {
        // 2, 4, 6, 8: mean 5, s = 2.581989, t(0.975, 3) = 3.182446 → half width 4.108521.
        var m = MeanInterval.Of([2.0, 4, 6, 8]);
        m.Mean.ShouldBe(5);
        m.StandardDeviation!.Value.ShouldBe(2.581989, 1e-6);
        m.Ci!.Value.Low.ShouldBe(5 - 4.108521, 1e-5);
        m.Ci.Value.High.ShouldBe(5 + 4.108521, 1e-5);
    }

    [Fact]
    public void T_quantiles_match_tables()
    {
        MeanInterval.StudentTQuantile(0.975, 1).ShouldBe(12.706205, 1e-5);
        MeanInterval.StudentTQuantile(0.975, 9).ShouldBe(2.262157, 1e-6);
        MeanInterval.StudentTQuantile(0.975, 1000).ShouldBe(1.962339, 1e-6);
    }

    [Fact]
    public void No_interval_for_a_single_respondent()
    {
        var m = MeanInterval.Of([75.0]);
        m.N.ShouldBe(1);
        m.Ci.ShouldBeNull();
    }
}
