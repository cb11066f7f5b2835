namespace TrustBridge.Web.Features.Trust;

/// <summary>The JSON contract of GET /api/trust/report (see the trust-evaluation issue and MEASUREMENT.md).</summary>
public sealed record TrustReport(TrustReportQuery Query, HospitalSummary Hospital, IReadOnlyList<UnitRow> Units);

public sealed record TrustReportQuery(string Instrument, DateOnly From, DateOnly To, string Unit, string Source, int MinUnitN);

public sealed record HospitalSummary(int N, double? TrustIndex, double? TrustingRate, double? Alpha, double Phi);

public sealed record FunnelRow(double Lower95, double Upper95, double Lower998, double Upper998);

public sealed record UnitRow(
    string Code, string Name, int N, double? TrustIndex, double? CiLow, double? CiHigh,
    double? TrustingRate, double? RateCiLow, double? RateCiHigh, bool Reportable, FunnelRow? Funnel, string? Flag);
