namespace TrustBridge.Core.Statistics;

/// <summary>Wilson score interval for a proportion x/n (MEASUREMENT.md, "Trusting rate").</summary>
public static class WilsonInterval
{
    public static Interval Of(int x, int n, double z = Z.P95)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "n must be positive.");
        if (x < 0 || x > n) throw new ArgumentOutOfRangeException(nameof(x), "x must be within 0..n.");
        var z2 = z * z;
        var centre = 2.0 * x + z2;
        var spread = z * Math.Sqrt(z2 + 4.0 * x * (1.0 - (double)x / n));
        var denominator = 2.0 * (n + z2);
        return ScaleRange.Proportion.Clip(new Interval((centre - spread) / denominator, (centre + spread) / denominator));
    }
}
