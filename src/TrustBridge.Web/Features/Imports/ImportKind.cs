namespace TrustBridge.Web.Features.Imports;

/// <summary>What an import file holds.</summary>
public enum ImportKind { Departments, Staff, Patients, Encounters, Fhir }

/// <summary>How an import is run.</summary>
/// <param name="AllOrNothing">Any row error rejects the whole file and nothing is written.</param>
/// <param name="FileName">The uploaded file's name, recorded in the audit log.</param>
public sealed record ImportOptions(bool AllOrNothing = false, string? FileName = null, string? Source = null);

/// <summary>How far an import has read its file.</summary>
public sealed record ImportProgress(long BytesRead, long TotalBytes, long RowsRead);

public static class ImportKinds
{
    public static string Name(ImportKind kind) => kind switch
    {
        ImportKind.Departments => "departments",
        ImportKind.Staff => "staff",
        ImportKind.Patients => "patients",
        ImportKind.Encounters => "encounters",
        _ => "fhir",
    };

    public static ImportKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "departments" => ImportKind.Departments,
        "staff" => ImportKind.Staff,
        "patients" => ImportKind.Patients,
        "encounters" => ImportKind.Encounters,
        "fhir" => ImportKind.Fhir,
        _ => null,
    };
}
