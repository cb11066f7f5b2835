using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace TrustBridge.Web.Data;

/// <summary>
/// Applies the SQL scripts under Data/Migrations/{provider}/ in name order and records each in schema_migrations.
/// On PostgreSQL an advisory lock keeps several starting web nodes from migrating at once.
/// </summary>
public sealed class Migrator(TrustDbContext db, DatabaseOptions options, ILogger<Migrator> log)
{
    private const long AdvisoryLockKey = 0x7472757374; // "trust"

    public sealed record Script(string Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(string provider)
    {
        var asm = typeof(Migrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return asm.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var file = Path.GetFileNameWithoutExtension(n[prefix.Length..]);
                var cut = file.IndexOf('_');
                return new Script(cut > 0 ? file[..cut] : file, file, Read(asm, n));
            })
            .ToList();
    }

    /// <summary>Returns the names of the scripts applied now.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (options.IsPostgres) await ExecAsync(conn, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            else await ExecAsync(conn, "PRAGMA journal_mode = WAL", ct);
            await ExecAsync(conn, options.IsPostgres
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(32) PRIMARY KEY, name varchar(200) NOT NULL, applied_at timestamptz NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", ct);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT version FROM schema_migrations";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) applied.Add(r.GetString(0));
            }

            var done = new List<string>();
            foreach (var script in Scripts(options.Provider).Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, script.Sql, ct, tx);
                await using (var rec = conn.CreateCommand())
                {
                    rec.Transaction = tx;
                    rec.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)";
                    rec.AddParameter("@v", script.Version);
                    rec.AddParameter("@n", script.Name);
                    rec.AddParameter("@a", DateTime.UtcNow);
                    await rec.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                log.LogInformation("Applied migration {Name}", script.Name);
                done.Add(script.Name);
            }
            if (options.IsPostgres) await ExecAsync(conn, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecAsync(DbConnection conn, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }


    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
