namespace TrustBridge.Core.Statistics;

/// <summary>The valid respondents of one unit (department or doctor): their 0–100 scores and whether each trusts.</summary>
public sealed record UnitRespondents(string Code, string Name, IReadOnlyList<double> Scores, int Trusting);

public sealed record UnitResult(
    string Code, string Name, int N, double? TrustIndex, Interval? IndexCi, double? TrustingRate, Interval? RateCi,
    bool Reportable, FunnelLimits? Funnel, string? Flag, FunnelLimits? IndexFunnel, string? IndexFlag);

public sealed record ComparisonResult(int N, double? TrustIndex, double? TrustingRate, double Phi, IReadOnlyList<UnitResult> Units);

/// <summary>
/// Compares units fairly (MEASUREMENT.md, "One unit" and "Comparing units fairly"): trust index with t interval,
/// trusting rate with Wilson interval, funnel limits for the rate with multiplicative overdispersion, and for the mean.
/// Units below the reportable n are listed with n and intervals but get no flag.
/// </summary>
public static class UnitComparison
{
    public static ComparisonResult Compare(IReadOnlyList<UnitRespondents> units, int minUnitN)
    {
        var totalN = units.Sum(u => u.Scores.Count);
        var totalX = units.Sum(u => u.Trusting);
        var p0 = totalN == 0 ? double.NaN : (double)totalX / totalN;
        var all = units.SelectMany(u => u.Scores).ToList();
        var theta0 = all.Count == 0 ? double.NaN : all.Average();
        var sigma = all.Count < 2 ? double.NaN : MeanInterval.SampleStandardDeviation(all, theta0);

        var reportable = units.Where(u => u.Scores.Count >= minUnitN && u.Scores.Count > 0).ToList();
        var z = p0 is > 0 and < 1
            ? reportable.Select(u => FunnelPlot.ZScore((double)u.Trusting / u.Scores.Count, u.Scores.Count, p0)).ToList()
            : [];
        var phi = FunnelPlot.Overdispersion(z);

        var results = units.Select(u =>
        {
            var n = u.Scores.Count;
            if (n == 0) return new UnitResult(u.Code, u.Name, 0, null, null, null, null, false, null, null, null, null);
            var mean = MeanInterval.Of(u.Scores);
            var rate = (double)u.Trusting / n;
            var isReportable = n >= minUnitN;
            FunnelLimits? funnel = p0 is > 0 and < 1 ? FunnelPlot.ProportionLimits(p0, n, phi) : null;
            FunnelLimits? indexFunnel = double.IsNaN(sigma) ? null : FunnelPlot.MeanLimits(theta0, sigma, n);
            return new UnitResult(u.Code, u.Name, n, mean.Mean, mean.Ci, rate, WilsonInterval.Of(u.Trusting, n), isReportable,
                funnel, isReportable && funnel is not null ? FunnelPlot.Flag(rate, funnel) : null,
                indexFunnel, isReportable && indexFunnel is not null ? FunnelPlot.Flag(mean.Mean, indexFunnel) : null);
        }).ToList();

        return new ComparisonResult(totalN, all.Count == 0 ? null : theta0, totalN == 0 ? null : p0, phi, results);
    }
}
