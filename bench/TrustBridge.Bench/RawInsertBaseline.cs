using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace TrustBridge.Bench;

/// <summary>An encounter row as the database stores it, ids resolved and times in UTC.</summary>
public readonly record struct ResolvedEncounter(string HisId, int PatientId, string Type, int DepartmentId, int? StaffId,
    DateTime StartedAt, DateTime? EndedAt, string? Disposition);

/// <summary>
/// What a bare insert of the same rows costs, with no CSV, no validation and no upsert: into a fresh copy of the
/// encounters table (same columns and indexes; with or without its three foreign keys). SQLite: one transaction, one
/// prepared 20-row INSERT; PostgreSQL: binary COPY.
/// </summary>
public static class RawInsertBaseline
{
    /// <summary>The same statement size the import uses on SQLite, so the two differ only by what the import adds.</summary>
    private const int RowsPerStatement = TrustBridge.Web.Features.Imports.BatchUpsert.SqliteRowsPerStatement;

    public static async Task<TimeSpan> SqliteAsync(string connectionString, IReadOnlyList<ResolvedEncounter> rows, bool foreignKeys)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await Exec(conn, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        await Exec(conn, """
            DROP TABLE IF EXISTS encounters_baseline;
            CREATE TABLE encounters_baseline (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, his_id TEXT NOT NULL, patient_id INTEGER NOT NULL, type TEXT NOT NULL,
                department_id INTEGER NOT NULL, attending_staff_id INTEGER NULL, started_at TEXT NOT NULL, ended_at TEXT NULL,
                discharge_disposition TEXT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
            """ + (foreignKeys ? """
                , FOREIGN KEY (patient_id) REFERENCES patients (id), FOREIGN KEY (department_id) REFERENCES departments (id),
                FOREIGN KEY (attending_staff_id) REFERENCES staff (id)
            """ : "") + """
            );
            CREATE UNIQUE INDEX ix_encounters_baseline_his_id ON encounters_baseline (his_id);
            CREATE INDEX ix_encounters_baseline_department_id_started_at ON encounters_baseline (department_id, started_at);
            CREATE INDEX ix_encounters_baseline_patient_id ON encounters_baseline (patient_id);
            CREATE INDEX ix_encounters_baseline_attending_staff_id ON encounters_baseline (attending_staff_id);
            """);
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (var tx = conn.BeginTransaction())
        {
            await using var full = Insert(conn, tx, RowsPerStatement);
            full.Prepare();
            var i = 0;
            for (; i + RowsPerStatement <= rows.Count; i += RowsPerStatement)
            {
                Bind(full, rows, i, RowsPerStatement, now);
                await full.ExecuteNonQueryAsync();
            }
            if (i < rows.Count)
            {
                await using var rest = Insert(conn, tx, rows.Count - i);
                Bind(rest, rows, i, rows.Count - i, now);
                await rest.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        watch.Stop();
        await Exec(conn, "DROP TABLE encounters_baseline");
        return watch.Elapsed;
    }

    public static async Task<TimeSpan> PostgresAsync(string connectionString, IReadOnlyList<ResolvedEncounter> rows, bool foreignKeys)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await Exec(conn, "DROP TABLE IF EXISTS encounters_baseline; CREATE TABLE encounters_baseline (LIKE encounters INCLUDING ALL);");
        if (foreignKeys)
            await Exec(conn, """
                ALTER TABLE encounters_baseline ADD FOREIGN KEY (patient_id) REFERENCES patients (id),
                    ADD FOREIGN KEY (department_id) REFERENCES departments (id), ADD FOREIGN KEY (attending_staff_id) REFERENCES staff (id)
                """);
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY encounters_baseline (his_id, patient_id, type, department_id, attending_staff_id, started_at, ended_at, discharge_disposition, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                copy.StartRow();
                copy.Write(r.HisId, NpgsqlDbType.Text);
                copy.Write(r.PatientId, NpgsqlDbType.Integer);
                copy.Write(r.Type, NpgsqlDbType.Text);
                copy.Write(r.DepartmentId, NpgsqlDbType.Integer);
                if (r.StaffId is { } s) copy.Write(s, NpgsqlDbType.Integer); else copy.WriteNull();
                copy.Write(r.StartedAt, NpgsqlDbType.TimestampTz);
                if (r.EndedAt is { } e) copy.Write(e, NpgsqlDbType.TimestampTz); else copy.WriteNull();
                if (r.Disposition is { } d) copy.Write(d, NpgsqlDbType.Text); else copy.WriteNull();
                copy.Write(now, NpgsqlDbType.TimestampTz);
                copy.Write(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        watch.Stop();
        await Exec(conn, "DROP TABLE encounters_baseline");
        return watch.Elapsed;
    }

    private static SqliteCommand Insert(SqliteConnection conn, SqliteTransaction tx, int rowCount)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        var values = new List<string>();
        for (var r = 0; r < rowCount; r++)
        {
            var names = Enumerable.Range(0, 10).Select(c => $"@p{r * 10 + c}").ToList();
            values.Add($"({string.Join(", ", names)})");
            foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, DBNull.Value));
        }
        cmd.CommandText = "INSERT INTO encounters_baseline (his_id, patient_id, type, department_id, attending_staff_id, started_at, ended_at, discharge_disposition, created_at, updated_at) VALUES "
            + string.Join(", ", values);
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, IReadOnlyList<ResolvedEncounter> rows, int start, int count, DateTime now)
    {
        var p = 0;
        for (var i = start; i < start + count; i++)
        {
            var r = rows[i];
            cmd.Parameters[p++].Value = r.HisId;
            cmd.Parameters[p++].Value = r.PatientId;
            cmd.Parameters[p++].Value = r.Type;
            cmd.Parameters[p++].Value = r.DepartmentId;
            cmd.Parameters[p++].Value = (object?)r.StaffId ?? DBNull.Value;
            cmd.Parameters[p++].Value = r.StartedAt;
            cmd.Parameters[p++].Value = (object?)r.EndedAt ?? DBNull.Value;
            cmd.Parameters[p++].Value = (object?)r.Disposition ?? DBNull.Value;
            cmd.Parameters[p++].Value = now;
            cmd.Parameters[p++].Value = now;
        }
    }

    private static async Task Exec(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
