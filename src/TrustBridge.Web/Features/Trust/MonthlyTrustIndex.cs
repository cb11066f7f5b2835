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
/// out, so a chart never draws a zero that was never measured. The hospital and departments read the daily sums; a doctor his answers.
/// </summary>
public sealed class MonthlyTrustIndex(TrustDbContext db)
{
    public async Task<List<TrustMonth>> RunAsync(string instrument, DateOnly lastDay, int months, string source,
        int? departmentId = null, int? staffId = null, CancellationToken ct = default)
    {
        var first = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-(months - 1));
        var rows = staffId is null
            ? await FromDailySums(instrument, first, lastDay, source, departmentId).GroupBy(r => new { r.EncounterDate.Year, r.EncounterDate.Month })
                .Select(g => new MonthSums(g.Key.Year, g.Key.Month, g.Sum(r => r.N), g.Sum(r => r.SumScore), g.Sum(r => r.NTrusting)))
                .ToListAsync(ct)
            : await FromAnswers(instrument, first, lastDay, source, staffId.Value).GroupBy(r => new { r.EncounterDate.Year, r.EncounterDate.Month })
                .Select(g => new MonthSums(g.Key.Year, g.Key.Month, g.Count(), g.Sum(r => r.Score!.Value), g.Count(r => r.Trusts == true)))
                .ToListAsync(ct);
        return rows.OrderBy(r => r.Year).ThenBy(r => r.Month)
            .Select(r => new TrustMonth(r.Year, r.Month, r.N, r.Sum / r.N, (double)r.Trusting / r.N)).ToList();
    }

    /// <summary>The hospital's or a department's daily sums (migration 0006), filtered as the report filters answers.</summary>
    private IQueryable<TrustDailySum> FromDailySums(string instrument, DateOnly first, DateOnly lastDay, string source, int? departmentId)
    {
        var q = db.TrustDailySums.AsNoTracking()
            .Where(x => db.Instruments.Any(i => i.Id == x.InstrumentId && i.Code == instrument) && x.EncounterDate >= first && x.EncounterDate <= lastDay);
        q = source switch
        {
            "all" => q,
            "sampled" => q.Where(x => ResponseSources.Sampled.Contains(x.Source)),
            var one => q.Where(x => x.Source == one),
        };
        return departmentId is { } d ? q.Where(x => x.DepartmentId == d) : q;
    }

    /// <summary>A doctor's answers: there are no daily sums per doctor.</summary>
    private IQueryable<SurveyResponse> FromAnswers(string instrument, DateOnly first, DateOnly lastDay, string source, int staffId)
    {
        var q = db.SurveyResponses.AsNoTracking()
            .Where(r => r.Instrument!.Code == instrument && r.EncounterDate >= first && r.EncounterDate <= lastDay && r.Score != null && r.StaffId == staffId);
        return source switch
        {
            "all" => q,
            "sampled" => q.Where(r => ResponseSources.Sampled.Contains(r.Source)),
            var one => q.Where(r => r.Source == one),
        };
    }

    private sealed record MonthSums(int Year, int Month, int N, double Sum, int Trusting);
}
