using Npgsql;
using NpgsqlTypes;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// PostgreSQL: rows stream into a temporary table by binary COPY, then one INSERT … SELECT … ON CONFLICT moves them;
/// RETURNING (xmax = 0) tells the inserted rows from the updated ones, and unchanged rows are not touched.
/// </summary>
public sealed class PostgresEncounterCopy : IEncounterWriter
{
    private readonly ImportSession _s;
    private NpgsqlBinaryImporter? _copy;
    private int _rows;

    private PostgresEncounterCopy(ImportSession s, NpgsqlBinaryImporter copy)
    {
        _s = s;
        _copy = copy;
    }

    public static async Task<PostgresEncounterCopy> StartAsync(ImportSession s)
    {
        await using (var create = s.Command("""
            CREATE TEMP TABLE import_encounters (his_id text NOT NULL, patient_id integer NOT NULL, type text NOT NULL,
                department_id integer NOT NULL, attending_staff_id integer, started_at timestamptz NOT NULL,
                ended_at timestamptz, discharge_disposition text) ON COMMIT DROP
            """))
            await create.ExecuteNonQueryAsync(s.Ct);
        var conn = (NpgsqlConnection)s.Connection;
        var copy = await conn.BeginBinaryImportAsync(
            "COPY import_encounters (his_id, patient_id, type, department_id, attending_staff_id, started_at, ended_at, discharge_disposition) FROM STDIN (FORMAT BINARY)", s.Ct);
        return new PostgresEncounterCopy(s, copy);
    }

    public ValueTask AddAsync(EncounterRow row, int patientId, int departmentId, int? staffId)
    {
        var c = _copy!;
        c.StartRow();
        c.Write(row.HisId, NpgsqlDbType.Text);
        c.Write(patientId, NpgsqlDbType.Integer);
        c.Write(row.Type, NpgsqlDbType.Text);
        c.Write(departmentId, NpgsqlDbType.Integer);
        if (staffId is { } sid) c.Write(sid, NpgsqlDbType.Integer); else c.WriteNull();
        c.Write(row.StartedAt, NpgsqlDbType.TimestampTz);
        if (row.EndedAt is { } ended) c.Write(ended, NpgsqlDbType.TimestampTz); else c.WriteNull();
        if (row.DischargeDisposition is { } d) c.Write(d, NpgsqlDbType.Text); else c.WriteNull();
        _rows++;
        return ValueTask.CompletedTask;
    }

    public async Task<(int Inserted, int Updated, int Unchanged)> CompleteAsync()
    {
        await _copy!.CompleteAsync(_s.Ct);
        await _copy.DisposeAsync();
        _copy = null;
        var columns = IEncounterWriter.Columns;
        await using var cmd = _s.Command($"""
            WITH up AS (
                INSERT INTO encounters (his_id, {string.Join(", ", columns)}, created_at, updated_at)
                SELECT his_id, {string.Join(", ", columns)}, @now, @now FROM import_encounters
                ON CONFLICT (his_id) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}, updated_at = excluded.updated_at
                WHERE {BatchUpsert.DiffersClause(true, "encounters", columns)}
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """);
        ImportSession.Add(cmd, "@now", _s.Now);
        await using var r = await cmd.ExecuteReaderAsync(_s.Ct);
        await r.ReadAsync(_s.Ct);
        var inserted = (int)r.GetInt64(0);
        var updated = (int)r.GetInt64(1);
        return (inserted, updated, _rows - inserted - updated);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null) await _copy.DisposeAsync();
    }
}
