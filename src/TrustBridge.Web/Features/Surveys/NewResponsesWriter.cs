using System.Data.Common;
using System.Text;
using Npgsql;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// Writes answers whose response_id is not stored yet (ADR 003, as for encounters): binary COPY on PostgreSQL (the
/// import holds SHARE ROW EXCLUSIVE on survey_responses, so no other writer adds a key meanwhile) and multi-row
/// INSERTs on SQLite (the import's BEGIN IMMEDIATE holds the write lock). Rows are buffered and written in chunks so
/// a stored key's per-row upsert never runs while a COPY is open on the connection. On SQLite the per-row trigger of
/// trust_daily_sums is paused while the new rows go in and their sums are added in one GROUP BY at the end
/// (<see cref="FinishAsync"/>), in the same transaction; PostgreSQL's statement-level trigger sums each COPY itself.
/// </summary>
public sealed class NewResponsesWriter(ImportSession s, int instrumentId) : IAsyncDisposable
{
    private static readonly string[] Columns =
        ["response_key", "instrument_id", "encounter_date", "department_id", "staff_id", "source", "submitted_at", "answers", "score", "trusts", "recommend", "overall", "comment"];

    private readonly int _chunk = s.IsPostgres ? 10_000 : BatchUpsert.SqliteRowsPerStatement;
    private readonly List<ResponseRow> _buffer = [];
    private DbCommand? _fullInsert;
    private long? _pausedAbove;

    public int Inserted { get; private set; }

    public async Task AddAsync(ResponseRow row)
    {
        _buffer.Add(row);
        if (_buffer.Count >= _chunk) await FlushAsync();
    }

    /// <summary>Writes what is buffered and, on SQLite, adds the new answers' daily sums and lifts the trigger's pause.</summary>
    public async Task FinishAsync()
    {
        await FlushAsync();
        if (_pausedAbove is not { } above) return;
        await using (var add = s.Command(AddDailySums))
        {
            add.AddParameter("@above", above);
            await add.ExecuteNonQueryAsync(s.Ct);
        }
        await using (var resume = s.Command("DELETE FROM trust_daily_sums_paused"))
            await resume.ExecuteNonQueryAsync(s.Ct);
        _pausedAbove = null;
    }

    /// <summary>
    /// The sums of the answers inserted while paused: ids above the largest before the pause (AUTOINCREMENT never
    /// reuses one). None of them is updated before this runs: a response_id appears once in a file and the stored keys
    /// were read before the import began.
    /// </summary>
    private const string AddDailySums = """
        INSERT INTO trust_daily_sums (instrument_id, encounter_date, department_id, source, n, n_trusting, sum_score, sum_score_sq)
        SELECT instrument_id, encounter_date, department_id, source, count(*), sum(CASE WHEN trusts THEN 1 ELSE 0 END), sum(score), sum(score * score)
        FROM survey_responses WHERE id > @above AND score IS NOT NULL
        GROUP BY instrument_id, encounter_date, department_id, source
        ON CONFLICT (instrument_id, encounter_date, department_id, source) DO UPDATE SET
            n = n + excluded.n, n_trusting = n_trusting + excluded.n_trusting,
            sum_score = sum_score + excluded.sum_score, sum_score_sq = sum_score_sq + excluded.sum_score_sq
        """;

    private async Task PauseAsync()
    {
        await using (var max = s.Command("SELECT coalesce(max(id), 0) FROM survey_responses"))
            _pausedAbove = Convert.ToInt64(await max.ExecuteScalarAsync(s.Ct), System.Globalization.CultureInfo.InvariantCulture);
        await using var pause = s.Command("INSERT INTO trust_daily_sums_paused (id) VALUES (1)");
        await pause.ExecuteNonQueryAsync(s.Ct);
    }

    public async Task FlushAsync()
    {
        if (_buffer.Count == 0) return;
        if (s.IsPostgres) await CopyAsync();
        else await InsertAsync();
        Inserted += _buffer.Count;
        _buffer.Clear();
    }

    private async Task CopyAsync()
    {
        await using var copy = await ((NpgsqlConnection)s.Connection).BeginBinaryImportAsync(
            $"COPY survey_responses ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", s.Ct);
        foreach (var row in _buffer) await ResponseCopyRow.WriteAsync(copy, row, instrumentId, s.Now, s.Ct);
        await copy.CompleteAsync(s.Ct);
    }

    private async Task InsertAsync()
    {
        if (_pausedAbove is null) await PauseAsync();
        var full = _buffer.Count == _chunk;
        var cmd = full ? _fullInsert ??= Build(_chunk) : Build(_buffer.Count);
        try
        {
            var i = 0;
            foreach (var row in _buffer)
            {
                cmd.Parameters[i++].Value = row.Key;
                cmd.Parameters[i++].Value = instrumentId;
                cmd.Parameters[i++].Value = row.EncounterDate;
                cmd.Parameters[i++].Value = row.DepartmentId;
                cmd.Parameters[i++].Value = (object?)row.StaffId ?? DBNull.Value;
                cmd.Parameters[i++].Value = row.Source;
                cmd.Parameters[i++].Value = s.Now;
                cmd.Parameters[i++].Value = row.Scored.Answers;
                cmd.Parameters[i++].Value = (object?)row.Scored.Score ?? DBNull.Value;
                cmd.Parameters[i++].Value = (object?)row.Scored.Trusts ?? DBNull.Value;
                cmd.Parameters[i++].Value = (object?)row.Scored.Recommend ?? DBNull.Value;
                cmd.Parameters[i++].Value = (object?)row.Scored.Overall ?? DBNull.Value;
                cmd.Parameters[i++].Value = (object?)row.Scored.Comment ?? DBNull.Value;
            }
            await cmd.ExecuteNonQueryAsync(s.Ct);
        }
        finally
        {
            if (!full) await cmd.DisposeAsync();
        }
    }

    private DbCommand Build(int rows)
    {
        var cmd = s.Command("");
        var sql = new StringBuilder($"INSERT INTO survey_responses ({string.Join(", ", Columns)}) VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = "@p" + p++;
                sql.Append(c == 0 ? "" : ", ").Append(name);
                cmd.AddParameter(name, null);
            }
            sql.Append(')');
        }
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    public async ValueTask DisposeAsync()
    {
        if (_fullInsert is not null) await _fullInsert.DisposeAsync();
    }
}
