namespace TrustBridge.Web.Features.Imports;

/// <summary>staff.csv: code,name,title,department_code,licence_number,specialties,bio,active.</summary>
public static class StaffCsv
{
    public static readonly CsvColumn Code = new("code", true, "工号", "人员编码", "职工编码");
    public static readonly CsvColumn Name = new("name", true, "姓名");
    public static readonly CsvColumn Title = new("title", false, "职称");
    public static readonly CsvColumn DepartmentCode = new("department_code", false, "科室编码", "所属科室编码");
    public static readonly CsvColumn LicenceNumber = new("licence_number", false, "license_number", "执业证书编码", "执业证号");
    public static readonly CsvColumn Specialties = new("specialties", false, "专长", "擅长");
    public static readonly CsvColumn Bio = new("bio", false, "简介");
    public static readonly CsvColumn Active = new("active", false, "是否在职", "有效");
    public static readonly CsvColumn[] Columns = [Code, Name, Title, DepartmentCode, LicenceNumber, Specialties, Bio, Active];

    public static IReadOnlyCollection<string> Kept(CsvTable t) => t.Absent((Title, ["title"]), (DepartmentCode, ["department_id"]),
        (LicenceNumber, ["licence_number"]), (Specialties, ["specialties"]), (Bio, ["bio"]), (Active, ["active"]));

    public static IEnumerable<StaffRow> Rows(CsvTable table, ImportTally tally)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            tally.RowsRead++;
            var code = row.Text(Code, 32, required: true);
            var name = row.Text(Name, 64, required: true);
            var title = row.Text(Title, 32);
            var dept = row.Text(DepartmentCode, 32);
            var licence = row.Text(LicenceNumber, 32);
            var specialties = row.Text(Specialties, 500);
            var bio = row.Text(Bio, 4000);
            var active = row.Flag(Active, true);
            if (code is not null && row.Problems.Count == 0) row.FirstOccurrence(Code, code, seen);
            if (row.Problems.Count > 0) { tally.Reject(ImportKinds.Name(ImportKind.Staff), row.Problems); continue; }
            yield return new StaffRow(row.Origin, code!, name!, title, dept, licence, specialties, bio, active);
        }
    }
}
