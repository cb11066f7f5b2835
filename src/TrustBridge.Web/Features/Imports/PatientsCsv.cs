using TrustBridge.Core.Privacy;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Imports;

/// <summary>patients.csv: mrn,name,gender,birth_date,mobile,id_number,deceased_on,survey_opt_out.</summary>
public static class PatientsCsv
{
    public static readonly CsvColumn Mrn = new("mrn", true, "病案号", "病历号", "ID号", "患者编号");
    public static readonly CsvColumn Name = new("name", true, "姓名", "患者姓名");
    public static readonly CsvColumn Gender = new("gender", false, "性别");
    public static readonly CsvColumn BirthDate = new("birth_date", false, "出生日期");
    public static readonly CsvColumn Mobile = new("mobile", false, "手机号", "手机", "联系电话");
    public static readonly CsvColumn IdNumber = new("id_number", false, "身份证号", "证件号码");
    public static readonly CsvColumn DeceasedOn = new("deceased_on", false, "死亡日期");
    public static readonly CsvColumn SurveyOptOut = new("survey_opt_out", false, "拒绝调查", "不参与调查");
    public static readonly CsvColumn[] Columns = [Mrn, Name, Gender, BirthDate, Mobile, IdNumber, DeceasedOn, SurveyOptOut];

    public static IReadOnlyCollection<string> Kept(CsvTable t) => t.Absent((Gender, ["gender"]), (BirthDate, ["birth_date"]),
        (Mobile, ["mobile_encrypted", "mobile_masked"]), (IdNumber, ["id_number_encrypted", "id_number_masked"]),
        (DeceasedOn, ["deceased_on"]), (SurveyOptOut, ["survey_opt_out"]));

    public static IEnumerable<PatientRow> Rows(CsvTable table, ImportTally tally, DateOnly today)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            tally.RowsRead++;
            var mrn = row.Text(Mrn, 32, required: true);
            var name = row.Text(Name, 64, required: true);
            var gender = row.Code(Gender, HisValues.Gender, "male, female, unknown (男/女)", Genders.Unknown);
            var birth = row.Date(BirthDate);
            var deceased = row.Date(DeceasedOn);
            var optOut = row.Flag(SurveyOptOut, false);
            var rawMobile = row[Mobile];
            var mobile = ChineseMobile.Normalize(rawMobile);
            if (rawMobile is not null && mobile is null) row.Problem(Mobile, rawMobile, "Not a valid mainland China mobile number (11 digits starting 13–19).");
            var rawId = row[IdNumber];
            var id = ChineseIdNumber.Normalize(rawId);
            if (rawId is not null && id is null) row.Problem(IdNumber, rawId, "Not a valid resident identity number (length, birth date or check digit wrong).");
            if (birth > today) row.Problem(BirthDate, row[BirthDate], "birth_date is in the future.");
            if (deceased < birth) row.Problem(DeceasedOn, row[DeceasedOn], "deceased_on is before birth_date.");
            if (mrn is not null && row.Problems.Count == 0) row.FirstOccurrence(Mrn, mrn, seen);
            if (row.Problems.Count > 0) { tally.Reject(ImportKinds.Name(ImportKind.Patients), row.Problems); continue; }
            yield return new PatientRow(row.Origin, mrn!, name!, gender!, birth, mobile, id, deceased, optOut);
        }
    }
}
