using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>The unit table partial's model; LinkPrefix null when the units have no page of their own to open.</summary>
public sealed record UnitTable(string Id, string UnitLabel, IReadOnlyList<UnitRow> Units, int MinUnitN, string? LinkPrefix, string Filter)
{
    /// <summary>The page's ?sort= value; the column headers link to the other orders (the page's own URL with sort set).</summary>
    public string? Sort { get; init; }
    /// <summary>The page's path and query without sort, for the header links; null: headers are plain text.</summary>
    public string? SortBase { get; init; }

    /// <summary>The order shown: the asked one, or alarms first.</summary>
    private string Current => string.IsNullOrEmpty(Sort) ? "flag" : Sort;

    public string SortLink(string key) => $"{SortBase}{(SortBase!.Contains('?') ? '&' : '?')}sort={(Current == key ? "-" + key : key)}#{Id}";

    public string? SortMark(string key) => Current == key ? "▲" : Current == "-" + key ? "▼" : null;
}
