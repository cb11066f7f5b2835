using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Pages.Staff.Imports;

/// <summary>The import page's uploads go through the same importer as the API and the CLI.</summary>
public sealed class RegistryFileImporter(ImportRegistryFile import) : IRegistryFileImporter
{
    public async Task<UploadReport> RunAsync(UploadKind kind, Stream content, string? charset, bool allOrNothing, string? fileName, CancellationToken ct)
    {
        try
        {
            var r = await import.RunAsync(ToImportKind(kind), content, charset, new ImportOptions(allOrNothing, fileName), null, ct);
            return new UploadReport(r.Inserted, r.Updated, r.Unchanged, r.Rejected,
                r.Errors.Select(e => new UploadRowError(e.Line, e.Column, e.Value, e.Message, e.Entry, e.ResourceId)).ToList(),
                r.TotalErrors, NothingSaved: !r.Applied);
        }
        catch (ImportFileProblem problem)
        {
            throw new UploadFileProblem(problem.Message);
        }
    }

    private static ImportKind ToImportKind(UploadKind kind) => kind switch
    {
        UploadKind.Departments => ImportKind.Departments,
        UploadKind.Staff => ImportKind.Staff,
        UploadKind.Patients => ImportKind.Patients,
        UploadKind.Encounters => ImportKind.Encounters,
        _ => ImportKind.Fhir,
    };
}
