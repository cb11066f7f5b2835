using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Statistics;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>
/// The leadership dashboard: the hospital's figures, the funnel plot of the units' trusting rates with the 95% and
/// 99.8% limits, the hospital's monthly trend and the unit table. The report service scopes the units to the reader.
/// </summary>
public sealed class IndexModel(BuildTrustReport build, MonthlyTrustIndex monthly, PromoterScore promoters, ScopeOfUser scopes, HospitalClock clock, TrustDbContext db) : PageModel
{
    public const int TrendMonths = 12;

    [BindProperty(SupportsGet = true)] public TrustFilters Filters { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public TrustReport Report { get; private set; } = null!;
    public IReadOnlyList<MonthPoint> Trend { get; private set; } = [];
    public IReadOnlyList<InstrumentName> Instruments { get; private set; } = [];
    public FunnelCurves? Curves { get; private set; }
    /// <summary>Net Promoter Score, for instruments that ask the recommend question.</summary>
    public Core.Psychometrics.NpsResult? Nps { get; private set; }
    public string Filter => TrustFilters.QueryString(Report.Query);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        // A clinician is reported on as a doctor only: his default view is his own row, not an empty department table.
        if (scope.SelfOnly && string.IsNullOrEmpty(Filters.Unit)) Filters.Unit = ReportUnits.Doctor;
        var query = Filters.Query(clock.Today, build.MinUnitN);
        Report = await build.RunAsync(query, scope, ct);
        Nps = await promoters.RunAsync(query, ct) is { N: > 0 } nps ? nps : null;
        Trend = MonthPoint.Window(await monthly.RunAsync(query.Instrument, query.To, TrendMonths, query.Source, ct: ct), query.To, TrendMonths, query.MinUnitN);
        Instruments = await InstrumentName.ListAsync(db, ct);
        if (Report.Hospital.TrustingRate is { } p0 && Report.Units.Count > 0)
            Curves = FunnelCurves.Across(p0, Report.Hospital.Phi, Report.Units.Max(u => u.N), Report.Query.MinUnitN);
    }
}

/// <summary>The funnel's limit curves from the target p0 and φ, sampled across n (Core FunnelPlot.ProportionLimits).</summary>
public sealed record FunnelCurves(double Target, double Phi, int[] N, double[] Lower95, double[] Upper95, double[] Lower998, double[] Upper998)
{
    public const int Points = 80;

    public static FunnelCurves Across(double p0, double phi, int maxN, int minUnitN = 2)
    {
        // The funnel starts at the reportable n: nothing smaller is charted, so no limit hugs 0% or 100% for n = 2.
        var start = Math.Max(2, minUnitN);
        var top = Math.Max(start + 8, (int)Math.Ceiling(maxN * 1.1));
        // Denser where the funnel bends (small n): n grows geometrically from the reportable n to the largest unit and a bit beyond.
        var ns = Enumerable.Range(0, Points).Select(i => (int)Math.Round(start * Math.Pow(top / (double)start, i / (double)(Points - 1))))
            .Distinct().ToArray();
        var limits = ns.Select(n => FunnelPlot.ProportionLimits(p0, n, phi)).ToArray();
        return new FunnelCurves(p0, phi, ns, limits.Select(l => l.Lower95).ToArray(), limits.Select(l => l.Upper95).ToArray(),
            limits.Select(l => l.Lower998).ToArray(), limits.Select(l => l.Upper998).ToArray());
    }
}
