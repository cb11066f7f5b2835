namespace TrustBridge.Web.Pages.Staff.Imports;

/// <summary>What an uploaded HIS file holds.</summary>
public enum UploadKind { Departments, Staff, Patients, Encounters, Fhir }

/// <summary>One rejected row: the CSV line (header = 1), or for FHIR the entry index and resource id.</summary>
public sealed record UploadRowError(int? Line, string? Column, string? Value, string Message, int? Entry = null, string? ResourceId = null);

/// <summary>The outcome of one upload, as the page shows it. Errors may be the first few of TotalErrors.</summary>
public sealed record UploadReport(int Inserted, int Updated, int Unchanged, int Rejected, IReadOnlyList<UploadRowError> Errors, int TotalErrors, bool NothingSaved)
{
    public int Total => Inserted + Updated + Unchanged + Rejected;
}

/// <summary>The file as a whole cannot be imported (unreadable, wrong columns, unsupported charset); nothing was written.</summary>
public sealed class UploadFileProblem(string message) : Exception(message);

/// <summary>
/// The page's view of the registry importer (Features/Imports): the page depends on this small contract, and the
/// composition root registers an adapter over the importer. Until one is registered the page says imports are off.
/// </summary>
public interface IRegistryFileImporter
{
    Task<UploadReport> RunAsync(UploadKind kind, Stream content, string? charset, bool allOrNothing, string? fileName, CancellationToken ct);
}
