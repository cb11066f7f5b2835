using TrustBridge.Core.Statistics;

namespace TrustBridge.Web.Features.Trust;

/// <summary>A unit's monthly trust index as an XmR chart (Core ControlChart.Xmr); Chart is null below two months.</summary>
public sealed record XmrView(IReadOnlyList<TrustMonth> Months, XmrChart? Chart)
{
    public static XmrView Of(IReadOnlyList<TrustMonth> months) =>
        new(months, months.Count >= 2 ? ControlChart.Xmr(months.Select(m => m.TrustIndex).ToList()) : null);

    public IReadOnlyList<XmrSignal> SignalsAt(int index) =>
        Chart?.Signals.Where(s => s.Index == index).Select(s => s.Signal).Distinct().ToList() ?? [];

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
