namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Imports a FHIR R4 Bundle, parsed by the Firely SDK: Organization → departments, Practitioner (+ PractitionerRole)
/// → staff, Patient → patients, Encounter → encounters, written in that order in the import's one transaction. Other
/// resource types are skipped and counted; each entry that cannot be mapped is reported with its index and resource id.
/// </summary>
public static class ImportFhirBundle
{
    public static async Task RunAsync(ImportSession s, Stream input, string? source)
    {
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, s.Ct);
        var (resource, issues) = FhirBundle.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var bundle = FhirBundle.From(resource, issues, source);
        foreach (var e in bundle.Entries.Where(e => e.Type is not ("Organization" or "Practitioner" or "PractitionerRole" or "Patient" or "Encounter")))
            s.Tally.Skip(e.Type);
        s.Tally.RowsRead = bundle.Entries.Count;
        var fhir = new FhirRegistryMapping(bundle, s.Tally, s.Clock);
        // FHIR says nothing of a department's kind or a doctor's biography: keep what TrustBridge has.
        await ImportDepartments.RunAsync(s, fhir.Departments().ToList(), "Organization", keep: ["kind"]);
        // A Practitioner without a PractitionerRole in the bundle keeps the department and specialties stored for it.
        var staff = fhir.Staff().ToList();
        await ImportStaff.RunAsync(s, staff.Where(r => r.HasRole).Select(r => r.Row).ToList(), "Practitioner", keep: ["bio"]);
        await ImportStaff.RunAsync(s, staff.Where(r => !r.HasRole).Select(r => r.Row).ToList(), "Practitioner", keep: ["bio", "department_id", "specialties"]);
        await ImportPatients.RunAsync(s, fhir.Patients().ToList(), "Patient", absentIdentifiersKept: true);
        await ImportEncounters.RunAsync(s, fhir.Encounters().ToList(), "Encounter");
    }
}
