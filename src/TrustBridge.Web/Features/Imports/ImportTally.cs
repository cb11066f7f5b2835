namespace TrustBridge.Web.Features.Imports;

/// <summary>Counts what an import does, per record type, and keeps the first row errors.</summary>
public sealed class ImportTally(int maxErrors = ImportTally.DefaultMaxErrors)
{
    public const int DefaultMaxErrors = 1000;
    private readonly List<ImportRowError> _errors = [];
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    public int TotalErrors { get; private set; }
    public int RejectedRows { get; private set; }
    public IReadOnlyList<ImportRowError> Errors => _errors;
    public IReadOnlyDictionary<string, int> Skipped => _skipped;
    public long RowsRead { get; set; }

    /// <summary>Rejects one row for one or more reasons.</summary>
    public void Reject(string type, IEnumerable<ImportRowError> problems)
    {
        var any = false;
        foreach (var p in problems)
        {
            any = true;
            TotalErrors++;
            if (_errors.Count < maxErrors) _errors.Add(p);
        }
        if (!any) return;
        RejectedRows++;
        Counts(type)[3]++;
    }

    public void Reject(string type, ImportRowError problem) => Reject(type, [problem]);

    public void Applied(string type, int inserted, int updated, int unchanged)
    {
        var c = Counts(type);
        c[0] += inserted;
        c[1] += updated;
        c[2] += unchanged;
    }

    public void Skip(string resourceType) => _skipped[resourceType] = _skipped.GetValueOrDefault(resourceType) + 1;

    public IReadOnlyDictionary<string, ImportCounts> ByType() =>
        _counts.ToDictionary(kv => kv.Key, kv => new ImportCounts(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]));

    public (int Inserted, int Updated, int Unchanged) Totals() =>
        (_counts.Values.Sum(c => c[0]), _counts.Values.Sum(c => c[1]), _counts.Values.Sum(c => c[2]));

    private int[] Counts(string type)
    {
        if (!_counts.TryGetValue(type, out var c)) _counts[type] = c = new int[4];
        return c;
    }
}
