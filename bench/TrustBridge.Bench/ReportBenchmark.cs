using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TrustBridge.Bench;

/// <summary>
/// `GET /api/trust/report` by department over every synthetic answer, served by the built web app as its own process:
/// the first request (Cronbach's α streamed from every answer and then cached) and the median of warm requests, beside
/// the raw SQL GROUP BY of the answers themselves (what the report ran before trust_daily_sums) run directly in the same run; the web process's resident memory from /proc.
/// </summary>
public static class ReportBenchmark
{
    private const int Runs = 7;

    public static async Task<List<string>> RunAsync(BenchDatabase db, int rows)
    {
        var from = SyntheticAnswers.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = SyntheticAnswers.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = $"/api/trust/report?instrument=trust-10&from={from}&to={to}&unit=department&source=sampled";
        if (db.IsPostgres)
        {
            await using var conn = await db.OpenAsync();
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = "VACUUM ANALYZE survey_responses, trust_daily_sums";
            await analyze.ExecuteNonQueryAsync();
        }

        await using var web = await WebAppProcess.StartAsync(db.Provider, db.Connection);
        await web.LoginAsync();
        var idle = web.Memory();
        // JIT and connection pool warm-up on an empty period, so the first full request measures the data, not the code.
        await Get(web, "/api/trust/report?instrument=trust-10&from=2020-01-01&to=2020-01-31&unit=department&source=sampled");
        var (cold, coldBody) = await Get(web, url);
        var warm = new List<double>();
        for (var i = 0; i < Runs; i++) warm.Add((await Get(web, url)).Ms);
        var memory = web.Memory();
        var raw = new List<double>();
        for (var i = 0; i < Runs; i++) raw.Add(await RawGroupByAsync(db, from, to));

        using var doc = JsonDocument.Parse(coldBody);
        var hospital = doc.RootElement.GetProperty("hospital");
        var n = hospital.GetProperty("n").GetInt32();
        var alpha = hospital.GetProperty("alpha").GetDouble();
        var units = doc.RootElement.GetProperty("units").GetArrayLength();
        var warmMedian = Median(warm);
        var rawMedian = Median(raw);
        string Ms(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        return
        [
            $"`dotnet run -c Release --project bench/TrustBridge.Bench -- answers --rows {rows} --provider {db.Provider}` (the report part)",
            "",
            $"`GET {url}` as an administrator, over the web app process (Release) on 127.0.0.1; the report covers n = {n:N0} valid respondents in {units} departments, α = {alpha.ToString("N3", CultureInfo.InvariantCulture)}.",
            "",
            "| what | ms |",
            "|---|---:|",
            $"| first report of the period (cold: Cronbach's α streamed from every answer string, then cached) | {Ms(cold)} |",
            $"| report again (warm: α from the cache, per-department sums from the daily sums in trust_daily_sums), median of {Runs} (all: {string.Join(", ", warm.Select(Ms))}) | {Ms(warmMedian)} |",
            $"| raw baseline: the GROUP BY the report ran before the daily sums (count, Σ score, Σ score², Σ trusting per department over the answers in survey_responses) run directly, median of {Runs} (all: {string.Join(", ", raw.Select(Ms))}) | {Ms(rawMedian)} |",
            "",
            $"**Warm report: {Ms(warmMedian)} ms** (target ≤ 200: {(warmMedian <= 200 ? "met" : "missed")}), **{(warmMedian / rawMedian).ToString("N2", CultureInfo.InvariantCulture)}× the raw GROUP BY** (target ≤ 3: {(warmMedian <= 3 * rawMedian ? "met" : "missed")}). "
                + $"Cold report: {Ms(cold)} ms, {(cold / rawMedian).ToString("N1", CultureInfo.InvariantCulture)}× ({(cold <= 200 && cold <= 3 * rawMedian ? "within" : "outside")} the targets): the first report of a period, and the first after new answers arrive, pays for α.",
            "",
            $"Web process memory (from /proc/PID/status): VmRSS {memory.Rss:N0} MiB after the reports (idle after login: {idle.Rss:N0} MiB), **peak VmHWM {memory.Peak:N0} MiB** (target ≤ 400: {(memory.Peak <= 400 ? "met" : "missed")}).",
        ];
    }

    private static async Task<(double Ms, string Body)> Get(WebAppProcess web, string url)
    {
        var watch = Stopwatch.StartNew();
        using var resp = await web.Http.GetAsync(url);
        var body = await resp.Content.ReadAsStringAsync();
        watch.Stop();
        if (!resp.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url} → {(int)resp.StatusCode}: {body}");
        return (watch.Elapsed.TotalMilliseconds, body);
    }

    private static async Task<double> RawGroupByAsync(BenchDatabase db, string from, string to)
    {
        await using var conn = await db.OpenAsync();
        await using var cmd = conn.CreateCommand();
        var trusting = db.IsPostgres ? "r.trusts" : "r.trusts = 1";
        var dates = db.IsPostgres ? $"DATE '{from}' AND DATE '{to}'" : $"'{from}' AND '{to}'";
        cmd.CommandText = $"""
            SELECT r.department_id, count(*), sum(r.score), sum(r.score * r.score), sum(CASE WHEN {trusting} THEN 1 ELSE 0 END)
            FROM survey_responses r JOIN instruments i ON i.id = r.instrument_id
            WHERE i.code = 'trust-10' AND r.encounter_date BETWEEN {dates} AND r.score IS NOT NULL
              AND r.source IN ('invitation', 'paper', 'import')
            GROUP BY r.department_id
            """;
        var watch = Stopwatch.StartNew();
        var groups = 0;
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) groups++;
        watch.Stop();
        if (groups == 0) throw new InvalidOperationException("The raw GROUP BY found no rows.");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
