namespace TrustBridge.Core.Statistics;

public readonly record struct Interval(double Low, double High);

public static class Z
{
    /// <summary>Two-sided 95%.</summary>
    public const double P95 = 1.959964;
    /// <summary>Two-sided 99.8%.</summary>
    public const double P998 = 3.090232;
}
