namespace TrustBridge.Web.Features.Imports;

/// <summary>Upserts staff by code; the department must already exist (or come earlier in the same FHIR bundle).</summary>
public static class ImportStaff
{
    private const string Type = "staff";

    public static async Task RunAsync(ImportSession s, IEnumerable<StaffRow> rows, string type = Type, IReadOnlyCollection<string>? keep = null)
    {
        var departments = await s.IdsByKeyAsync("departments", "code");
        var existing = await s.IdsByKeyAsync("staff", "code");
        var upsert = new BatchUpsert(s, "staff", "code", ["name", "title", "department_id", "licence_number", "specialties", "bio", "active"], keep);
        foreach (var row in rows)
        {
            int? departmentId = null;
            if (row.DepartmentCode is { } code)
            {
                if (!departments.TryGetValue(code, out var id))
                {
                    s.Tally.Reject(type, row.Origin.Error("department_code", code, $"Unknown department code: {code}."));
                    continue;
                }
                departmentId = id;
            }
            await upsert.AddAsync([row.Code, row.Name, row.Title, departmentId, row.LicenceNumber, row.Specialties, row.Bio, row.Active], existing.ContainsKey(row.Code));
        }
        await upsert.FlushAsync();
        s.Tally.Applied(type, upsert.Inserted, upsert.Updated, upsert.Unchanged);
    }
}
