using System.Threading.Channels;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Upserts encounters by HIS id, streaming: patients, departments and staff are looked up in dictionaries loaded
/// once, and rows go to the database in batches (PostgreSQL: binary COPY, see <see cref="PostgresEncounterCopy"/>).
/// Reading the file runs on its own thread, a few thousand rows ahead of the database writes, so parsing and
/// validation overlap with the database's work instead of adding to it.
/// </summary>
public static class ImportEncounters
{
    private const string Type = "encounters";
    private const int RowsPerHandOver = 2_000;

    private readonly record struct Resolved(EncounterRow Row, int PatientId, int DepartmentId, int? StaffId);

    public static async Task RunAsync(ImportSession s, IEnumerable<EncounterRow> rows, string type = Type, IReadOnlyCollection<string>? keep = null)
    {
        var patients = await s.IdsByKeyAsync("patients", "mrn");
        var departments = await s.IdsByKeyAsync("departments", "code");
        var staff = await s.IdsByKeyAsync("staff", "code");
        await using IEncounterWriter writer = s.IsPostgres ? await PostgresEncounterCopy.StartAsync(s, keep) : await SqliteEncounterUpsert.StartAsync(s, keep);

        var handOver = Channel.CreateBounded<List<Resolved>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(s.Ct);
        var reading = Task.Run(async () =>
        {
            try
            {
                var batch = new List<Resolved>(RowsPerHandOver);
                foreach (var row in rows)
                {
                    stopReading.Token.ThrowIfCancellationRequested();
                    if (Resolve(s, type, row, patients, departments, staff) is not { } resolved) continue;
                    batch.Add(resolved);
                    if (batch.Count < RowsPerHandOver) continue;
                    await handOver.Writer.WriteAsync(batch, stopReading.Token);
                    batch = new List<Resolved>(RowsPerHandOver);
                }
                if (batch.Count > 0) await handOver.Writer.WriteAsync(batch, stopReading.Token);
            }
            finally
            {
                handOver.Writer.TryComplete();
            }
        }, stopReading.Token);

        try
        {
            await foreach (var batch in handOver.Reader.ReadAllAsync(s.Ct))
                foreach (var r in batch)
                    await writer.AddAsync(r.Row, r.PatientId, r.DepartmentId, r.StaffId);
        }
        catch
        {
            await stopReading.CancelAsync();
            try { await reading; } catch (OperationCanceledException) { }
            throw;
        }
        await reading; // a file-level problem found by the reader surfaces here, before anything is completed
        var (inserted, updated, unchanged) = await writer.CompleteAsync();
        s.Tally.Applied(type, inserted, updated, unchanged);
    }

    private static Resolved? Resolve(ImportSession s, string type, EncounterRow row,
        Dictionary<string, int> patients, Dictionary<string, int> departments, Dictionary<string, int> staff)
    {
        if (!patients.TryGetValue(row.Mrn, out var patientId))
        {
            s.Tally.Reject(type, row.Origin.Error("mrn", row.Mrn, $"Unknown patient MRN: {row.Mrn}."));
            return null;
        }
        if (!departments.TryGetValue(row.DepartmentCode, out var departmentId))
        {
            s.Tally.Reject(type, row.Origin.Error("department_code", row.DepartmentCode, $"Unknown department code: {row.DepartmentCode}."));
            return null;
        }
        int? staffId = null;
        if (row.AttendingStaffCode is { } code)
        {
            if (!staff.TryGetValue(code, out var sid))
            {
                s.Tally.Reject(type, row.Origin.Error("attending_staff_code", code, $"Unknown staff code: {code}."));
                return null;
            }
            staffId = sid;
        }
        return new Resolved(row, patientId, departmentId, staffId);
    }
}

/// <summary>Where resolved encounter rows go.</summary>
public interface IEncounterWriter : IAsyncDisposable
{
    static readonly string[] Columns = ["patient_id", "type", "department_id", "attending_staff_id", "started_at", "ended_at", "discharge_disposition"];

    ValueTask AddAsync(EncounterRow row, int patientId, int departmentId, int? staffId);
    Task<(int Inserted, int Updated, int Unchanged)> CompleteAsync();
}

/// <summary>SQLite: multi-row upserts; HIS ids already stored are known up front to tell inserts from updates.</summary>
public sealed class SqliteEncounterUpsert : IEncounterWriter
{
    private readonly BatchUpsert _upsert;
    private readonly HashSet<string> _stored;

    private SqliteEncounterUpsert(ImportSession s, HashSet<string> stored, IReadOnlyCollection<string>? keep)
    {
        _upsert = new BatchUpsert(s, "encounters", "his_id", IEncounterWriter.Columns, keep);
        _stored = stored;
    }

    public static async Task<SqliteEncounterUpsert> StartAsync(ImportSession s, IReadOnlyCollection<string>? keep)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = s.Command("SELECT his_id FROM encounters");
        await using var r = await cmd.ExecuteReaderAsync(s.Ct);
        while (await r.ReadAsync(s.Ct)) stored.Add(r.GetString(0));
        return new SqliteEncounterUpsert(s, stored, keep);
    }

    public async ValueTask AddAsync(EncounterRow row, int patientId, int departmentId, int? staffId) =>
        await _upsert.AddAsync([row.HisId, patientId, row.Type, departmentId, staffId, row.StartedAt, row.EndedAt, row.DischargeDisposition], _stored.Contains(row.HisId));

    public async Task<(int Inserted, int Updated, int Unchanged)> CompleteAsync()
    {
        await _upsert.FlushAsync();
        return (_upsert.Inserted, _upsert.Updated, _upsert.Unchanged);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
