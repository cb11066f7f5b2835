using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Psychometrics;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Trust;

/// <summary>The 0–100 mean of one dimension in one month, over the respondents whose dimension score is valid.</summary>
public sealed record DimensionCell(string Month, string Dimension, int N, double Score);

public sealed record DimensionGrid(IReadOnlyList<string> Months, IReadOnlyList<string> Dimensions, IReadOnlyList<DimensionCell> Cells)
{
    public DimensionCell? Cell(string month, string dimension) => Cells.FirstOrDefault(c => c.Month == month && c.Dimension == dimension);
}

/// <summary>
/// Dimension scores of a satisfaction instrument per month for one department (the department page's heat map). Each
/// answer is decoded and scored per dimension with the rules of one respondent (MEASUREMENT.md: reverse, valid when
/// ⌈k/2⌉ answered, 0–100), each version scored with its own items.
/// </summary>
public sealed class DimensionScores(TrustDbContext db)
{
    /// <summary>Satisfaction instruments have several dimensions; trust-10 has one, and a heat map of one row says nothing.</summary>
    public async Task<bool> IsMultiDimensionalAsync(string instrument, CancellationToken ct = default) =>
        await db.Instruments.Where(x => x.Code == instrument).SelectMany(x => x.Items).Where(i => i.Scale == ItemScales.Likert5).Select(i => i.Dimension).Distinct().CountAsync(ct) > 1;

    public async Task<DimensionGrid> RunAsync(string instrument, int departmentId, DateOnly from, DateOnly to, string source, CancellationToken ct = default)
    {
        var versions = await db.Instruments.AsNoTracking().Include(i => i.Items).Where(i => i.Code == instrument).ToListAsync(ct);
        var scales = versions.ToDictionary(v => v.Id, v => v.Items.Where(i => i.Scale == ItemScales.Likert5).OrderBy(i => i.Position)
            .GroupBy(i => i.Dimension).ToDictionary(g => g.Key, g => (IReadOnlyList<ScaleItem>)g.Select(i => new ScaleItem(i.Code, i.Reverse)).ToList()));
        var dimensions = versions.OrderByDescending(v => v.Version).SelectMany(v => v.Items.OrderBy(i => i.Position))
            .Where(i => i.Scale == ItemScales.Likert5).Select(i => i.Dimension).Distinct().ToList();

        var q = db.SurveyResponses.AsNoTracking().Where(r => r.Instrument!.Code == instrument && r.DepartmentId == departmentId
            && r.EncounterDate >= from && r.EncounterDate <= to);
        q = source switch
        {
            "all" => q,
            "sampled" => q.Where(r => ResponseSources.Sampled.Contains(r.Source)),
            var one => q.Where(r => r.Source == one),
        };
        var sums = new Dictionary<(string Month, string Dimension), (int N, double Sum)>();
        await foreach (var r in q.Select(r => new { r.InstrumentId, r.EncounterDate, r.Answers }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!scales.TryGetValue(r.InstrumentId, out var byDimension)) continue;
            var answers = ResponseScoring.Decode(r.Answers);
            var month = $"{r.EncounterDate.Year:D4}-{r.EncounterDate.Month:D2}";
            foreach (var (dimension, items) in byDimension)
            {
                if (ScaleScoring.Score(items, answers) is not { Valid: true, Score0To100: { } score }) continue;
                var key = (month, dimension);
                var (n, sum) = sums.GetValueOrDefault(key);
                sums[key] = (n + 1, sum + score);
            }
        }
        var cells = sums.Select(kv => new DimensionCell(kv.Key.Month, kv.Key.Dimension, kv.Value.N, kv.Value.Sum / kv.Value.N)).ToList();
        return new DimensionGrid(cells.Select(c => c.Month).Distinct().Order(StringComparer.Ordinal).ToList(), dimensions, cells);
    }
}
