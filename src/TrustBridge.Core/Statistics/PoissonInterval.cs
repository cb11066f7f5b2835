using MathNet.Numerics.Distributions;

namespace TrustBridge.Core.Statistics;

/// <summary>
/// Exact (Garwood) interval for a Poisson count k (ASSESSMENT.md): low = χ²(α/2; 2k)/2, high = χ²(1−α/2; 2k+2)/2.
/// χ²(p; 2k)/2 is the p-quantile of a Gamma(k, 1), which is what is computed. Rates divide the bounds by the denominator.
/// </summary>
public static class PoissonInterval
{
    /// <summary>The interval for the expected count itself (two-sided, 95% unless told).</summary>
    public static Interval OfCount(int k, double confidence = 0.95)
    {
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), "A count is never negative.");
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence));
        var tail = (1 - confidence) / 2;
        var low = k == 0 ? 0.0 : Gamma.InvCDF(k, 1.0, tail);
        var high = Gamma.InvCDF(k + 1, 1.0, 1 - tail);
        return new Interval(low, high);
    }

    /// <summary>The rate k ÷ denominator × per (e.g. per 1,000 visits) with the count's exact interval scaled the same way.</summary>
    public static RateEstimate Rate(int k, double denominator, double per, double confidence = 0.95)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        var i = OfCount(k, confidence);
        var scale = per / denominator;
        return new RateEstimate(k * scale, new Interval(i.Low * scale, i.High * scale));
    }
}

public readonly record struct RateEstimate(double Rate, Interval Ci);
