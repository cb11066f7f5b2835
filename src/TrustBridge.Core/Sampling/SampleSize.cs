namespace TrustBridge.Core.Sampling;

/// <summary>
/// Completes needed per department for a margin e at p = 0.5 with the finite population correction, and the
/// invitations that yield them at an expected response rate (MEASUREMENT.md, "Sampling a survey wave").
/// </summary>
public static class SampleSize
{
    public const double Z95 = 1.959964;

    public static double Infinite(double margin, double p = 0.5, double z = Z95)
    {
        if (margin is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(margin), "The margin must be between 0 and 1.");
        return z * z * p * (1 - p) / (margin * margin);
    }

    public static int Completes(double margin, int population)
    {
        if (population <= 0) return 0;
        var n0 = Infinite(margin);
        return (int)Math.Ceiling(n0 / (1 + (n0 - 1) / population));
    }

    public static int Invitations(double margin, int population, double responseRate)
    {
        if (responseRate is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(responseRate), "The response rate must be in (0, 1].");
        return Math.Min(population, (int)Math.Ceiling(Completes(margin, population) / responseRate));
    }
}
