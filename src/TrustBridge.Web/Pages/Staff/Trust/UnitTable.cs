using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>The unit table partial's model; LinkPrefix null when the units have no page of their own to open.</summary>
public sealed record UnitTable(string Id, string UnitLabel, IReadOnlyList<UnitRow> Units, int MinUnitN, string? LinkPrefix, string Filter);
