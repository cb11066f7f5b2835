using System.Text.Json.Serialization;

namespace TrustBridge.Web.Features.Imports;

/// <summary>One rejected row: the physical line of the CSV (header = 1) or the FHIR entry index and resource id.</summary>
public sealed record ImportRowError(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    string? Column,
    string? Value,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Entry = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResourceId = null);

/// <summary>Counts of one resource type in a FHIR bundle.</summary>
public sealed record ImportCounts(int Inserted, int Updated, int Unchanged, int Rejected);

/// <summary>What an import did. When <see cref="Applied"/> is false nothing was written (all-or-nothing and a row failed).</summary>
public sealed record ImportReport(
    string Kind,
    bool Applied,
    int Inserted,
    int Updated,
    int Unchanged,
    int Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? Skipped,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, ImportCounts>? Resources,
    IReadOnlyList<ImportRowError> Errors,
    int TotalErrors,
    double Seconds);
