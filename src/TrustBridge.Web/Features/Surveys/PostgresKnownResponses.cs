using Npgsql;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// PostgreSQL: answers whose response_id is already stored are buffered, COPYed into a temporary table and applied
/// with one <c>UPDATE … FROM … WHERE (the answer differs)</c> per buffer (as for encounters, ADR 003), so a re-import
/// costs a few statements instead of a round trip per row, and unchanged answers are not touched. The UPDATE's row
/// count is the number updated; the rest of the buffer is unchanged.
/// </summary>
public sealed class PostgresKnownResponses(ImportSession s, int instrumentId)
{
    private const int RowsPerUpdate = 200_000;
    private static readonly string[] Compared = ["instrument_id", "encounter_date", "department_id", "staff_id", "source", "answers", "comment"];
    private static readonly string[] Set = ["instrument_id", "encounter_date", "department_id", "staff_id", "source", "answers", "score", "trusts", "recommend", "overall", "comment"];

    private readonly List<ResponseRow> _buffer = [];
    private bool _staged;

    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    public async Task AddAsync(ResponseRow row)
    {
        _buffer.Add(row);
        if (_buffer.Count >= RowsPerUpdate) await FlushAsync();
    }

    public async Task FlushAsync()
    {
        if (_buffer.Count == 0) return;
        var stage = _staged
            ? "TRUNCATE import_responses"
            : """
              CREATE TEMP TABLE import_responses (response_key text NOT NULL, instrument_id integer NOT NULL, encounter_date date NOT NULL,
                  department_id integer NOT NULL, staff_id integer, source text NOT NULL, answers text NOT NULL, score double precision,
                  trusts boolean, recommend integer, overall integer, comment text) ON COMMIT DROP
              """;
        _staged = true;
        await using (var cmd = s.Command(stage))
            await cmd.ExecuteNonQueryAsync(s.Ct);
        await using (var copy = await ((NpgsqlConnection)s.Connection).BeginBinaryImportAsync(
            $"COPY import_responses (response_key, {string.Join(", ", Set)}) FROM STDIN (FORMAT BINARY)", s.Ct))
        {
            foreach (var row in _buffer) await ResponseCopyRow.WriteAsync(copy, row, instrumentId, null, s.Ct);
            await copy.CompleteAsync(s.Ct);
        }
        await using (var analyze = s.Command("ANALYZE import_responses"))
            await analyze.ExecuteNonQueryAsync(s.Ct);
        await using var update = s.Command($"""
            UPDATE survey_responses SET {string.Join(", ", Set.Select(c => $"{c} = i.{c}"))}
            FROM import_responses i
            WHERE survey_responses.response_key = i.response_key
              AND ({string.Join(", ", Compared.Select(c => $"survey_responses.{c}"))}) IS DISTINCT FROM ({string.Join(", ", Compared.Select(c => $"i.{c}"))})
            """);
        var updated = await update.ExecuteNonQueryAsync(s.Ct);
        Updated += updated;
        Unchanged += _buffer.Count - updated;
        _buffer.Clear();
    }
}
