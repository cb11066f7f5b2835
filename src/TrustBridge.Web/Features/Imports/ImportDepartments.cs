namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Upserts departments by code. A parent may come later in the same file, so rows are written parents first,
/// one level of the tree at a time; a parent that is neither in the file nor in the database rejects the row.
/// </summary>
public static class ImportDepartments
{
    private const string Type = "departments";

    public static async Task RunAsync(ImportSession s, IEnumerable<DepartmentRow> source, string type = Type, IReadOnlyCollection<string>? keep = null)
    {
        var rows = source.ToList();
        var inFile = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows) DepthOf(row, inFile, depth, []);

        var ids = await s.IdsByKeyAsync("departments", "code");
        var upsert = new BatchUpsert(s, "departments", "code", ["name", "kind", "parent_id", "active"], keep);
        foreach (var cycle in rows.Where(r => depth[r.Code] < 0))
            s.Tally.Reject(type, cycle.Origin.Error("parent_code", cycle.ParentCode, "The parent chain of this department loops back to it."));

        foreach (var level in rows.Where(r => depth[r.Code] >= 0).GroupBy(r => depth[r.Code]).OrderBy(g => g.Key))
        {
            foreach (var row in level)
            {
                int? parentId = null;
                if (row.ParentCode is { } parent)
                {
                    if (!ids.TryGetValue(parent, out var pid))
                    {
                        var why = inFile.ContainsKey(parent) ? $"Parent department {parent} was rejected." : $"Unknown parent department code: {parent}.";
                        s.Tally.Reject(type, row.Origin.Error("parent_code", parent, why));
                        continue;
                    }
                    parentId = pid;
                }
                await upsert.AddAsync([row.Code, row.Name, row.Kind, parentId, row.Active], ids.ContainsKey(row.Code));
            }
            await upsert.FlushAsync();
            ids = await s.IdsByKeyAsync("departments", "code");
        }
        s.Tally.Applied(type, upsert.Inserted, upsert.Updated, upsert.Unchanged);
    }

    /// <summary>0 for a root (or a parent outside the file), parent's depth + 1 otherwise, -1 inside a cycle.</summary>
    private static int DepthOf(DepartmentRow row, Dictionary<string, DepartmentRow> inFile, Dictionary<string, int> depth, HashSet<string> visiting)
    {
        if (depth.TryGetValue(row.Code, out var known)) return known;
        if (row.ParentCode is null || !inFile.TryGetValue(row.ParentCode, out var parent)) return depth[row.Code] = 0;
        if (!visiting.Add(row.Code)) return depth[row.Code] = -1;
        var p = DepthOf(parent, inFile, depth, visiting);
        return depth[row.Code] = p < 0 ? -1 : p + 1;
    }
}
