using MathNet.Numerics.Distributions;

namespace TrustBridge.Core.Statistics;

public sealed record MeanSummary(int N, double Mean, double? StandardDeviation, Interval? Ci);

/// <summary>Mean with a t interval: mean ± t(0.975, n−1)·s/√n, s the sample SD; no interval when n &lt; 2.</summary>
public static class MeanInterval
{
    public static MeanSummary Of(IReadOnlyCollection<double> values, double confidence = 0.95)
    {
        var n = values.Count;
        if (n == 0) return new MeanSummary(0, double.NaN, null, null);
        var mean = values.Average();
        if (n < 2) return new MeanSummary(n, mean, null, null);
        var sd = SampleStandardDeviation(values, mean);
        var t = StudentTQuantile(1 - (1 - confidence) / 2, n - 1);
        var half = t * sd / Math.Sqrt(n);
        return new MeanSummary(n, mean, sd, new Interval(mean - half, mean + half));
    }

    public static double StudentTQuantile(double p, int degreesOfFreedom) => StudentT.InvCDF(0, 1, degreesOfFreedom, p);

    public static double SampleStandardDeviation(IEnumerable<double> values, double mean)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values) { sum += (v - mean) * (v - mean); n++; }
        return n < 2 ? double.NaN : Math.Sqrt(sum / (n - 1));
    }
}
