using System.Diagnostics;
using System.Globalization;

namespace TrustBridge.Bench;

/// <summary>
/// Times `trustbridge import responses --instrument trust-10` (the real CLI, in process) on a synthetic answers file,
/// beside a raw insert of the same scored rows into a second, identically migrated database in the same run (before
/// and after the import, averaged); then serves the trust report over those answers (<see cref="ReportBenchmark"/>).
/// </summary>
public static class AnswersBenchmark
{
    public static async Task<int> RunAsync(int rows, string provider, string? pgAdmin, bool report)
    {
        var folder = Directory.CreateTempSubdirectory("tb_bench_answers_").FullName;
        var name = provider == "postgres" ? "PostgreSQL" : "SQLite";
        try
        {
            var watch = Stopwatch.StartNew();
            var his = SyntheticHisExport.Generate(folder, 100);
            var (csv, answers) = SyntheticAnswers.Generate(folder, rows, his.Departments);
            Console.WriteLine($"Generated {rows:N0} trust-10 answers in {watch.Elapsed.TotalSeconds:N1} s ({new FileInfo(csv).Length / 1048576.0:N0} MB)");

            // A header-only file: the CLI seeds the shipped instruments on its first answers import.
            var header = Path.Combine(folder, "header.csv");
            await File.WriteAllTextAsync(header, File.ReadLines(csv).First() + "\n");
            async Task<BenchDatabase> Prepared(string what)
            {
                var db = await BenchDatabase.CreateAsync(provider, folder, what, pgAdmin);
                await db.CliAsync("migrate");
                await db.CliAsync("import", "departments", his.DepartmentsCsv);
                await db.CliAsync("import", "staff", his.StaffCsv);
                await db.CliAsync("import", "responses", "--instrument", "trust-10", header);
                return db;
            }
            async Task<TimeSpan> Baseline(string what)
            {
                await using var db = await Prepared(what);
                var instrument = Convert.ToInt32(await db.ScalarAsync("SELECT id FROM instruments WHERE code = 'trust-10'"), CultureInfo.InvariantCulture);
                var departments = await db.IdsAsync("departments", "code");
                var staff = await db.IdsAsync("staff", "code");
                return db.IsPostgres
                    ? await RawAnswersBaseline.PostgresAsync(db.Connection, answers, instrument, departments, staff)
                    : await RawAnswersBaseline.SqliteAsync(db.Connection, answers, instrument, departments, staff);
            }

            await using var main = await Prepared("answers");
            var before = await Baseline("raw1");
            var import = await main.CliAsync("import", "responses", "--instrument", "trust-10", csv);
            var stored = Convert.ToInt64(await main.ScalarAsync("SELECT count(*) FROM survey_responses"), CultureInfo.InvariantCulture);
            if (stored != rows) throw new InvalidOperationException($"Expected {rows} answers after the import, found {stored}.");
            var reimport = await main.CliAsync("import", "responses", "--instrument", "trust-10", csv);
            var after = await Baseline("raw2");
            var baseline = (before + after) / 2;

            double Rate(TimeSpan t) => rows / t.TotalSeconds;
            string Row(string what, TimeSpan t) => $"| {what} | {Rate(t):N0} | {t.TotalSeconds:N1} |";
            var rawName = provider == "postgres" ? "binary COPY" : $"one transaction, prepared {TrustBridge.Web.Features.Imports.BatchUpsert.SqliteRowsPerStatement}-row INSERT";
            var lines = new List<string>
            {
                $"`dotnet run -c Release --project bench/TrustBridge.Bench -- answers --rows {rows} --provider {provider}`",
                "",
                "| step | rows/s | seconds |",
                "|---|---:|---:|",
                Row("`trustbridge import responses --instrument trust-10` (decode, parse, validate, score, insert, trust_daily_sums, service-recovery tasks, audit, one transaction)", import),
                Row("the same file again (every row unchanged, nothing written)", reimport),
                Row($"raw baseline: {rawName} of the same scored rows into survey_responses of a second migrated database (through the trust_daily_sums triggers: per row on SQLite, where the import instead pauses the trigger and adds up the sums of its rows while writing them; per COPY on PostgreSQL), mean of a run before and after the import ({Rate(before):N0} and {Rate(after):N0} rows/s)", baseline),
                "",
                $"**Import: {Rate(import).ToString("N0", CultureInfo.InvariantCulture)} rows/s** (target ≥ 100,000: {(Rate(import) >= 100_000 ? "met" : "missed")}); import / raw baseline: {(Rate(import) / Rate(baseline)).ToString("N2", CultureInfo.InvariantCulture)}.",
            };
            foreach (var l in lines) Console.WriteLine(l);
            BenchmarkReport.WriteSection($"answers-{provider}", $"Import of {rows:N0} survey answers (trust-10) — {name}", lines);

            if (report)
            {
                var reportLines = await ReportBenchmark.RunAsync(main, rows);
                foreach (var l in reportLines) Console.WriteLine(l);
                BenchmarkReport.WriteSection($"report-{provider}", $"Trust report over {rows:N0} answers, 40 departments — {name}", reportLines);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
