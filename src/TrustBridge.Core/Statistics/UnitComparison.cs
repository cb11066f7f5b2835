namespace TrustBridge.Core.Statistics;

/// <summary>The valid respondents of one unit (department or doctor): their 0–100 scores and whether each trusts.</summary>
public sealed record UnitRespondents(string Code, string Name, IReadOnlyList<double> Scores, int Trusting)
{
    public UnitTally ToTally() => new(Code, Name, Scores.Count, Scores.Sum(), Scores.Sum(x => x * x), Trusting);
}

/// <summary>
/// The same unit as sufficient statistics (n, Σx, Σx², trusting), as a SQL GROUP BY returns them, so a report over
/// a million answers never loads them one by one.
/// </summary>
public sealed record UnitTally(string Code, string Name, int N, double Sum, double SumOfSquares, int Trusting)
{
    public double Mean => Sum / N;

    /// <summary>Sample SD (n − 1) from the sums; NaN below two respondents.</summary>
    public double StandardDeviation => N < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (SumOfSquares - N * Mean * Mean) / (N - 1)));
}

public sealed record UnitResult(
    string Code, string Name, int N, double? TrustIndex, Interval? IndexCi, double? TrustingRate, Interval? RateCi,
    bool Reportable, FunnelLimits? Funnel, string? Flag, FunnelLimits? IndexFunnel, string? IndexFlag);

public sealed record ComparisonResult(int N, double? TrustIndex, double? TrustingRate, double Phi, IReadOnlyList<UnitResult> Units);

/// <summary>
/// Compares units fairly (MEASUREMENT.md, "One unit" and "Comparing units fairly"): trust index with t interval,
/// trusting rate with Wilson interval, funnel limits for the rate with multiplicative overdispersion, and for the mean.
/// Units below the reportable n are listed with n and intervals but get no flag. Intervals of the 0–100 index are
/// clipped to 0–100 and those of the rate to 0–1 (<see cref="ScaleRange"/>).
/// </summary>
public static class UnitComparison
{
    public static ComparisonResult Compare(IReadOnlyList<UnitRespondents> units, int minUnitN) =>
        Compare(units.Select(u => u.ToTally()).ToList(), minUnitN);

    public static ComparisonResult Compare(IReadOnlyList<UnitTally> units, int minUnitN)
    {
        var total = new UnitTally("", "", units.Sum(u => u.N), units.Sum(u => u.Sum), units.Sum(u => u.SumOfSquares), units.Sum(u => u.Trusting));
        var p0 = total.N == 0 ? double.NaN : (double)total.Trusting / total.N;
        var theta0 = total.N == 0 ? double.NaN : total.Mean;
        var sigma = total.StandardDeviation;

        var z = p0 is > 0 and < 1
            ? units.Where(u => u.N >= minUnitN && u.N > 0).Select(u => FunnelPlot.ZScore((double)u.Trusting / u.N, u.N, p0)).ToList()
            : [];
        var phi = FunnelPlot.Overdispersion(z);

        var results = units.Select(u =>
        {
            var n = u.N;
            if (n == 0) return new UnitResult(u.Code, u.Name, 0, null, null, null, null, false, null, null, null, null);
            Interval? ci = null;
            if (n >= 2)
            {
                var half = MeanInterval.StudentTQuantile(0.975, n - 1) * u.StandardDeviation / Math.Sqrt(n);
                ci = ScaleRange.Score0To100.Clip(new Interval(u.Mean - half, u.Mean + half));
            }
            var rate = (double)u.Trusting / n;
            var isReportable = Reportability.IsReportable(n, minUnitN);
            FunnelLimits? funnel = p0 is > 0 and < 1 ? FunnelPlot.ProportionLimits(p0, n, phi) : null;
            FunnelLimits? indexFunnel = double.IsNaN(sigma) ? null : ScaleRange.Score0To100.Clip(FunnelPlot.MeanLimits(theta0, sigma, n));
            return new UnitResult(u.Code, u.Name, n, u.Mean, ci, rate, WilsonInterval.Of(u.Trusting, n), isReportable,
                funnel, isReportable && funnel is not null ? FunnelPlot.Flag(rate, funnel) : null,
                indexFunnel, isReportable && indexFunnel is not null ? FunnelPlot.Flag(u.Mean, indexFunnel) : null);
        }).ToList();

        return new ComparisonResult(total.N, total.N == 0 ? null : theta0, total.N == 0 ? null : p0, phi, results);
    }
}
