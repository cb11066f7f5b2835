using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>The Chinese name (localizer key) of a dimension code; a dimension the builder invented is shown as typed.</summary>
public static class DimensionLabels
{
    public static string Of(string dimension) => ShippedInstruments.Dimensions.TryGetValue(dimension, out var d) ? d.Zh : dimension;
}
