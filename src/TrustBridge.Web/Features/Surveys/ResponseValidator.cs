using System.Globalization;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// One imported answer sheet before it is checked, whatever the format: the CSV's cells or a FHIR
/// QuestionnaireResponse's elements, by the CSV's column names (response_id, encounter_date, department_code,
/// doctor_code, source, then item codes). Null where the file says nothing.
/// </summary>
public sealed record ResponseFields(string? Key, string? EncounterDate, string? DepartmentCode, string? DoctorCode, string? Source,
    IReadOnlyDictionary<string, string?> Answers);

/// <summary>
/// The one check of imported answers, shared by the CSV and FHIR imports so both report the same errors (column and
/// message) for the same bad data; they differ only in where the error points (CSV line, or bundle entry and id).
/// </summary>
public sealed class ResponseValidator(Instrument instrument, IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> staff, DateOnly today)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public Instrument Instrument => instrument;

    /// <summary>The row, or null with its problems added to <paramref name="problems"/>.</summary>
    public ResponseRow? Check(ResponseFields f, RowOrigin origin, List<ImportRowError> problems)
    {
        var before = problems.Count;
        void Problem(string column, string? value, string message) => problems.Add(origin.Error(column, value, message));

        var key = f.Key;
        if (key is null) Problem("response_id", null, "response_id is required.");
        else if (key.Length > 64) Problem("response_id", key, "response_id is at most 64 characters.");
        else if (!_seen.Add(key)) Problem("response_id", key, "This response_id appears earlier in the file.");

        DateOnly date = default;
        if (f.EncounterDate is null || !DateOnly.TryParseExact(f.EncounterDate, ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            Problem("encounter_date", f.EncounterDate, "encounter_date must be a real date written yyyy-MM-dd.");
        else if (date > today) Problem("encounter_date", f.EncounterDate, "encounter_date is in the future.");

        var deptId = 0;
        if (f.DepartmentCode is null || !departments.TryGetValue(f.DepartmentCode, out deptId)) Problem("department_code", f.DepartmentCode, "Unknown department code.");

        int? staffId = null;
        if (f.DoctorCode is { } doctor)
        {
            if (staff.TryGetValue(doctor, out var sid)) staffId = sid;
            else Problem("doctor_code", doctor, "Unknown staff code.");
        }

        var source = f.Source?.ToLowerInvariant() ?? ResponseSources.Import;
        if (!ResponseSources.All.Contains(source)) Problem("source", source, $"source must be one of {string.Join(", ", ResponseSources.All)}.");

        var (scored, errors) = ResponseScoring.Score(instrument, f.Answers);
        foreach (var (code, messages) in errors)
            foreach (var m in messages) Problem(ColumnOf(code), f.Answers.GetValueOrDefault(code), m);
        if (scored is not null && f.Answers.Values.All(v => v is null))
            Problem(instrument.Items.OrderBy(i => i.Position).First().Code, null, "The row answers no item.");

        return problems.Count > before ? null : new ResponseRow(origin.Line ?? origin.Entry ?? 0, key!, date, deptId, staffId, source, scored!);
    }

    /// <summary>An item's code as the instrument spells it (codes match case-insensitively).</summary>
    private string ColumnOf(string code) =>
        instrument.Items.FirstOrDefault(i => i.Code.Equals(code, StringComparison.OrdinalIgnoreCase))?.Code ?? code;
}
