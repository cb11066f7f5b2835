using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Disputes;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Disputes;

public sealed record DisputeFigures(string Key, string Label, int Count, int Closed, int Major, int Deaths, IReadOnlyDictionary<string, int> ByRoute,
    double? MeanDaysToResolution, decimal? MeanLiabilityPercent, decimal Claimed, decimal Agreed, decimal Paid, decimal AverageCompensation,
    decimal MaxCompensation, int? Discharges, decimal? Per10000Discharges);

public sealed record DisputeAnalyticsView(int? Year, IReadOnlyList<int> Years, IReadOnlyList<DisputeFigures> ByYear, IReadOnlyList<DisputeFigures> ByDepartment,
    DisputeFigures Total);

/// <summary>
/// Disputes by year and department (issue 10, item 10): count, closed, by route, time to resolution, liability share, total and
/// average compensation (average over disputes that paid anything, the way 10.81万元 is reported), peak, and per 10,000 discharges.
/// A dispute counts for every department it involves; the total counts it once.
/// </summary>
public sealed class DisputeAnalytics(TrustDbContext db, HospitalClock clock)
{
    public async Task<DisputeAnalyticsView> RunAsync(int? year, DisputeViewer viewer, CancellationToken ct = default)
    {
        var all = await DisputeAccess.Visible(db.Disputes.AsNoTracking(), viewer)
            .Include(d => d.Routes).Include(d => d.Appraisals).Include(d => d.CompensationLines).Include(d => d.Payments)
            .Include(d => d.Departments).ThenInclude(x => x.Department).AsSplitQuery().ToListAsync(ct);
        var years = all.Select(d => d.ArisenOn.Year).Distinct().OrderByDescending(y => y).ToList();
        var chosen = year is { } y ? all.Where(d => d.ArisenOn.Year == y).ToList() : all;
        var discharges = await DischargesAsync(year, years, ct);
        var byYear = all.GroupBy(d => d.ArisenOn.Year).OrderBy(g => g.Key)
            .Select(g => Figures(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Key + "年", [.. g], discharges.ByYear.GetValueOrDefault(g.Key))).ToList();
        var byDept = chosen.SelectMany(d => d.Departments.Select(x => (x.Department!, d))).GroupBy(p => p.Item1.Id)
            .Select(g => Figures(g.First().Item1.Code, g.First().Item1.Name, [.. g.Select(p => p.d)], discharges.ByDepartment.GetValueOrDefault(g.Key)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Key).ToList();
        var total = Figures("total", year is null ? "合计" : $"{year}年合计", chosen, year is { } yy ? discharges.ByYear.GetValueOrDefault(yy) : discharges.ByYear.Values.Sum());
        return new DisputeAnalyticsView(year, years, byYear, byDept, total);
    }

    private DisputeFigures Figures(string key, string label, List<Dispute> ds, int discharges)
    {
        var closed = ds.Where(d => d.Status == DisputeStatuses.Closed && d.ClosedOn is not null).ToList();
        var byRoute = DisputeRoutes.All.ToDictionary(r => r, r => ds.Count(d => d.Routes.Any(x => x.Route == r)));
        byRoute["none"] = ds.Count(d => d.Routes.Count == 0);
        var shares = ds.Select(d => d.Appraisals.OrderByDescending(a => a.OpinionOn).ThenByDescending(a => a.Id).FirstOrDefault(a => a.LiabilityPercent is not null)?.LiabilityPercent)
            .Where(p => p is not null).Select(p => p!.Value).ToList();
        var paidPer = ds.Select(d => Money.Sum(d.Payments.Select(p => p.Amount))).Where(p => p > 0).ToList();
        return new DisputeFigures(key, label, ds.Count, closed.Count, ds.Count(d => d.Major), ds.Count(d => d.PatientDied), byRoute,
            closed.Count == 0 ? null : Math.Round(closed.Average(d => d.ClosedOn!.Value.DayNumber - d.ArisenOn.DayNumber), 1),
            shares.Count == 0 ? null : decimal.Round(Money.Sum(shares) / shares.Count, 1),
            Money.Sum(ds.Select(d => d.CompensationLines.Count > 0 ? Money.Sum(d.CompensationLines.Select(l => l.Claimed)) : d.ClaimedAmount)),
            Money.Sum(ds.SelectMany(d => d.CompensationLines.Select(l => l.Agreed))), Money.Sum(paidPer), Money.Average(paidPer),
            paidPer.Count == 0 ? 0 : paidPer.Max(), discharges == 0 ? null : discharges, discharges == 0 ? null : decimal.Round(ds.Count * 10_000m / discharges, 2));
    }

    /// <summary>Inpatient discharges by year (the dispute years) and by department (the chosen year, or all of those years), counted in SQL.</summary>
    private async Task<(Dictionary<int, int> ByYear, Dictionary<int, int> ByDepartment)> DischargesAsync(int? year, IReadOnlyList<int> years, CancellationToken ct)
    {
        var byYear = new Dictionary<int, int>();
        var byDepartment = new Dictionary<int, int>();
        foreach (var y in years)
        {
            var from = clock.StartOfDayUtc(new DateOnly(y, 1, 1));
            var to = clock.StartOfDayUtc(new DateOnly(y + 1, 1, 1));
            var counts = await db.Encounters.AsNoTracking().Where(e => e.Type == EncounterTypes.Inpatient && e.EndedAt >= from && e.EndedAt < to)
                .GroupBy(e => e.DepartmentId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            byYear[y] = counts.Sum(c => c.N);
            if (year is null || year == y)
                foreach (var c in counts) byDepartment[c.Key] = byDepartment.GetValueOrDefault(c.Key) + c.N;
        }
        return (byYear, byDepartment);
    }
}
