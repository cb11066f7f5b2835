using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>What the filter form shows: the current query and the instruments to choose from.</summary>
public sealed record TrustFilterBar(TrustReportQuery Query, IReadOnlyList<string> Instruments, bool WithUnit = true);
