using CsCheck;
using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Tests.Statistics;

public class ScaleRangeTests
{
    [Fact]
    public void The_doctor_page_interval_of_the_issue_is_clipped_to_the_index_scale()
    {
        // Issue 8: "95% CI -181.6 – 326.6" on a 0–100 index: two respondents, 0 and 100 → mean 50, s 70.7, t(0.975, 1) = 12.71.
        var r = UnitComparison.Compare([new UnitRespondents("D", "D", [0, 100], 1), new UnitRespondents("B", "B", Enumerable.Repeat(75.0, 20).ToList(), 20)], 10);
        var small = r.Units.Single(u => u.Code == "D");
        small.IndexCi.ShouldBe(new Interval(0, 100));
        small.Reportable.ShouldBeFalse();
        r.Units.Single(u => u.Code == "D").IndexFunnel!.Lower998.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Xmr_limits_are_clipped_but_the_worked_example_is_unchanged()
    {
        var worked = ControlChart.Xmr([10, 12, 11, 13, 12], ScaleRange.Score0To100);
        worked.Lower.ShouldBe(7.61, 1e-9);
        worked.Upper.ShouldBe(15.59, 1e-9);
        var wide = ControlChart.Xmr([0, 100, 0, 100, 50], ScaleRange.Score0To100);
        wide.Lower.ShouldBe(0);
        wide.Upper.ShouldBe(100);
    }

    [Fact]
    public void Nan_stays_nan_and_values_inside_stay_as_they_are()
    {
        double.IsNaN(ScaleRange.Score0To100.Clip(double.NaN)).ShouldBeTrue();
        ScaleRange.Proportion.Clip(0.42).ShouldBe(0.42);
        ScaleRange.Proportion.Clip(-0.1).ShouldBe(0);
        Reportability.IsReportable(9, 10).ShouldBeFalse();
        Reportability.IsReportable(10, 10).ShouldBeTrue();
        Reportability.IsReportable(0, 0).ShouldBeFalse();
    }

    /// <summary>A unit's respondents: 0–100 scores in steps of 2.5 (a likert5 mean of 10 items), trusting when ≥ 75.</summary>
    private static readonly Gen<UnitRespondents> GenUnit =
        Gen.Int[0, 40].Array[0, 60].Select(steps =>
        {
            var scores = steps.Select(s => s * 2.5).ToList();
            return new UnitRespondents("U", "U", scores, scores.Count(s => s >= 75));
        });

    [Fact]
    public void Property_every_interval_of_a_comparison_lies_within_its_scale()
    {
        GenUnit.Array[1, 12].Sample(units =>
        {
            var named = units.Select((u, i) => u with { Code = "U" + i, Name = "U" + i }).ToList();
            var r = UnitComparison.Compare(named, 10);
            foreach (var u in r.Units)
            {
                if (u.IndexCi is { } ci) { ScaleRange.Score0To100.Contains(ci.Low).ShouldBeTrue(); ScaleRange.Score0To100.Contains(ci.High).ShouldBeTrue(); }
                if (u.RateCi is { } w) { ScaleRange.Proportion.Contains(w.Low).ShouldBeTrue(); ScaleRange.Proportion.Contains(w.High).ShouldBeTrue(); }
                if (u.Funnel is { } f) new[] { f.Lower95, f.Upper95, f.Lower998, f.Upper998 }.ShouldAllBe(v => ScaleRange.Proportion.Contains(v));
                if (u.IndexFunnel is { } m) new[] { m.Lower95, m.Upper95, m.Lower998, m.Upper998 }.ShouldAllBe(v => ScaleRange.Score0To100.Contains(v));
                if (!u.Reportable) u.Flag.ShouldBeNull();
            }
        }, iter: 300);
    }

    [Fact]
    public void Property_xmr_limits_of_any_0_to_100_series_lie_within_the_scale()
    {
        Gen.Double[0, 100].Array[2, 24].Sample(x =>
        {
            var c = ControlChart.Xmr(x, ScaleRange.Score0To100);
            ScaleRange.Score0To100.Contains(c.Lower).ShouldBeTrue();
            ScaleRange.Score0To100.Contains(c.Upper).ShouldBeTrue();
        }, iter: 300);
    }

    [Fact]
    public void Property_wilson_and_funnel_limits_of_any_proportion_lie_within_0_to_1()
    {
        Gen.Select(Gen.Int[1, 5000], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[1, 10]).Sample((n, share, p0, phi) =>
        {
            var x = (int)Math.Round(share * n);
            var w = WilsonInterval.Of(x, n);
            ScaleRange.Proportion.Contains(w.Low).ShouldBeTrue();
            ScaleRange.Proportion.Contains(w.High).ShouldBeTrue();
            var f = FunnelPlot.ProportionLimits(p0, n, phi);
            new[] { f.Lower95, f.Upper95, f.Lower998, f.Upper998 }.ShouldAllBe(v => ScaleRange.Proportion.Contains(v));
        }, iter: 300);
    }
}
