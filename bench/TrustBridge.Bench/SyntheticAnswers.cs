using System.Globalization;
using System.Text;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Bench;

/// <summary>One scored answer of the synthetic file, kept so the raw baseline inserts exactly the same rows.</summary>
public readonly record struct SyntheticAnswer(string Key, DateOnly EncounterDate, int Department, int? Staff, string Source, ScoredAnswers Scored);

/// <summary>
/// A deterministic trust-10 answers CSV (same seed, same file) for the 40 departments and 800 staff of
/// <see cref="SyntheticHisExport"/>: each department has its own mean trust, each respondent a latent trust around it,
/// each item that latent plus noise on the 1–5 scale (T01, T06, T08 written reversed), about 1% of items left blank,
/// encounter dates over 2026-01-01 … 2026-10-31, 70% paper and 30% import.
/// </summary>
public static class SyntheticAnswers
{
    public static readonly DateOnly From = new(2026, 1, 1);
    public static readonly DateOnly To = new(2026, 10, 31);

    public static (string Csv, SyntheticAnswer[] Rows) Generate(string folder, int rows, int departments, int seed = 20261122)
    {
        var instrument = ShippedInstruments.All().Single(i => i.Code == ShippedInstruments.Trust10);
        var items = instrument.Items.OrderBy(i => i.Position).ToArray();
        var random = new Random(seed);
        var deptMean = Enumerable.Range(0, departments).Select(_ => 3.3 + random.NextDouble()).ToArray();
        var days = To.DayNumber - From.DayNumber + 1;
        var result = new SyntheticAnswer[rows];
        var csv = Path.Combine(folder, "answers-trust-10.csv");
        using var w = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 20);
        w.Write("response_id,encounter_date,department_code,doctor_code,source");
        foreach (var item in items) w.Write("," + item.Code);
        w.Write('\n');
        var raw = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < rows; r++)
        {
            var dept = random.Next(departments);
            int? staff = dept >= 8 && random.Next(4) > 0 ? dept - 8 + 32 * random.Next(25) : null;
            var date = From.AddDays(random.Next(days));
            var source = random.Next(10) < 7 ? ResponseSources.Paper : ResponseSources.Import;
            var key = $"P{r:D9}";
            var latent = deptMean[dept] + Gaussian(random) * 0.6;
            w.Write(key); w.Write(','); w.Write(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); w.Write(',');
            w.Write(SyntheticHisExport.DepartmentCode(dept)); w.Write(',');
            if (staff is { } s) w.Write(SyntheticHisExport.StaffCode(s));
            w.Write(','); w.Write(source);
            raw.Clear();
            foreach (var item in items)
            {
                var value = Math.Clamp((int)Math.Round(latent + Gaussian(random) * 0.7), 1, 5);
                if (item.Reverse) value = 6 - value;
                var blank = random.Next(100) == 0;
                w.Write(',');
                if (!blank) w.Write((char)('0' + value));
                raw[item.Code] = blank ? null : value.ToString(CultureInfo.InvariantCulture);
            }
            w.Write('\n');
            var (scored, _) = ResponseScoring.Score(instrument, raw);
            result[r] = new SyntheticAnswer(key, date, dept, staff, source, scored!);
        }
        return (csv, result);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
