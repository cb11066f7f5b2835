namespace TrustBridge.Core.Statistics;

/// <summary>
/// The range a figure can take: 0–100 for a trust index or dimension score, 0–1 for a rate. Every interval the system
/// shows (t interval, Wilson interval, funnel limits, XmR limits) is clipped to its scale, so a 0–100 index never shows
/// "95% CI −181.6 – 326.6": the part of an interval outside the scale holds no possible value.
/// </summary>
public readonly record struct ScaleRange(double Min, double Max)
{
    /// <summary>A trust index, dimension score or any 0–100 score.</summary>
    public static readonly ScaleRange Score0To100 = new(0, 100);

    /// <summary>A proportion (trusting rate).</summary>
    public static readonly ScaleRange Proportion = new(0, 1);

    /// <summary>The value inside the range; NaN stays NaN (no figure).</summary>
    public double Clip(double value) => double.IsNaN(value) ? value : Math.Clamp(value, Min, Max);

    public Interval Clip(Interval i) => new(Clip(i.Low), Clip(i.High));

    public Interval? Clip(Interval? i) => i is { } v ? Clip(v) : null;

    public FunnelLimits Clip(FunnelLimits l) => new(Clip(l.Lower95), Clip(l.Upper95), Clip(l.Lower998), Clip(l.Upper998));

    /// <summary>The chart with its limits clipped; the signals stay those of the unclipped limits (a point cannot lie beyond the scale anyway).</summary>
    public XmrChart Clip(XmrChart c) => c with { Lower = Clip(c.Lower), Upper = Clip(c.Upper) };

    public bool Contains(double value) => value >= Min && value <= Max;
}

/// <summary>MEASUREMENT.md "reportable": a unit (or a month) with fewer valid respondents than Reporting:MinUnitN shows its n and 样本不足, no figure.</summary>
public static class Reportability
{
    public const int DefaultMinUnitN = 10;

    public static bool IsReportable(int n, int minUnitN) => n > 0 && n >= minUnitN;
}
