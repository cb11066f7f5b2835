using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Imports;

/// <summary>encounters.csv: his_id,mrn,type,department_code,attending_staff_code,started_at,ended_at,discharge_disposition.</summary>
public static class EncountersCsv
{
    public static readonly CsvColumn HisId = new("his_id", true, "就诊流水号", "就诊号", "流水号");
    public static readonly CsvColumn Mrn = new("mrn", true, "病案号", "病历号", "ID号", "患者编号");
    public static readonly CsvColumn Type = new("type", true, "就诊类型", "类型");
    public static readonly CsvColumn DepartmentCode = new("department_code", true, "科室编码", "就诊科室编码");
    public static readonly CsvColumn AttendingStaffCode = new("attending_staff_code", false, "医生工号", "主治医生工号", "接诊医生工号");
    public static readonly CsvColumn StartedAt = new("started_at", true, "开始时间", "就诊时间", "入院时间");
    public static readonly CsvColumn EndedAt = new("ended_at", false, "结束时间", "出院时间");
    public static readonly CsvColumn DischargeDisposition = new("discharge_disposition", false, "离院方式", "出院方式");
    public static readonly CsvColumn[] Columns = [HisId, Mrn, Type, DepartmentCode, AttendingStaffCode, StartedAt, EndedAt, DischargeDisposition];

    public static IReadOnlyCollection<string> Kept(CsvTable t) => t.Absent((AttendingStaffCode, ["attending_staff_id"]),
        (EndedAt, ["ended_at"]), (DischargeDisposition, ["discharge_disposition"]));

    public static IEnumerable<EncounterRow> Rows(CsvTable table, ImportTally tally, HospitalClock clock)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var local = new LocalTimeCache(clock);
        foreach (var row in table.Rows())
        {
            tally.RowsRead++;
            var hisId = row.Text(HisId, 64, required: true);
            var mrn = row.Text(Mrn, 32, required: true);
            var type = row.Code(Type, HisValues.EncounterType, "outpatient, inpatient, emergency (门诊/住院/急诊)");
            var dept = row.Text(DepartmentCode, 32, required: true);
            var staff = row.Text(AttendingStaffCode, 32);
            var started = Time(row, StartedAt, local);
            var ended = Time(row, EndedAt, local);
            var disposition = row.Code(DischargeDisposition, HisValues.Disposition, "home, transfer, against-advice, died, other");
            if (row[StartedAt] is null) row.Problem(StartedAt, null, "started_at is required.");
            if (started is { } s && ended is { } e && e < s) row.Problem(EndedAt, row[EndedAt], "ended_at is before started_at.");
            if (hisId is not null && row.Problems.Count == 0) row.FirstOccurrence(HisId, hisId, seen);
            if (row.Problems.Count > 0) { tally.Reject(ImportKinds.Name(ImportKind.Encounters), row.Problems); continue; }
            yield return new EncounterRow(row.Origin, hisId!, mrn!, type!, dept!, staff, started!.Value, ended, disposition);
        }
    }

    private static DateTime? Time(CsvCells row, CsvColumn column, LocalTimeCache local)
    {
        var v = row[column];
        if (v is null) return null;
        if (HisValues.TryTime(v, local, out var utc)) return utc;
        row.Problem(column, v, $"{column.Name} is not a real date and time (yyyy-MM-dd HH:mm[:ss] hospital time, or ISO 8601 with offset).");
        return null;
    }
}
