using System.Text;
using TrustBridge.Core.Text;

namespace TrustBridge.Web.Features.Imports;

/// <summary>A column of an import CSV: its name and the other headers hospitals use for it.</summary>
public sealed record CsvColumn(string Name, bool Required, params string[] Aliases)
{
    public bool Matches(string header) =>
        string.Equals(header, Name, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(header, a, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One data record of an import CSV, read by column.</summary>
public sealed class CsvCells(CsvTable table, CsvRecordReader reader)
{
    public int Line => reader.Line;
    public RowOrigin Origin => new(reader.Line);
    public List<ImportRowError> Problems { get; } = [];

    /// <summary>The trimmed cell, or null when the column is absent or the cell is empty.</summary>
    public string? this[CsvColumn column]
    {
        get
        {
            var i = table.IndexOf(column);
            if (i < 0 || i >= reader.Fields.Count) return null;
            var v = reader.Fields[i].Trim();
            return v.Length == 0 ? null : v;
        }
    }

    public void Problem(CsvColumn column, string? value, string message) => Problems.Add(Origin.Error(column.Name, value, message));
}

/// <summary>Reads the header of an import CSV, checks the required columns are there, then hands out records.</summary>
public sealed class CsvTable
{
    private readonly CsvRecordReader _reader;
    private readonly Dictionary<CsvColumn, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly Encoding _encoding;

    private CsvTable(CsvRecordReader reader, Encoding encoding)
    {
        _reader = reader;
        _encoding = encoding;
    }

    public int IndexOf(CsvColumn column) => _index.GetValueOrDefault(column, -1);

    /// <summary>
    /// The database columns of optional CSV columns this file does not have: an import keeps what is stored there
    /// (a staff file without a bio column does not erase the bios), while an empty cell in a present column clears it.
    /// </summary>
    public IReadOnlyCollection<string> Absent(params (CsvColumn Column, string[] DbColumns)[] optional) =>
        optional.Where(o => !_index.ContainsKey(o.Column)).SelectMany(o => o.DbColumns).ToHashSet(StringComparer.Ordinal);

    public static CsvTable Open(TextReader text, Encoding encoding, IReadOnlyList<CsvColumn> columns)
    {
        var table = new CsvTable(new CsvRecordReader(text), encoding);
        if (!table.Advance())
            throw ImportFileProblem.BadRequest("Empty file", "The file is empty: a header row and data rows are required.");
        var headers = table._reader.Fields.Select(h => h.Trim()).ToList();
        foreach (var column in columns)
        {
            var matches = headers.Select((h, i) => (h, i)).Where(x => column.Matches(x.h)).ToList();
            if (matches.Count > 1)
                throw ImportFileProblem.Unprocessable("Duplicate column", $"Column '{column.Name}' appears {matches.Count} times in the header.");
            if (matches.Count == 1) table._index[column] = matches[0].i;
        }
        var missing = columns.Where(c => c.Required && !table._index.ContainsKey(c)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw ImportFileProblem.Unprocessable("Missing columns",
                $"The header row lacks required column(s): {string.Join(", ", missing)}. Expected: {string.Join(",", columns.Select(c => c.Name))}.");
        return table;
    }

    /// <summary>The data records in file order. A malformed record or undecodable bytes stop the import.</summary>
    public IEnumerable<CsvCells> Rows()
    {
        while (Advance())
        {
            var cells = new CsvCells(this, _reader);
            yield return cells;
        }
    }

    private bool Advance()
    {
        try { return _reader.Read(); }
        catch (CsvFormatException e)
        {
            throw ImportFileProblem.Unprocessable("Malformed CSV", $"Malformed CSV at line {e.Line}: {e.Reason}");
        }
        catch (DecoderFallbackException)
        {
            throw ImportFileProblem.Unprocessable("Undecodable bytes",
                $"The file contains bytes that are not valid {ImportText.NameOf(_encoding)} (after line {_reader.Line}). Name the file's charset, e.g. Content-Type: text/csv; charset=gb18030.");
        }
    }
}
