using System.Globalization;
using System.Text;
using TrustBridge.Core.Privacy;

namespace TrustBridge.Bench;

/// <summary>One encounter of the synthetic export, kept in memory so the raw baseline inserts exactly the same rows.</summary>
public readonly record struct SyntheticEncounter(string HisId, int Patient, string Type, int Department, int? Staff,
    DateTime StartedLocal, DateTime? EndedLocal, string? Disposition);

/// <summary>
/// A deterministic synthetic HIS export (same seed, same files): 40 departments in two levels, 800 staff, one patient
/// per ten encounters (at least 100) with valid mobiles and identity numbers, and the encounters themselves.
/// </summary>
public sealed class SyntheticHisExport
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
    private static readonly string[] Wards = ["内科", "外科", "妇产科", "儿科", "急诊医学科", "医技部", "中医科", "康复医学科"];
    private static readonly string[] Specialities = ["心血管", "呼吸", "消化", "神经", "肾脏", "普通", "骨", "泌尿"];

    public required string Folder { get; init; }
    public int Departments { get; } = 40;
    public int Staff { get; } = 800;
    public int Patients { get; init; }
    public required SyntheticEncounter[] Encounters { get; init; }

    public string DepartmentsCsv => Path.Combine(Folder, "departments.csv");
    public string StaffCsv => Path.Combine(Folder, "staff.csv");
    public string PatientsCsv => Path.Combine(Folder, "patients.csv");
    public string EncountersCsv => Path.Combine(Folder, "encounters.csv");

    public static string DepartmentCode(int i) => $"D{i:D3}";
    public static string StaffCode(int i) => $"S{i:D5}";
    public static string Mrn(int i) => $"M{i:D8}";

    public static SyntheticHisExport Generate(string folder, int encounters, int seed = 20261122)
    {
        var random = new Random(seed);
        var patients = Math.Max(100, encounters / 10);
        var export = new SyntheticHisExport { Folder = folder, Patients = patients, Encounters = new SyntheticEncounter[encounters] };
        Directory.CreateDirectory(folder);

        using (var w = Writer(export.DepartmentsCsv))
        {
            w.Write("code,name,kind,parent_code,active\n");
            for (var i = 0; i < export.Departments; i++)
            {
                var top = i < Wards.Length;
                var parent = top ? "" : DepartmentCode(i % Wards.Length);
                var name = top ? Wards[i] : $"{Specialities[i % Specialities.Length]}{Wards[i % Wards.Length]}{i / Wards.Length}病区";
                w.Write($"{DepartmentCode(i)},{name},{(i % Wards.Length == 5 ? "medtech" : "clinical")},{parent},1\n");
            }
        }
        using (var w = Writer(export.StaffCsv))
        {
            w.Write("code,name,title,department_code,licence_number,specialties,bio,active\n");
            for (var i = 0; i < export.Staff; i++)
                w.Write($"{StaffCode(i)},{Name(random)},主治医师,{DepartmentCode(8 + i % 32)},1101{i:D11},{Specialities[i % Specialities.Length]},,1\n");
        }
        using (var w = Writer(export.PatientsCsv))
        {
            w.Write("mrn,name,gender,birth_date,mobile,id_number,deceased_on,survey_opt_out\n");
            for (var i = 0; i < patients; i++)
            {
                var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 80 * 365));
                var mobile = $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}";
                var id17 = $"110105{birth:yyyyMMdd}{random.Next(0, 1000):D3}";
                var id = id17 + ChineseIdNumber.CheckCharacter(id17);
                w.Write($"{Mrn(i)},{Name(random)},{(i % 2 == 0 ? "男" : "女")},{birth:yyyy-MM-dd},{mobile},{id},,{(i % 50 == 0 ? 1 : 0)}\n");
            }
        }
        using (var w = Writer(export.EncountersCsv))
        {
            w.Write("his_id,mrn,type,department_code,attending_staff_code,started_at,ended_at,discharge_disposition\n");
            var origin = new DateTime(2024, 1, 1, 7, 0, 0);
            for (var i = 0; i < encounters; i++)
            {
                var roll = random.Next(100);
                var type = roll < 80 ? "outpatient" : roll < 95 ? "inpatient" : "emergency";
                var started = origin.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
                DateTime? ended = type == "inpatient" ? started.AddHours(random.Next(24, 24 * 14)) : random.Next(2) == 0 ? started.AddMinutes(random.Next(5, 120)) : null;
                var disposition = type == "inpatient" ? (random.Next(200) == 0 ? "died" : "home") : null;
                var staff = random.Next(10) == 0 ? (int?)null : random.Next(export.Staff);
                var e = new SyntheticEncounter($"H{i:D9}", random.Next(patients), type, 8 + random.Next(32), staff, started, ended, disposition);
                export.Encounters[i] = e;
                w.Write(e.HisId); w.Write(','); w.Write(Mrn(e.Patient)); w.Write(','); w.Write(e.Type); w.Write(',');
                w.Write(DepartmentCode(e.Department)); w.Write(','); w.Write(e.Staff is { } s ? StaffCode(s) : ""); w.Write(',');
                w.Write(e.StartedLocal.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)); w.Write(',');
                w.Write(e.EndedLocal?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)); w.Write(',');
                w.Write(e.Disposition); w.Write('\n');
            }
        }
        return export;
    }

    private static string Name(Random r) => Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)];

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16);
}
