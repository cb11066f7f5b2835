using System.Globalization;
using TrustBridge.Core.Assessment;

namespace TrustBridge.Web.Pages.Staff.Assessment;

/// <summary>How an indicator's figures read: an index to 0.1, rates as percent, complaint and dispute rates per mille / per 10,000.</summary>
public static class ScorecardLabels
{
    public static string Figure(string code, double? v) => v is not { } x ? "—" : code switch
    {
        Indicators.TrustIndex => x.ToString("0.0", CultureInfo.InvariantCulture),
        Indicators.ComplaintsOutpatient or Indicators.ComplaintsInpatient => x.ToString("0.000", CultureInfo.InvariantCulture) + "‰",
        Indicators.Disputes => x.ToString("0.00", CultureInfo.InvariantCulture),
        _ => (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
    };

    public static string BandCss(string? band) => band switch
    {
        Bands.Excellent => "text-bg-success",
        Bands.Good => "text-bg-primary",
        Bands.Pass => "text-bg-secondary",
        Bands.NeedsImprovement => "text-bg-danger",
        _ => "text-bg-light",
    };
}
