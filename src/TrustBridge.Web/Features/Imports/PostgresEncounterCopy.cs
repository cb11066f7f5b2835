using Npgsql;
using NpgsqlTypes;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// PostgreSQL: the import locks encounters against other writers (SHARE ROW EXCLUSIVE: readers go on, a second import
/// waits), loads the HIS ids already stored, and then binary-COPYs new encounters straight into the table, the same
/// cost as a raw COPY. Rows whose HIS id is already stored are buffered, COPYed into a temporary table and applied
/// with one <c>UPDATE … FROM … WHERE (the row differs)</c> per buffer, so unchanged rows are not touched.
/// </summary>
public sealed class PostgresEncounterCopy : IEncounterWriter
{
    /// <summary>Each UPDATE … FROM joins the whole encounters table once, so few large passes beat many small ones.</summary>
    private const int KnownRowsPerUpdate = 200_000;
    private static readonly string ColumnList = string.Join(", ", IEncounterWriter.Columns);

    private readonly ImportSession _s;
    private readonly HashSet<string> _stored;
    private readonly string[] _updatedColumns;
    private readonly List<(EncounterRow Row, int PatientId, int DepartmentId, int? StaffId)> _known = [];
    private NpgsqlBinaryImporter? _direct;
    private int _inserted, _updated, _unchanged;

    private PostgresEncounterCopy(ImportSession s, HashSet<string> stored, IReadOnlyCollection<string>? keep)
    {
        _s = s;
        _stored = stored;
        _updatedColumns = IEncounterWriter.Columns.Where(c => keep?.Contains(c) != true).ToArray();
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)_s.Connection;

    public static async Task<PostgresEncounterCopy> StartAsync(ImportSession s, IReadOnlyCollection<string>? keep)
    {
        await using (var lockAndStage = s.Command("""
            LOCK TABLE encounters IN SHARE ROW EXCLUSIVE MODE;
            CREATE TEMP TABLE import_encounters (his_id text NOT NULL, patient_id integer NOT NULL, type text NOT NULL,
                department_id integer NOT NULL, attending_staff_id integer, started_at timestamptz NOT NULL,
                ended_at timestamptz, discharge_disposition text) ON COMMIT DROP;
            """))
            await lockAndStage.ExecuteNonQueryAsync(s.Ct);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = s.Command("SELECT his_id FROM encounters"))
        await using (var r = await cmd.ExecuteReaderAsync(s.Ct))
            while (await r.ReadAsync(s.Ct)) stored.Add(r.GetString(0));
        return new PostgresEncounterCopy(s, stored, keep);
    }

    public async ValueTask AddAsync(EncounterRow row, int patientId, int departmentId, int? staffId)
    {
        if (_stored.Contains(row.HisId))
        {
            _known.Add((row, patientId, departmentId, staffId));
            if (_known.Count >= KnownRowsPerUpdate) await ApplyKnownAsync();
            return;
        }
        _direct ??= await Connection.BeginBinaryImportAsync(
            $"COPY encounters (his_id, {ColumnList}, created_at, updated_at) FROM STDIN (FORMAT BINARY)", _s.Ct);
        Write(_direct, row, patientId, departmentId, staffId);
        _direct.Write(_s.Now, NpgsqlDbType.TimestampTz);
        _direct.Write(_s.Now, NpgsqlDbType.TimestampTz);
        _inserted++;
    }

    public async Task<(int Inserted, int Updated, int Unchanged)> CompleteAsync()
    {
        await ApplyKnownAsync();
        await EndDirectCopyAsync();
        return (_inserted, _updated, _unchanged);
    }

    private async Task ApplyKnownAsync()
    {
        if (_known.Count == 0) return;
        await EndDirectCopyAsync(); // one COPY at a time on a connection
        await using (var truncate = _s.Command("TRUNCATE import_encounters"))
            await truncate.ExecuteNonQueryAsync(_s.Ct);
        await using (var copy = await Connection.BeginBinaryImportAsync($"COPY import_encounters (his_id, {ColumnList}) FROM STDIN (FORMAT BINARY)", _s.Ct))
        {
            foreach (var (row, patientId, departmentId, staffId) in _known) Write(copy, row, patientId, departmentId, staffId);
            await copy.CompleteAsync(_s.Ct);
        }
        await using (var analyze = _s.Command("ANALYZE import_encounters"))
            await analyze.ExecuteNonQueryAsync(_s.Ct);
        var columns = _updatedColumns;
        await using var update = _s.Command($"""
            UPDATE encounters SET {string.Join(", ", columns.Select(c => $"{c} = i.{c}"))}, updated_at = @now
            FROM import_encounters i
            WHERE encounters.his_id = i.his_id
              AND ({string.Join(", ", columns.Select(c => $"encounters.{c}"))}) IS DISTINCT FROM ({string.Join(", ", columns.Select(c => $"i.{c}"))})
            """);
        update.AddParameter("@now", _s.Now);
        var updated = await update.ExecuteNonQueryAsync(_s.Ct);
        _updated += updated;
        _unchanged += _known.Count - updated;
        _known.Clear();
    }

    private async Task EndDirectCopyAsync()
    {
        if (_direct is null) return;
        await _direct.CompleteAsync(_s.Ct);
        await _direct.DisposeAsync();
        _direct = null;
    }

    private static void Write(NpgsqlBinaryImporter c, EncounterRow row, int patientId, int departmentId, int? staffId)
    {
        c.StartRow();
        c.Write(row.HisId, NpgsqlDbType.Text);
        c.Write(patientId, NpgsqlDbType.Integer);
        c.Write(row.Type, NpgsqlDbType.Text);
        c.Write(departmentId, NpgsqlDbType.Integer);
        if (staffId is { } sid) c.Write(sid, NpgsqlDbType.Integer); else c.WriteNull();
        c.Write(row.StartedAt, NpgsqlDbType.TimestampTz);
        if (row.EndedAt is { } ended) c.Write(ended, NpgsqlDbType.TimestampTz); else c.WriteNull();
        if (row.DischargeDisposition is { } d) c.Write(d, NpgsqlDbType.Text); else c.WriteNull();
    }

    public async ValueTask DisposeAsync()
    {
        if (_direct is not null) await _direct.DisposeAsync();
    }
}
