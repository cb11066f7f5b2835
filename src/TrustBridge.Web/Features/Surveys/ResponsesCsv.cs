using System.Globalization;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>One valid row of a survey-answers CSV, scored.</summary>
public sealed record ResponseRow(int Line, string Key, DateOnly EncounterDate, int DepartmentId, int? StaffId, string Source, ScoredAnswers Scored);

/// <summary>
/// Columns of an answers CSV: response_id, encounter_date, department_code, doctor_code, source, then one column per
/// item code of the instrument (MEASUREMENT.md). Rows are checked and scored here; bad rows are reported by line.
/// </summary>
public static class ResponsesCsv
{
    public static readonly CsvColumn ResponseId = new("response_id", true, "答卷编号");
    public static readonly CsvColumn EncounterDate = new("encounter_date", true, "就诊日期");
    public static readonly CsvColumn DepartmentCode = new("department_code", true, "科室编码");
    public static readonly CsvColumn DoctorCode = new("doctor_code", false, "医生工号");
    public static readonly CsvColumn Source = new("source", false, "来源");

    public static List<CsvColumn> Columns(Instrument instrument) =>
        [ResponseId, EncounterDate, DepartmentCode, DoctorCode, Source, .. instrument.Items.OrderBy(i => i.Position).Select(i => new CsvColumn(i.Code, false))];

    public static IEnumerable<ResponseRow> Rows(CsvTable table, Instrument instrument, IReadOnlyList<CsvColumn> columns, ImportTally tally,
        IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> staff, DateOnly today)
    {
        var itemColumns = columns.Skip(5).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cells in table.Rows())
        {
            tally.RowsRead++;
            var key = cells[ResponseId];
            if (key is null) cells.Problem(ResponseId, null, "response_id is required.");
            else if (key.Length > 64) cells.Problem(ResponseId, key, "response_id is at most 64 characters.");
            else if (!seen.Add(key)) cells.Problem(ResponseId, key, "This response_id appears earlier in the file.");

            var dateText = cells[EncounterDate];
            DateOnly date = default;
            if (dateText is null || !DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                cells.Problem(EncounterDate, dateText, "encounter_date must be a real date written yyyy-MM-dd.");
            else if (date > today) cells.Problem(EncounterDate, dateText, "encounter_date is in the future.");

            var deptCode = cells[DepartmentCode];
            var deptId = 0;
            if (deptCode is null || !departments.TryGetValue(deptCode, out deptId)) cells.Problem(DepartmentCode, deptCode, "Unknown department code.");

            int? staffId = null;
            if (cells[DoctorCode] is { } doctor)
            {
                if (staff.TryGetValue(doctor, out var sid)) staffId = sid;
                else cells.Problem(DoctorCode, doctor, "Unknown staff code.");
            }

            var source = cells[Source]?.ToLowerInvariant() ?? ResponseSources.Import;
            if (!ResponseSources.All.Contains(source)) cells.Problem(Source, source, $"source must be one of {string.Join(", ", ResponseSources.All)}.");

            var raw = itemColumns.ToDictionary(c => c.Name, c => cells[c], StringComparer.OrdinalIgnoreCase);
            var (scored, errors) = ResponseScoring.Score(instrument, raw);
            foreach (var (code, messages) in errors)
                foreach (var m in messages) cells.Problem(itemColumns.First(c => c.Name.Equals(code, StringComparison.OrdinalIgnoreCase)), raw.GetValueOrDefault(code), m);
            if (scored is not null && raw.Values.All(v => v is null)) cells.Problem(itemColumns[0], null, "The row answers no item.");

            if (cells.Problems.Count > 0)
            {
                tally.Reject("responses", cells.Problems);
                continue;
            }
            yield return new ResponseRow(cells.Line, key!, date, deptId, staffId, source, scored!);
        }
    }
}
