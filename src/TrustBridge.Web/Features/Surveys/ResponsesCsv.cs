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

    public static IEnumerable<ResponseRow> Rows(CsvTable table, ResponseValidator validator, IReadOnlyList<CsvColumn> columns, ImportTally tally)
    {
        var itemColumns = columns.Skip(5).ToList();
        foreach (var cells in table.Rows())
        {
            tally.RowsRead++;
            var fields = new ResponseFields(cells[ResponseId], cells[EncounterDate], cells[DepartmentCode], cells[DoctorCode], cells[Source],
                itemColumns.ToDictionary(c => c.Name, c => cells[c], StringComparer.OrdinalIgnoreCase));
            if (validator.Check(fields, cells.Origin, cells.Problems) is { } row) yield return row;
            else tally.Reject("responses", cells.Problems);
        }
    }
}
