using TrustBridge.Core.Psychometrics;

namespace TrustBridge.Core.Tests.Psychometrics;

public class ReliabilityTests
{
    [Fact]
    public void Alpha_from_the_worked_covariance_matrix()
    {
        var cov = new double[,] { { 10, 6, 6, 6 }, { 6, 11, 6, 6 }, { 6, 6, 12, 6 }, { 6, 6, 6, 13 } };
        Reliability.AlphaFromCovariance(cov)!.Value.ShouldBe(0.8136, 0.00005);
        var ifDeleted = Enumerable.Range(0, 4).Select(i => Reliability.AlphaFromCovariance(Reliability.Without(cov, i))!.Value).ToArray();
        ifDeleted[0].ShouldBe(0.7500, 0.00005);
        ifDeleted[1].ShouldBe(0.7606, 0.00005);
        ifDeleted[2].ShouldBe(0.7714, 0.00005);
        ifDeleted[3].ShouldBe(0.7826, 0.00005);
    }

    [Fact]
    public void Alpha_and_item_total_from_the_worked_raw_data()
    {
        double[] a = [6, 5, 9, 3, 2, 1, 5], b = [6, 5, 8, 2, 3, 1, 4], c = [8, 6, 6, 4, 2, 2, 6];
        var rows = Enumerable.Range(0, 7).Select(i => new[] { a[i], b[i], c[i] }).ToList();
        var r = Reliability.Of(rows);
        r.Alpha!.Value.ShouldBe(0.941148, 5e-7);
        r.CorrectedItemTotal[0]!.Value.ShouldBe(0.940880, 5e-7);
        r.CorrectedItemTotal[1]!.Value.ShouldBe(0.919594, 5e-7);
        r.CorrectedItemTotal[2]!.Value.ShouldBe(0.792374, 5e-7);
    }

    [Fact]
    public void Alpha_is_null_with_fewer_than_three_respondents_or_no_variance()
    {
        Reliability.Of([[1.0, 2, 3], [2.0, 3, 4]]).Alpha.ShouldBeNull();
        Reliability.Of([[3.0, 3, 3], [3.0, 3, 3], [3.0, 3, 3]]).Alpha.ShouldBeNull();
    }
}

public class ItemCovarianceTests
{
    [Fact]
    public void Streaming_gives_the_worked_alpha_and_item_total_correlations()
    {
        double[] a = [6, 5, 9, 3, 2, 1, 5], b = [6, 5, 8, 2, 3, 1, 4], c = [8, 6, 6, 4, 2, 2, 6];
        var acc = new ItemCovariance(3);
        for (var i = 0; i < 7; i++) acc.Add([a[i], b[i], c[i]]);
        acc.Alpha()!.Value.ShouldBe(0.941148, 5e-7);
        acc.CorrectedItemTotal(0)!.Value.ShouldBe(0.940880, 5e-7);
        acc.CorrectedItemTotal(1)!.Value.ShouldBe(0.919594, 5e-7);
        acc.CorrectedItemTotal(2)!.Value.ShouldBe(0.792374, 5e-7);
    }

    [Fact]
    public void Fewer_than_three_respondents_give_no_alpha()
    {
        var acc = new ItemCovariance(2);
        acc.Add([1.0, 2]);
        acc.Add([2.0, 3]);
        acc.Alpha().ShouldBeNull();
    }
}
