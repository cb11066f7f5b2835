using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TrustBridge.Cli;

namespace TrustBridge.Bench;

/// <summary>
/// A throwaway database for one benchmark: a SQLite file in the run's folder, or a PostgreSQL database named
/// {TRUSTBRIDGE_BENCH_DB_PREFIX or tb_bench}_{what}_{time} on TRUSTBRIDGE_BENCH_POSTGRES (default 127.0.0.1:55432), dropped at the end.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public required string Provider { get; init; }
    public required string Connection { get; init; }
    private string? _pgAdmin;
    private string? _pgName;

    public bool IsPostgres => Provider == "postgres";

    public static async Task<BenchDatabase> CreateAsync(string provider, string folder, string what, string? pgAdmin)
    {
        if (provider != "postgres") return new BenchDatabase { Provider = provider, Connection = $"Data Source={Path.Combine(folder, what + ".db")}" };
        pgAdmin ??= Environment.GetEnvironmentVariable("TRUSTBRIDGE_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        var prefix = Environment.GetEnvironmentVariable("TRUSTBRIDGE_BENCH_DB_PREFIX") ?? "tb_bench";
        var name = $"{prefix}_{what}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await AdminExec(pgAdmin, $"CREATE DATABASE \"{name}\"");
        return new BenchDatabase
        {
            Provider = provider,
            Connection = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name, MaxPoolSize = 200 }.ConnectionString,
            _pgAdmin = pgAdmin,
            _pgName = name,
        };
    }

    /// <summary>Runs the real `trustbridge` command in process against this database and returns how long it took.</summary>
    public async Task<TimeSpan> CliAsync(params string[] args)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var exit = await TrustBridgeCommand.Build().Parse([.. args, "--provider", Provider, "--connection", Connection]).InvokeAsync();
        watch.Stop();
        if (exit != 0) throw new InvalidOperationException($"trustbridge {string.Join(' ', args)} exited with {exit}.");
        return watch.Elapsed;
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection conn = IsPostgres ? new NpgsqlConnection(Connection) : new SqliteConnection(Connection);
        await conn.OpenAsync();
        return conn;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    public async Task<Dictionary<string, int>> IdsAsync(string table, string key)
    {
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {key}, id FROM {table}";
        var map = new Dictionary<string, int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) map[r.GetString(0)] = r.GetInt32(1);
        return map;
    }

    /// <summary>Runs one statement on the server's postgres database (create or drop a throwaway database).</summary>
    internal static async Task AdminExec(string admin, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_pgName is not null) await AdminExec(_pgAdmin!, $"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)");
    }
}
