using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace TrustBridge.Bench;

/// <summary>
/// What a bare insert of the same, already scored answers costs, with no CSV, no validation and no upsert: into
/// survey_responses of a second database migrated the same way (same indexes and foreign keys). SQLite: one
/// transaction, one prepared 20-row INSERT; PostgreSQL: binary COPY.
/// </summary>
public static class RawAnswersBaseline
{
    private const int RowsPerStatement = TrustBridge.Web.Features.Imports.BatchUpsert.SqliteRowsPerStatement;
    private const string Columns = "response_key, instrument_id, encounter_date, department_id, staff_id, source, submitted_at, answers, score, trusts, recommend, overall, comment";

    public static async Task<TimeSpan> SqliteAsync(string connectionString, IReadOnlyList<SyntheticAnswer> rows, int instrumentId,
        IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> staff)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using (var pragma = conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync();
        }
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        await using (var tx = conn.BeginTransaction())
        {
            await using var full = Insert(conn, tx, RowsPerStatement);
            full.Prepare();
            var i = 0;
            for (; i + RowsPerStatement <= rows.Count; i += RowsPerStatement)
            {
                Bind(full, rows, i, RowsPerStatement);
                await full.ExecuteNonQueryAsync();
            }
            if (i < rows.Count)
            {
                await using var rest = Insert(conn, tx, rows.Count - i);
                Bind(rest, rows, i, rows.Count - i);
                await rest.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        return watch.Elapsed;

        void Bind(DbCommand cmd, IReadOnlyList<SyntheticAnswer> all, int start, int count)
        {
            var p = 0;
            for (var r = start; r < start + count; r++)
            {
                var a = all[r];
                cmd.Parameters[p++].Value = a.Key;
                cmd.Parameters[p++].Value = instrumentId;
                cmd.Parameters[p++].Value = a.EncounterDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                cmd.Parameters[p++].Value = departments[SyntheticHisExport.DepartmentCode(a.Department)];
                cmd.Parameters[p++].Value = a.Staff is { } s ? staff[SyntheticHisExport.StaffCode(s)] : DBNull.Value;
                cmd.Parameters[p++].Value = a.Source;
                cmd.Parameters[p++].Value = now;
                cmd.Parameters[p++].Value = a.Scored.Answers;
                cmd.Parameters[p++].Value = (object?)a.Scored.Score ?? DBNull.Value;
                cmd.Parameters[p++].Value = a.Scored.Trusts is { } t ? (t ? 1 : 0) : DBNull.Value;
                cmd.Parameters[p++].Value = (object?)a.Scored.Recommend ?? DBNull.Value;
                cmd.Parameters[p++].Value = (object?)a.Scored.Overall ?? DBNull.Value;
                cmd.Parameters[p++].Value = (object?)a.Scored.Comment ?? DBNull.Value;
            }
        }
    }

    private static SqliteCommand Insert(SqliteConnection conn, SqliteTransaction tx, int rows)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        var values = new List<string>();
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            var names = Enumerable.Range(0, 13).Select(_ => "@p" + n++).ToList();
            foreach (var name in names) cmd.Parameters.Add(new SqliteParameter(name, null));
            values.Add("(" + string.Join(", ", names) + ")");
        }
        cmd.CommandText = $"INSERT INTO survey_responses ({Columns}) VALUES {string.Join(", ", values)}";
        return cmd;
    }

    public static async Task<TimeSpan> PostgresAsync(string connectionString, IReadOnlyList<SyntheticAnswer> rows, int instrumentId,
        IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> staff)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using (var copy = await conn.BeginBinaryImportAsync($"COPY survey_responses ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var a in rows)
                {
                    await copy.StartRowAsync();
                    copy.Write(a.Key, NpgsqlDbType.Varchar);
                    copy.Write(instrumentId, NpgsqlDbType.Integer);
                    copy.Write(a.EncounterDate, NpgsqlDbType.Date);
                    copy.Write(departments[SyntheticHisExport.DepartmentCode(a.Department)], NpgsqlDbType.Integer);
                    if (a.Staff is { } s) copy.Write(staff[SyntheticHisExport.StaffCode(s)], NpgsqlDbType.Integer); else copy.WriteNull();
                    copy.Write(a.Source, NpgsqlDbType.Varchar);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                    copy.Write(a.Scored.Answers, NpgsqlDbType.Varchar);
                    if (a.Scored.Score is { } score) copy.Write(score, NpgsqlDbType.Double); else copy.WriteNull();
                    if (a.Scored.Trusts is { } t) copy.Write(t, NpgsqlDbType.Boolean); else copy.WriteNull();
                    copy.WriteNull();
                    copy.WriteNull();
                    copy.WriteNull();
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return watch.Elapsed;
    }
}
