using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Trust;

/// <summary>One calendar month of encounters: n valid respondents, their mean 0–100 score and the share who trust.</summary>
public sealed record TrustMonth(int Year, int Month, int N, double TrustIndex, double TrustingRate)
{
    public string Label => $"{Year:D4}-{Month:D2}";
}

/// <summary>
/// The monthly trust index of the hospital, a department or a doctor (MEASUREMENT.md "Trends"): answers grouped by the
/// month of their encounter date, the same sources as the report (sampled by default). Months without answers are left
/// out, so a chart never draws a zero that was never measured.
/// </summary>
public sealed class MonthlyTrustIndex(TrustDbContext db)
{
    public async Task<List<TrustMonth>> RunAsync(string instrument, DateOnly lastDay, int months, string source,
        int? departmentId = null, int? staffId = null, CancellationToken ct = default)
    {
        var first = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-(months - 1));
        var q = db.SurveyResponses.AsNoTracking()
            .Where(r => r.Instrument!.Code == instrument && r.EncounterDate >= first && r.EncounterDate <= lastDay && r.Score != null);
        q = source switch
        {
            "all" => q,
            "sampled" => q.Where(r => ResponseSources.Sampled.Contains(r.Source)),
            var one => q.Where(r => r.Source == one),
        };
        if (departmentId is { } d) q = q.Where(r => r.DepartmentId == d);
        if (staffId is { } s) q = q.Where(r => r.StaffId == s);
        var rows = await q.GroupBy(r => new { r.EncounterDate.Year, r.EncounterDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, N = g.Count(), Sum = g.Sum(r => r.Score!.Value), Trusting = g.Count(r => r.Trusts == true) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Year).ThenBy(r => r.Month)
            .Select(r => new TrustMonth(r.Year, r.Month, r.N, r.Sum / r.N, (double)r.Trusting / r.N)).ToList();
    }
}
