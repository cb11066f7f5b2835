using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using TrustBridge.Cli;

namespace TrustBridge.Bench;

/// <summary>
/// Times `trustbridge import encounters` (the real CLI, in process) on a synthetic export, then a raw insert of the
/// same rows in the same run, and writes rows/s and their ratio to BENCHMARKS.md.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(int rows, string provider, string? pgAdmin)
    {
        var folder = Directory.CreateTempSubdirectory("tb_bench_import_").FullName;
        string? pgDatabase = null;
        string connection;
        if (provider == "postgres")
        {
            pgAdmin ??= Environment.GetEnvironmentVariable("TRUSTBRIDGE_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
            pgDatabase = $"tb_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
            await BenchDatabase.AdminExec(pgAdmin, $"CREATE DATABASE \"{pgDatabase}\"");
            connection = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = pgDatabase }.ConnectionString;
        }
        else connection = $"Data Source={Path.Combine(folder, "bench.db")}";

        try
        {
            var watch = Stopwatch.StartNew();
            var export = SyntheticHisExport.Generate(folder, rows);
            Console.WriteLine($"Generated {rows:N0} encounters, {export.Patients:N0} patients in {watch.Elapsed.TotalSeconds:N1} s ({new FileInfo(export.EncountersCsv).Length / 1048576.0:N0} MB) under {folder}");

            await Cli(provider, connection, "migrate");
            await Cli(provider, connection, "import", "departments", export.DepartmentsCsv);
            await Cli(provider, connection, "import", "staff", export.StaffCsv);
            var patients = await Cli(provider, connection, "import", "patients", export.PatientsCsv);

            // The baseline runs before and after the import and the two are averaged, so a machine that gets busier or
            // quieter during the run does not favour either side.
            var resolved = await ResolveAsync(provider, connection, export);
            // Freshly imported patients carry no hint bits yet; whichever insert first checks its foreign keys against
            // them would pay for setting those. Autovacuum would have done this in a real hospital.
            if (provider == "postgres") await Exec(connection, "VACUUM ANALYZE departments, staff, patients");
            Task<TimeSpan> Baseline(bool foreignKeys) => provider == "postgres"
                ? RawInsertBaseline.PostgresAsync(connection, resolved, foreignKeys)
                : RawInsertBaseline.SqliteAsync(connection, resolved, foreignKeys);
            var before = await Baseline(foreignKeys: true);

            var import = await Cli(provider, connection, "import", "encounters", export.EncountersCsv);
            var stored = await CountEncounters(provider, connection);
            if (stored != rows) throw new InvalidOperationException($"Expected {rows} encounters after the import, found {stored}.");
            var reimport = await Cli(provider, connection, "import", "encounters", export.EncountersCsv);

            var after = await Baseline(foreignKeys: true);
            var baseline = (before + after) / 2;
            var bare = await Baseline(foreignKeys: false);

            double Rate(TimeSpan t) => rows / t.TotalSeconds;
            var ratio = Rate(import) / Rate(baseline);
            var baselineName = provider == "postgres" ? "binary COPY" : $"one transaction, prepared {TrustBridge.Web.Features.Imports.BatchUpsert.SqliteRowsPerStatement}-row INSERT";
            string Row(string what, TimeSpan t, int n) => $"| {what} | {n / t.TotalSeconds:N0} | {t.TotalSeconds:N1} |";
            var lines = new List<string>
            {
                $"`dotnet run -c Release --project bench/TrustBridge.Bench -- import --rows {rows} --provider {provider}`",
                "",
                "| step | rows/s | seconds |",
                "|---|---:|---:|",
                Row("`trustbridge import encounters` (decode, parse, validate, resolve, upsert, audit, one transaction)", import, rows),
                Row("the same file again (every row unchanged, nothing written)", reimport, rows),
                Row($"raw baseline: {baselineName} into a fresh copy of encounters (same indexes and foreign keys), mean of a run before and after the import ({rows / before.TotalSeconds:N0} and {rows / after.TotalSeconds:N0} rows/s)", baseline, rows),
                Row($"raw {baselineName} into a copy without foreign keys (for reference)", bare, rows),
                Row($"(setup) `trustbridge import patients` incl. encryption of mobile and ID number", patients, export.Patients),
                "",
                $"**Import / raw baseline: {ratio.ToString("N2", CultureInfo.InvariantCulture)}** (target ≥ 0.50); against the copy without foreign keys: {(Rate(import) / Rate(bare)).ToString("N2", CultureInfo.InvariantCulture)}.",
            };
            foreach (var l in lines) Console.WriteLine(l);
            BenchmarkReport.WriteSection($"import-{provider}", $"Import of {rows:N0} encounters — {(provider == "postgres" ? "PostgreSQL" : "SQLite")}", lines);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (pgDatabase is not null) await BenchDatabase.AdminExec(pgAdmin!, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            Directory.Delete(folder, true);
        }
    }

    private static async Task<TimeSpan> Cli(string provider, string connection, params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var exit = await TrustBridgeCommand.Build().Parse([.. args, "--provider", provider, "--connection", connection]).InvokeAsync();
        watch.Stop();
        if (exit != 0) throw new InvalidOperationException($"trustbridge {string.Join(' ', args)} exited with {exit}.");
        return watch.Elapsed;
    }

    private static async Task<List<ResolvedEncounter>> ResolveAsync(string provider, string connection, SyntheticHisExport export)
    {
        var departments = await Ids(provider, connection, "departments", "code");
        var staff = await Ids(provider, connection, "staff", "code");
        var patients = await Ids(provider, connection, "patients", "mrn");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        return export.Encounters.Select(e => new ResolvedEncounter(e.HisId, patients[SyntheticHisExport.Mrn(e.Patient)], e.Type,
            departments[SyntheticHisExport.DepartmentCode(e.Department)], e.Staff is { } s ? staff[SyntheticHisExport.StaffCode(s)] : null,
            TimeZoneInfo.ConvertTimeToUtc(e.StartedLocal, zone), e.EndedLocal is { } end ? TimeZoneInfo.ConvertTimeToUtc(end, zone) : null,
            e.Disposition)).ToList();
    }

    private static async Task<Dictionary<string, int>> Ids(string provider, string connection, string table, string key)
    {
        await using System.Data.Common.DbConnection conn = provider == "postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {key}, id FROM {table}";
        var map = new Dictionary<string, int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) map[r.GetString(0)] = r.GetInt32(1);
        return map;
    }

    private static async Task<long> CountEncounters(string provider, string connection)
    {
        await using System.Data.Common.DbConnection conn = provider == "postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM encounters";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task Exec(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
