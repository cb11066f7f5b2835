namespace TrustBridge.Core.Statistics;

public static class FunnelFlags
{
    public const string LowAlarm = "low-alarm";
    public const string LowAlert = "low-alert";
    public const string HighAlarm = "high-alarm";
    public const string HighAlert = "high-alert";
    public const string Within = "within";
}

public sealed record FunnelLimits(double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// Funnel plot for proportions with multiplicative overdispersion (Spiegelhalter 2005), as MEASUREMENT.md defines:
/// z-scores winsorized at their 10th/90th percentiles, φ = mean of squared winsorized z, φ = 1 when fewer than
/// 10 reportable units or φ ≤ 1.
/// </summary>
public static class FunnelPlot
{
    public const int MinUnitsForOverdispersion = 10;

    public static double Target(IEnumerable<(int X, int N)> units)
    {
        long x = 0, n = 0;
        foreach (var u in units) { x += u.X; n += u.N; }
        return n == 0 ? double.NaN : (double)x / n;
    }

    public static double ZScore(double p, int n, double p0) => (p - p0) / Math.Sqrt(p0 * (1 - p0) / n);

    public static double Overdispersion(IReadOnlyList<double> zScores)
    {
        if (zScores.Count < MinUnitsForOverdispersion) return 1.0;
        var sorted = zScores.Order().ToArray();
        var lo = Quantile.Type7(sorted, 0.10);
        var hi = Quantile.Type7(sorted, 0.90);
        var phi = zScores.Select(z => Math.Clamp(z, lo, hi)).Select(z => z * z).Average();
        return phi <= 1.0 ? 1.0 : phi;
    }

    public static FunnelLimits ProportionLimits(double p0, int n, double phi = 1.0)
    {
        var se = Math.Sqrt(phi * p0 * (1 - p0) / n);
        return ScaleRange.Proportion.Clip(new FunnelLimits(p0 - Z.P95 * se, p0 + Z.P95 * se, p0 - Z.P998 * se, p0 + Z.P998 * se));
    }

    /// <summary>Limits for a mean: θ0 ± z·σ/√n.</summary>
    public static FunnelLimits MeanLimits(double theta0, double sigma, int n)
    {
        var se = sigma / Math.Sqrt(n);
        return new FunnelLimits(theta0 - Z.P95 * se, theta0 + Z.P95 * se, theta0 - Z.P998 * se, theta0 + Z.P998 * se);
    }

    public static string Flag(double value, FunnelLimits l) =>
        value < l.Lower998 ? FunnelFlags.LowAlarm
        : value < l.Lower95 ? FunnelFlags.LowAlert
        : value > l.Upper998 ? FunnelFlags.HighAlarm
        : value > l.Upper95 ? FunnelFlags.HighAlert
        : FunnelFlags.Within;
}
