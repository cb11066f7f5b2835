using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TrustBridge.Core.Text;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Imports one HIS export (CSV of departments, staff, patients or encounters, or a FHIR R4 bundle) in ONE transaction:
/// valid rows are upserted on their natural key and rejected rows reported, or, all-or-nothing, any rejected row
/// rolls everything back. A file-level problem throws <see cref="ImportFileProblem"/> and writes nothing.
/// The API, the CLI and the import page all call this.
/// </summary>
public sealed class ImportRegistryFile(TrustDbContext db, DatabaseOptions database, HospitalClock clock, PatientIdentifierProtector protector, AuditLog audit)
{
    public async Task<ImportReport> RunAsync(ImportKind kind, Stream content, string? charset, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using var spool = content.CanSeek ? null : await SpoolAsync(content, ct);
        var file = spool ?? content;
        var tally = new ImportTally();
        var encoding = kind == ImportKind.Fhir ? null : ImportText.Choose(file, charset);
        if (kind == ImportKind.Fhir && charset is not null && CharsetDetector.FromName(charset) is not { CodePage: 65001 })
            throw ImportFileProblem.UnsupportedCharset(charset);
        await using var input = new ProgressStream(file, progress, tally);

        // The first encryption may create the Data Protection key, which is stored in the database: do it before the
        // import's transaction holds the SQLite write lock.
        if (kind is ImportKind.Patients or ImportKind.Fhir) protector.ProtectMobile("13800000000");

        bool applied;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
            var session = new ImportSession(db.Database.GetDbConnection(), tx.GetDbTransaction(), database.IsPostgres,
                AuditLog.TruncateToMicroseconds(clock.UtcNow), tally, clock, protector, ct);
            await ReadAndWriteAsync(kind, session, input, encoding, options);
            applied = !(options.AllOrNothing && tally.RejectedRows > 0);
            if (applied)
            {
                await audit.RecordAsync(AuditActions.Imported, ImportKinds.Name(kind), options.FileName, AuditDetail(tally, options, true), ct);
                await tx.CommitAsync(ct);
            }
            else await tx.RollbackAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (!applied) await audit.RecordAsync(AuditActions.Imported, ImportKinds.Name(kind), options.FileName, AuditDetail(tally, options, false), ct);
        return Report(kind, tally, applied, watch.Elapsed.TotalSeconds);
    }

    private async Task ReadAndWriteAsync(ImportKind kind, ImportSession s, Stream input, System.Text.Encoding? encoding, ImportOptions options)
    {
        if (kind == ImportKind.Fhir)
        {
            await ImportFhirBundle.RunAsync(s, input, options.Source);
            return;
        }
        using var text = ImportText.Reader(input, encoding!);
        switch (kind)
        {
            case ImportKind.Departments:
                var departments = CsvTable.Open(text, encoding!, DepartmentsCsv.Columns);
                await ImportDepartments.RunAsync(s, DepartmentsCsv.Rows(departments, s.Tally), keep: DepartmentsCsv.Kept(departments));
                break;
            case ImportKind.Staff:
                var staff = CsvTable.Open(text, encoding!, StaffCsv.Columns);
                await ImportStaff.RunAsync(s, StaffCsv.Rows(staff, s.Tally), keep: StaffCsv.Kept(staff));
                break;
            case ImportKind.Patients:
                var patients = CsvTable.Open(text, encoding!, PatientsCsv.Columns);
                await ImportPatients.RunAsync(s, PatientsCsv.Rows(patients, s.Tally, clock.Today), keep: PatientsCsv.Kept(patients));
                break;
            default:
                var encounters = CsvTable.Open(text, encoding!, EncountersCsv.Columns);
                await ImportEncounters.RunAsync(s, EncountersCsv.Rows(encounters, s.Tally, clock), keep: EncountersCsv.Kept(encounters));
                break;
        }
    }

    private static object AuditDetail(ImportTally t, ImportOptions o, bool applied)
    {
        var (inserted, updated, unchanged) = t.Totals();
        return new { file = o.FileName, applied, o.AllOrNothing, inserted, updated, unchanged, rejected = t.RejectedRows, skipped = t.Skipped.Count > 0 ? t.Skipped : null };
    }

    private static ImportReport Report(ImportKind kind, ImportTally t, bool applied, double seconds)
    {
        var (inserted, updated, unchanged) = applied ? t.Totals() : (0, 0, 0);
        return new ImportReport(ImportKinds.Name(kind), applied, inserted, updated, unchanged, t.RejectedRows,
            kind == ImportKind.Fhir ? t.Skipped : null, kind == ImportKind.Fhir && applied ? t.ByType() : null,
            t.Errors, t.TotalErrors, Math.Round(seconds, 3));
    }

    /// <summary>A forward-only upload is copied to a temporary file first: the charset check reads the file twice.</summary>
    public static async Task<FileStream> SpoolAsync(Stream content, CancellationToken ct, long maxBytes = long.MaxValue)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                if (spool.Length + read > maxBytes) throw ImportFileProblem.TooLarge(maxBytes);
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
