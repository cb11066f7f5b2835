using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Psychometrics;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// Cronbach's α, α if each item is deleted and corrected item-total correlations of an instrument's likert5 items over
/// the respondents of a period who answered all of them (MEASUREMENT.md, "Reliability"), with the warnings the
/// instrument page shows.
/// </summary>
public sealed class InstrumentReliability(TrustDbContext db)
{
    public async Task<ReliabilityView?> RunAsync(string code, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Code == code).OrderByDescending(i => i.Status == InstrumentStatuses.Published).ThenByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (instrument is null) return null;
        var items = instrument.Items.Where(i => i.Scale == ItemScales.Likert5).OrderBy(i => i.Position).ToArray();
        var acc = new ItemCovariance(Math.Max(1, items.Length));
        var row = new double[items.Length];
        var answers = db.SurveyResponses.AsNoTracking()
            .Where(r => r.Instrument!.Code == code && r.EncounterDate >= from && r.EncounterDate <= to).Select(r => r.Answers);
        await foreach (var a in answers.AsAsyncEnumerable().WithCancellation(ct))
        {
            var decoded = ResponseScoring.Decode(a);
            var complete = items.Length > 0;
            for (var i = 0; i < items.Length && complete; i++)
            {
                if (decoded.TryGetValue(items[i].Code, out var v)) row[i] = items[i].Reverse ? ScaleScoring.Reverse(v) : v;
                else complete = false;
            }
            if (complete) acc.Add(row);
        }
        var alpha = items.Length >= 2 ? acc.Alpha() : null;
        var cov = acc.Covariance();
        var perItem = items.Select((item, i) =>
        {
            var ifDeleted = items.Length >= 3 && acc.N >= 3 ? Reliability.AlphaFromCovariance(Reliability.Without(cov, i)) : null;
            var r = items.Length >= 2 ? acc.CorrectedItemTotal(i) : null;
            return new ItemReliability(item.Code, ifDeleted, r, r is { } rv && rv < Reliability.ItemTotalWarning);
        }).ToList();
        return new ReliabilityView(code, from, to, acc.N, alpha, alpha is { } av && av < Reliability.AlphaWarning, perItem);
    }
}
