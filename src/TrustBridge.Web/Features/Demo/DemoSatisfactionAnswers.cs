using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// Gives the demo's clinical departments paper outpatient-satisfaction answers over the last 12 months (issue 8,
/// deliver 3: the department page's dimension heat map and recent comments were empty because the demo had only
/// trust-10 answers, which have neither dimensions nor a free-text item). About <see cref="PerMonth"/> answers a
/// department a month, so every cell is above the reportable n; dimensions differ (waiting lowest, attitude highest),
/// and about one answer in four leaves a comment. Deterministic for a seed.
/// </summary>
public sealed class DemoSatisfactionAnswers(TrustDbContext db, HospitalClock clock)
{
    public const int PerMonth = 12;
    public const int Months = 12;

    private static readonly Dictionary<string, double> DimensionShift = new()
    {
        ["attitude"] = 0.35, ["communication"] = 0.1, ["transparency"] = -0.1, ["outcome"] = 0.2, ["process"] = -0.55, ["environment"] = 0.0, ["privacy"] = 0.15,
    };

    private static readonly string[] Praise =
    [
        "医生解释得很清楚，谢谢", "护士态度很好，很耐心", "整体满意，环境干净", "医生很负责，复诊提醒很贴心", "挂号到看诊比上次快多了",
    ];

    private static readonly string[] Complaints =
    [
        "候诊时间太长，等了两个多小时", "缴费排队太久，希望多开窗口", "检查预约要等一周，太慢了", "医生问诊太匆忙，没说清楚用药", "费用明细看不懂，没人解释",
        "诊室门口太吵，隐私不好", "停车太难，找不到车位",
    ];

    public async Task<int> RunAsync(int seed, CancellationToken ct = default)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Code == ShippedInstruments.SatisfactionOutpatient && i.Status == InstrumentStatuses.Published).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (instrument is null) return 0;
        var parents = db.Departments.Where(d => d.ParentId != null).Select(d => d.ParentId);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKinds.Clinical && d.Active && !parents.Contains(d.Id))
            .OrderBy(d => d.Code).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        var rng = new Random(Core.Sampling.StratifiedDraw.StableSeed(seed, "demo-satisfaction"));
        var today = clock.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-Months);
        var n = 0;
        foreach (var d in departments)
        {
            var level = d.Code switch { "JZK" => 3.3, "XXNK" => 4.3, _ => 3.7 + rng.NextDouble() * 0.5 };
            for (var m = 0; m < Months; m++)
            {
                var month = first.AddMonths(m);
                var days = DateTime.DaysInMonth(month.Year, month.Month);
                for (var k = 0; k < PerMonth; k++)
                {
                    var date = month.AddDays(rng.Next(days));
                    if (date >= today) date = today.AddDays(-1);
                    var mood = Gaussian(rng) * 0.45;
                    var raw = instrument.Items.ToDictionary(i => i.Code, i => i.Scale switch
                    {
                        ItemScales.Likert5 => (string?)Math.Clamp((int)Math.Round(level + mood + DimensionShift.GetValueOrDefault(i.Dimension) + Gaussian(rng) * 0.5), 1, 5)
                            .ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ItemScales.Nps11 or ItemScales.Rating11 => Math.Clamp((int)Math.Round((level + mood - 1) * 2.5), 0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => null,
                    });
                    var (scored, _) = ResponseScoring.Score(instrument, raw);
                    if (scored is null) continue;
                    string? comment = rng.NextDouble() < 0.25 ? (scored.Score >= 70 ? Praise[rng.Next(Praise.Length)] : Complaints[rng.Next(Complaints.Length)]) : null;
                    db.SurveyResponses.Add(new SurveyResponse
                    {
                        ResponseKey = $"demo-sat-{d.Code}-{m}-{k}", InstrumentId = instrument.Id, EncounterDate = date, DepartmentId = d.Id,
                        Source = ResponseSources.Paper, SubmittedAt = clock.LocalToUtc(date.AddDays(1).ToDateTime(new TimeOnly(9, 0))),
                        Answers = scored.Answers, Score = scored.Score, Trusts = scored.Trusts, Recommend = scored.Recommend, Overall = scored.Overall, Comment = comment,
                    });
                    n++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return n;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
