namespace TrustBridge.Core.Statistics;

public enum XmrSignal { OutsideLimits, RunAboveCentre, RunBelowCentre, TrendUp, TrendDown, TwoOfThreeNearUpper, TwoOfThreeNearLower }

public sealed record XmrPointSignal(int Index, XmrSignal Signal);

public sealed record XmrChart(double Centre, double MeanMovingRange, double Lower, double Upper, IReadOnlyList<XmrPointSignal> Signals);

/// <summary>XmR chart with the NHS "Making Data Count" rules (MEASUREMENT.md, "Trends").</summary>
public static class ControlChart
{
    public const double Constant = 2.66;
    public const int RunLength = 7;

    /// <summary>The chart of <paramref name="x"/>, its limits clipped to <paramref name="scale"/> when given (a 0–100 index never charts limits of −50 or 200).</summary>
    public static XmrChart Xmr(IReadOnlyList<double> x, ScaleRange scale) => scale.Clip(Xmr(x));

    public static XmrChart Xmr(IReadOnlyList<double> x)
    {
        if (x.Count < 2) throw new ArgumentException("An XmR chart needs at least two points.", nameof(x));
        var centre = x.Average();
        var mr = Enumerable.Range(1, x.Count - 1).Select(i => Math.Abs(x[i] - x[i - 1])).Average();
        var lower = centre - Constant * mr;
        var upper = centre + Constant * mr;
        var signals = new List<XmrPointSignal>();

        for (var i = 0; i < x.Count; i++)
            if (x[i] > upper || x[i] < lower) signals.Add(new(i, XmrSignal.OutsideLimits));

        MarkRuns(x.Select(v => v > centre).ToArray(), XmrSignal.RunAboveCentre, signals);
        MarkRuns(x.Select(v => v < centre).ToArray(), XmrSignal.RunBelowCentre, signals);
        // A trend of 7 points is 6 consecutive increases.
        var rising = new bool[x.Count];
        var falling = new bool[x.Count];
        for (var i = 1; i < x.Count; i++) { rising[i] = x[i] > x[i - 1]; falling[i] = x[i] < x[i - 1]; }
        MarkRuns(rising, XmrSignal.TrendUp, signals, RunLength - 1);
        MarkRuns(falling, XmrSignal.TrendDown, signals, RunLength - 1);

        var upperThird = centre + (upper - centre) * 2 / 3;
        var lowerThird = centre - (centre - lower) * 2 / 3;
        for (var i = 2; i < x.Count; i++)
        {
            var w = new[] { x[i - 2], x[i - 1], x[i] };
            if (w.Count(v => v > upperThird) >= 2) signals.Add(new(i, XmrSignal.TwoOfThreeNearUpper));
            if (w.Count(v => v < lowerThird) >= 2) signals.Add(new(i, XmrSignal.TwoOfThreeNearLower));
        }
        return new XmrChart(centre, mr, lower, upper, signals);
    }

    /// <summary>Marks every point of each run of at least <paramref name="length"/> consecutive true values.</summary>
    private static void MarkRuns(bool[] condition, XmrSignal signal, List<XmrPointSignal> signals, int length = RunLength)
    {
        var start = 0;
        for (var i = 0; i <= condition.Length; i++)
        {
            if (i < condition.Length && condition[i]) continue;
            if (i - start >= length)
                for (var k = start; k < i; k++) signals.Add(new(k, signal));
            start = i + 1;
        }
    }
}
