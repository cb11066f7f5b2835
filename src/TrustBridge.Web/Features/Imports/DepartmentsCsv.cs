namespace TrustBridge.Web.Features.Imports;

/// <summary>departments.csv: code,name,kind,parent_code,active.</summary>
public static class DepartmentsCsv
{
    public static readonly CsvColumn Code = new("code", true, "科室编码", "科室代码", "编码");
    public static readonly CsvColumn Name = new("name", true, "科室名称", "名称");
    public static readonly CsvColumn Kind = new("kind", false, "科室类别", "类别");
    public static readonly CsvColumn ParentCode = new("parent_code", false, "上级科室编码", "上级编码");
    public static readonly CsvColumn Active = new("active", false, "是否有效", "有效");
    public static readonly CsvColumn[] Columns = [Code, Name, Kind, ParentCode, Active];

    public static IReadOnlyCollection<string> Kept(CsvTable t) => t.Absent((Kind, ["kind"]), (ParentCode, ["parent_id"]), (Active, ["active"]));

    public static IEnumerable<DepartmentRow> Rows(CsvTable table, ImportTally tally)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            tally.RowsRead++;
            var code = row.Text(Code, 32, required: true);
            var name = row.Text(Name, 100, required: true);
            var kind = row.Code(Kind, HisValues.DepartmentKind, "clinical, medtech, admin", Domain.DepartmentKinds.Clinical);
            var parent = row.Text(ParentCode, 32);
            var active = row.Flag(Active, true);
            if (code is not null && parent == code) row.Problem(ParentCode, parent, "A department cannot be its own parent.");
            if (code is not null && row.Problems.Count == 0) row.FirstOccurrence(Code, code, seen);
            if (row.Problems.Count > 0) { tally.Reject(ImportKinds.Name(ImportKind.Departments), row.Problems); continue; }
            yield return new DepartmentRow(row.Origin, code!, name!, kind!, parent, active);
        }
    }
}
