namespace TrustBridge.Web.Features.Imports;

/// <summary>The checks every import CSV applies to its cells; each failed check becomes a row error.</summary>
public static class CsvCellRules
{
    public static string? Text(this CsvCells row, CsvColumn column, int maxLength, bool required = false)
    {
        var v = row[column];
        if (v is null)
        {
            if (required) row.Problem(column, null, $"{column.Name} is required.");
            return null;
        }
        if (v.Length > maxLength) { row.Problem(column, v, $"{column.Name} is longer than {maxLength} characters."); return null; }
        if (v.Contains('\0')) { row.Problem(column, v.Replace('\0', ' '), $"{column.Name} contains a NUL character."); return null; }
        return v;
    }

    public static DateOnly? Date(this CsvCells row, CsvColumn column)
    {
        var v = row[column];
        if (v is null) return null;
        if (HisValues.TryDate(v, out var d)) return d;
        row.Problem(column, v, $"{column.Name} is not a real date (expected yyyy-MM-dd).");
        return null;
    }

    public static bool Flag(this CsvCells row, CsvColumn column, bool whenEmpty)
    {
        var v = row[column];
        if (v is null) return whenEmpty;
        if (HisValues.Flag(v) is { } b) return b;
        row.Problem(column, v, $"{column.Name} must be true or false (1/0, 是/否).");
        return whenEmpty;
    }

    public static string? Code(this CsvCells row, CsvColumn column, Func<string?, string?> map, string allowed, string? whenEmpty = null)
    {
        var v = row[column];
        if (v is null)
        {
            if (whenEmpty is null && column.Required) row.Problem(column, null, $"{column.Name} is required ({allowed}).");
            return whenEmpty;
        }
        var mapped = map(v);
        if (mapped is null) row.Problem(column, v, $"{column.Name} must be one of {allowed}.");
        return mapped;
    }

    /// <summary>The natural key must be unique within one file; the second occurrence is rejected.</summary>
    public static bool FirstOccurrence(this CsvCells row, CsvColumn column, string key, Dictionary<string, int> seen)
    {
        if (seen.TryAdd(key, row.Line)) return true;
        row.Problem(column, key, $"Duplicate {column.Name} in the file (first on line {seen[key]}).");
        return false;
    }
}
