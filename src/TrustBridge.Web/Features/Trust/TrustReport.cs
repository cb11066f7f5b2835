namespace TrustBridge.Web.Features.Trust;

/// <summary>The JSON contract of GET /api/trust/report (see the trust-evaluation issue and MEASUREMENT.md).</summary>
public sealed record TrustReport(TrustReportQuery Query, HospitalSummary Hospital, IReadOnlyList<UnitRow> Units);

public sealed record TrustReportQuery(string Instrument, DateOnly From, DateOnly To, string Unit, string Source, int MinUnitN);

public sealed record HospitalSummary(int N, double? TrustIndex, double? TrustingRate, double? Alpha, double Phi);

public sealed record FunnelRow(double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// One unit of a report. A unit below the reportable n has Status insufficient-sample and no figure (index, rate,
/// intervals and limits are null): only its n is shown, with 样本不足. Every interval lies within its scale (0–100, 0–1).
/// </summary>
public sealed record UnitRow(
    string Code, string Name, int N, double? TrustIndex, double? CiLow, double? CiHigh,
    double? TrustingRate, double? RateCiLow, double? RateCiHigh, bool Reportable, FunnelRow? Funnel, string? Flag,
    string Status = UnitStatuses.Reportable);

public static class UnitStatuses
{
    public const string Reportable = "reportable";
    public const string InsufficientSample = "insufficient-sample";
}
