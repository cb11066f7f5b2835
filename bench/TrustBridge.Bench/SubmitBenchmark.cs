using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace TrustBridge.Bench;

/// <summary>
/// Patients submitting trust-10 answers over HTTP (`POST /api/surveys/responses` with invitation tokens) from many
/// concurrent clients to the built web app on 127.0.0.1; afterwards the database must hold exactly as many invitation
/// answers as there were 201s. Beside it, in the same run, the raw baseline: the same number of concurrent
/// connections each committing one INSERT into survey_responses per transaction.
/// </summary>
public static class SubmitBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    public static async Task<int> RunAsync(int requests, int clients, string provider, string? pgAdmin)
    {
        var folder = Directory.CreateTempSubdirectory("tb_bench_submit_").FullName;
        try
        {
            // One invitation per patient per wave: ten encounters per patient, the first of each patient invited.
            var his = SyntheticHisExport.Generate(folder, requests * 10);
            await using var db = await BenchDatabase.CreateAsync(provider, folder, "submit", pgAdmin);
            await db.CliAsync("migrate");
            await db.CliAsync("import", "departments", his.DepartmentsCsv);
            await db.CliAsync("import", "staff", his.StaffCsv);
            await db.CliAsync("import", "patients", his.PatientsCsv);
            await db.CliAsync("import", "encounters", his.EncountersCsv);
            var header = Path.Combine(folder, "header.csv");
            await File.WriteAllTextAsync(header, "response_id,encounter_date,department_code,doctor_code,source,T01\n");
            await db.CliAsync("import", "responses", "--instrument", "trust-10", header); // seeds the shipped instruments
            var tokens = await SubmitWave.SeedAsync(db, requests);
            Console.WriteLine($"Seeded a wave with {tokens.Count:N0} sent invitations");

            await using var web = await WebAppProcess.StartAsync(provider, db.Connection);
            // Warm-up on unknown tokens (404, nothing stored): JIT and connection pools, not the database.
            for (var i = 0; i < 50; i++) using (await web.Http.PostAsJsonAsync("/api/surveys/responses", Body("warm-up-" + i, i))) { }

            var load = await HttpLoad.RunAsync(web, tokens.Count, clients, Limit, (i, ct) => web.Http.PostAsJsonAsync("/api/surveys/responses", Body(tokens[i], i), ct));
            var (created, sent, other, rate, webCpu, elapsed) = (load.Created, load.Sent, load.Others, load.CreatedPerSecond, load.WebCpu, load.Elapsed);
            var stored = Convert.ToInt64(await db.ScalarAsync("SELECT count(*) FROM survey_responses WHERE source = 'invitation'"), CultureInfo.InvariantCulture);

            var raw = await SubmitWave.RawInsertsAsync(db, Math.Min(requests, 20_000), clients);
            var rawRate = Math.Min(requests, 20_000) / raw.TotalSeconds;
            var chained = provider == "postgres" ? await SubmitWave.RawInsertsAsync(db, Math.Min(requests, 20_000), clients, chainLock: true) : (TimeSpan?)null;

            List<string> lines =
            [
                $"`dotnet run -c Release --project bench/TrustBridge.Bench -- submit --requests {requests} --clients {clients} --provider {provider}`",
                "",
                $"{clients} concurrent HTTP/1.1 clients on 127.0.0.1 each posting one patient's ten trust-10 answers with a fresh invitation token to the web app process (Release); the wave and its {tokens.Count:N0} sent invitations were seeded directly in SQL over imported patients and encounters.",
                "",
                "| what | answers/s | seconds |",
                "|---|---:|---:|",
                $"| `POST /api/surveys/responses` (look up token, score, insert answer, mark invitation answered, service-recovery task when low, audit), {sent:N0} requests, {created:N0} × 201{(other.Length > 0 ? ", " + other : "")} | {rate:N0} | {elapsed.TotalSeconds:N1} |",
                $"| raw baseline: {clients} concurrent connections, each committing one INSERT into survey_responses per transaction ({Math.Min(requests, 20_000):N0} rows{(provider == "postgres" ? "" : "; SQLite serialises writers, BEGIN IMMEDIATE")}) | {rawRate:N0} | {raw.TotalSeconds:N1} |",
                .. chained is { } c ? [$"| the same, each transaction first taking the audit chain's advisory lock (as every audited write does; commits serialised) | {Math.Min(requests, 20_000) / c.TotalSeconds:N0} | {c.TotalSeconds:N1} |"] : Array.Empty<string>(),
                "",
                $"The web process used {webCpu.TotalSeconds:N1} s of CPU during the run ({webCpu.TotalMilliseconds / Math.Max(1, sent):N2} ms per request; {webCpu.TotalSeconds / elapsed.TotalSeconds:N2} of the {Environment.ProcessorCount} CPUs, which the load generator and the database share).",
                "",
                $"Durability check: {created:N0} answers acknowledged with 201, {stored:N0} invitation answers in the database afterwards ({(stored == created ? "equal" : "**NOT equal**")}).",
                "",
                $"**{rate:N0} answers/s** (target ≥ 5,000: {(rate >= 5000 ? "met" : "missed")}); {(rate / rawRate).ToString("N2", CultureInfo.InvariantCulture)}× the raw single-row commits.",
            ];
            foreach (var l in lines) Console.WriteLine(l);
            BenchmarkReport.WriteSection($"submit-{provider}", $"Survey submission over HTTP — {(provider == "postgres" ? "PostgreSQL" : "SQLite")}", lines);
            return stored == created ? 0 : 2;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static object Body(string token, int i) => new
    {
        token,
        answers = Enumerable.Range(1, 10).ToDictionary(n => $"T{n:D2}", n => (string?)(((i + n) % 5) + 1).ToString(CultureInfo.InvariantCulture)),
    };
}
