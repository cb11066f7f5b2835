using TrustBridge.Core.Statistics;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>The Chinese words (localizer keys) and badge colours of funnel flags and answer sources.</summary>
public static class TrustLabels
{
    public static string Flag(string? flag) => flag switch
    {
        FunnelFlags.LowAlarm => "低信任预警",
        FunnelFlags.LowAlert => "需关注",
        FunnelFlags.HighAlert => "良好",
        FunnelFlags.HighAlarm => "优秀",
        FunnelFlags.Within => "正常",
        _ => "样本不足",
    };

    public static string FlagBadge(string? flag) => flag switch
    {
        FunnelFlags.LowAlarm => "text-bg-danger",
        FunnelFlags.LowAlert => "text-bg-warning",
        FunnelFlags.HighAlert => "text-bg-info",
        FunnelFlags.HighAlarm => "text-bg-success",
        FunnelFlags.Within => "text-bg-secondary",
        _ => "text-bg-light",
    };

    /// <summary>Point colours of the funnel plot, the same meaning as the badges.</summary>
    public static string FlagColour(string? flag) => flag switch
    {
        FunnelFlags.LowAlarm => "#dc3545",
        FunnelFlags.LowAlert => "#fd7e14",
        FunnelFlags.HighAlert => "#0dcaf0",
        FunnelFlags.HighAlarm => "#198754",
        FunnelFlags.Within => "#6c757d",
        _ => "#adb5bd",
    };

    public static readonly (string Value, string Label)[] Sources =
    [
        ("sampled", "抽样（邀请、纸质、导入）"),
        ("all", "全部来源"),
        ("qr", "二维码（便利样本）"),
    ];

    public static string Percent(double? p) => p is { } v ? (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Score(double? s) => s is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>A figure as a machine reads it (data-* attributes the interval tests check), empty when there is none.</summary>
    public static string Raw(double? v) => v is { } x ? x.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Alpha(double? a) => a is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
