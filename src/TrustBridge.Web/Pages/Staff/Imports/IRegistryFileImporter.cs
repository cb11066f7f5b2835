namespace TrustBridge.Web.Pages.Staff.Imports;

/// <summary>What an uploaded HIS file holds.</summary>
public enum UploadKind { Departments, Staff, Patients, Encounters, Fhir }

public sealed record UploadRowError(int Line, string? Column, string Message);

/// <summary>The outcome of one upload, as the page shows it.</summary>
public sealed record UploadReport(int Inserted, int Updated, int Unchanged, int Rejected, IReadOnlyList<UploadRowError> Errors, bool NothingSaved)
{
    public int Total => Inserted + Updated + Unchanged + Rejected;
}

/// <summary>
/// The page's view of the registry importer (Features/Imports): the page depends on this small contract, and the
/// composition root registers an adapter over the importer. Until one is registered the page says imports are off.
/// </summary>
public interface IRegistryFileImporter
{
    Task<UploadReport> RunAsync(UploadKind kind, Stream content, string? charset, bool allOrNothing, CancellationToken ct);
}
