using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>What the filter form shows: the current query and the instruments to choose from.</summary>
/// <param name="UnreadableDate">A typed date did not read as one; the period then falls back to the default, and the form says so.</param>
public sealed record TrustFilterBar(TrustReportQuery Query, IReadOnlyList<InstrumentName> Instruments, bool WithUnit = true, bool UnreadableDate = false);
