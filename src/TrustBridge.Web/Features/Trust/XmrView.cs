using TrustBridge.Core.Statistics;

namespace TrustBridge.Web.Features.Trust;

/// <summary>
/// One month of a trend as shown: every month of the window has a point, a month without answers or with fewer than the
/// reportable n (Reporting:MinUnitN) shows its n and 样本不足 with no figure, and is a gap in the chart.
/// </summary>
public sealed record MonthPoint(int Year, int Month, int N, double? TrustIndex, double? TrustingRate)
{
    public string Label => $"{Year:D4}-{Month:D2}";
    public bool Reportable => TrustIndex is not null;

    /// <summary>The <paramref name="count"/> months ending with <paramref name="lastDay"/>'s month, empty months included.</summary>
    public static IReadOnlyList<MonthPoint> Window(IReadOnlyList<TrustMonth> months, DateOnly lastDay, int count, int minUnitN)
    {
        var first = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-(count - 1));
        var byMonth = months.ToDictionary(m => (m.Year, m.Month));
        return Enumerable.Range(0, count).Select(i => first.AddMonths(i)).Select(d =>
        {
            var m = byMonth.GetValueOrDefault((d.Year, d.Month));
            var n = m?.N ?? 0;
            return Reportability.IsReportable(n, minUnitN)
                ? new MonthPoint(d.Year, d.Month, n, ScaleRange.Score0To100.Clip(m!.TrustIndex), ScaleRange.Proportion.Clip(m.TrustingRate))
                : new MonthPoint(d.Year, d.Month, n, null, null);
        }).ToList();
    }
}

/// <summary>
/// A unit's monthly trust index as an XmR chart (Core ControlChart.Xmr, limits clipped to 0–100) over the reportable
/// months of the window; Chart is null below two reportable months. Signals are indexed by the window's months.
/// </summary>
public sealed record XmrView(IReadOnlyList<MonthPoint> Months, XmrChart? Chart)
{
    public static XmrView Of(IReadOnlyList<TrustMonth> months, DateOnly lastDay, int count, int minUnitN) => Of(MonthPoint.Window(months, lastDay, count, minUnitN));

    public static XmrView Of(IReadOnlyList<MonthPoint> window)
    {
        var reportable = window.Select((m, i) => (m, i)).Where(x => x.m.Reportable).ToList();
        if (reportable.Count < 2) return new XmrView(window, null);
        var chart = ControlChart.Xmr(reportable.Select(x => x.m.TrustIndex!.Value).ToList(), ScaleRange.Score0To100);
        // The chart's signals point at its own points; the view's at the window's months.
        return new XmrView(window, chart with { Signals = chart.Signals.Select(s => s with { Index = reportable[s.Index].i }).ToList() });
    }

    public int ReportableMonths => Months.Count(m => m.Reportable);

    public IReadOnlyList<XmrSignal> SignalsAt(int index) =>
        Chart?.Signals.Where(s => s.Index == index).Select(s => s.Signal).Distinct().ToList() ?? [];

    /// <summary>The signal's code in exports (the label lookup gives its words): outside-limits, run-above-centre…</summary>
    public static string SignalCode(XmrSignal s) => s switch
    {
        XmrSignal.OutsideLimits => "outside-limits",
        XmrSignal.RunAboveCentre => "run-above-centre",
        XmrSignal.RunBelowCentre => "run-below-centre",
        XmrSignal.TrendUp => "trend-up",
        XmrSignal.TrendDown => "trend-down",
        XmrSignal.TwoOfThreeNearUpper => "two-of-three-near-upper",
        XmrSignal.TwoOfThreeNearLower => "two-of-three-near-lower",
        _ => s.ToString(),
    };

    public static string SignalLabel(XmrSignal s) => s switch
    {
        XmrSignal.OutsideLimits => "超出控制限",
        XmrSignal.RunAboveCentre => "连续 7 点高于中线",
        XmrSignal.RunBelowCentre => "连续 7 点低于中线",
        XmrSignal.TrendUp => "连续 7 点上升",
        XmrSignal.TrendDown => "连续 7 点下降",
        XmrSignal.TwoOfThreeNearUpper => "3 点中 2 点接近上限",
        XmrSignal.TwoOfThreeNearLower => "3 点中 2 点接近下限",
        _ => s.ToString(),
    };
}
