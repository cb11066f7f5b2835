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
/// a stored key's per-row upsert never runs while a COPY is open on the connection. The insert trigger of
/// trust_daily_sums is paused meanwhile (on SQLite it runs per row, on PostgreSQL once per 10,000-row COPY, upserting
/// nearly as many keys each time); the sums of the new rows are added up here and written once at the end
/// (<see cref="FinishAsync"/>), in the same transaction. The import is the only writer of survey_responses while it
/// runs (SQLite: BEGIN IMMEDIATE; PostgreSQL: SHARE ROW EXCLUSIVE) and its pause row is invisible to everyone else.
/// </summary>
public sealed class NewResponsesWriter(ImportSession s, int instrumentId) : IAsyncDisposable
{
    private static readonly string[] Columns =
        ["response_key", "instrument_id", "encounter_date", "department_id", "staff_id", "source", "submitted_at", "answers", "score", "trusts", "recommend", "overall", "comment"];

    private readonly int _chunk = s.IsPostgres ? 10_000 : BatchUpsert.SqliteRowsPerStatement;
    private readonly List<ResponseRow> _buffer = [];
    private DbCommand? _fullInsert;
    private bool _paused;
    private readonly Dictionary<(DateOnly Date, int Department, string Source), (int N, int Trusting, double Sum, double SumOfSquares)> _sums = [];

    public int Inserted { get; private set; }

    public async Task AddAsync(ResponseRow row)
    {
        _buffer.Add(row);
        if (_buffer.Count >= _chunk) await FlushAsync();
    }

    /// <summary>Writes what is buffered, adds the new answers' daily sums and lifts the trigger's pause.</summary>
    public async Task FinishAsync()
    {
        await FlushAsync();
        if (!_paused) return;
        if (s.IsPostgres) await AddSumsPostgresAsync();
        else await AddSumsSqliteAsync();
        await using (var resume = s.Command("DELETE FROM trust_daily_sums_paused"))
            await resume.ExecuteNonQueryAsync(s.Ct);
        _paused = false;
        _sums.Clear();
    }

    /// <summary>In process, so one prepared upsert per day, department and source costs no round trips.</summary>
    private async Task AddSumsSqliteAsync()
    {
        await using var add = s.Command("""
            INSERT INTO trust_daily_sums (instrument_id, encounter_date, department_id, source, n, n_trusting, sum_score, sum_score_sq)
            VALUES (@i, @d, @dep, @src, @n, @t, @s, @s2)
            ON CONFLICT (instrument_id, encounter_date, department_id, source) DO UPDATE SET
                n = n + excluded.n, n_trusting = n_trusting + excluded.n_trusting,
                sum_score = sum_score + excluded.sum_score, sum_score_sq = sum_score_sq + excluded.sum_score_sq
            """);
        var p = new[] { "@i", "@d", "@dep", "@src", "@n", "@t", "@s", "@s2" }.Select(n => add.AddParameter(n, null)).ToArray();
        foreach (var ((date, department, source), sums) in _sums)
        {
            p[0].Value = instrumentId;
            p[1].Value = date;
            p[2].Value = department;
            p[3].Value = source;
            p[4].Value = sums.N;
            p[5].Value = sums.Trusting;
            p[6].Value = sums.Sum;
            p[7].Value = sums.SumOfSquares;
            await add.ExecuteNonQueryAsync(s.Ct);
        }
    }

    /// <summary>One statement over arrays, rows in key order (the lock order of the statement-level triggers).</summary>
    private async Task AddSumsPostgresAsync()
    {
        var rows = _sums.OrderBy(x => x.Key.Date).ThenBy(x => x.Key.Department).ThenBy(x => x.Key.Source, StringComparer.Ordinal).ToList();
        await using var add = s.Command("""
            INSERT INTO trust_daily_sums AS t (instrument_id, encounter_date, department_id, source, n, n_trusting, sum_score, sum_score_sq)
            SELECT @i, d, dep, src, n, tr, s, s2 FROM unnest(@d, @dep, @src, @n, @t, @s, @s2) AS u(d, dep, src, n, tr, s, s2)
            ON CONFLICT (instrument_id, encounter_date, department_id, source) DO UPDATE SET
                n = t.n + excluded.n, n_trusting = t.n_trusting + excluded.n_trusting,
                sum_score = t.sum_score + excluded.sum_score, sum_score_sq = t.sum_score_sq + excluded.sum_score_sq
            """);
        add.AddParameter("@i", instrumentId);
        add.AddParameter("@d", rows.Select(x => x.Key.Date).ToArray());
        add.AddParameter("@dep", rows.Select(x => x.Key.Department).ToArray());
        add.AddParameter("@src", rows.Select(x => x.Key.Source).ToArray());
        add.AddParameter("@n", rows.Select(x => x.Value.N).ToArray());
        add.AddParameter("@t", rows.Select(x => x.Value.Trusting).ToArray());
        add.AddParameter("@s", rows.Select(x => x.Value.Sum).ToArray());
        add.AddParameter("@s2", rows.Select(x => x.Value.SumOfSquares).ToArray());
        await add.ExecuteNonQueryAsync(s.Ct);
    }

    private async Task PauseAsync()
    {
        await using var pause = s.Command("INSERT INTO trust_daily_sums_paused (id) VALUES (1)");
        await pause.ExecuteNonQueryAsync(s.Ct);
        _paused = true;
    }

    private void Count(ResponseRow row)
    {
        if (row.Scored.Score is not { } score) return;
        var key = (row.EncounterDate, row.DepartmentId, row.Source);
        var (n, trusting, sum, squares) = _sums.GetValueOrDefault(key);
        _sums[key] = (n + 1, trusting + (row.Scored.Trusts == true ? 1 : 0), sum + score, squares + score * score);
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
        if (!_paused) await PauseAsync();
        foreach (var row in _buffer) Count(row);
        await using var copy = await ((NpgsqlConnection)s.Connection).BeginBinaryImportAsync(
            $"COPY survey_responses ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", s.Ct);
        foreach (var row in _buffer) await ResponseCopyRow.WriteAsync(copy, row, instrumentId, s.Now, s.Ct);
        await copy.CompleteAsync(s.Ct);
    }

    private async Task InsertAsync()
    {
        if (!_paused) await PauseAsync();
        var full = _buffer.Count == _chunk;
        var cmd = full ? _fullInsert ??= Build(_chunk) : Build(_buffer.Count);
        try
        {
            var i = 0;
            foreach (var row in _buffer)
            {
                Count(row);
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
