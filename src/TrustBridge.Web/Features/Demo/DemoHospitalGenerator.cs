using TrustBridge.Core.Privacy;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Demo;

public sealed record DemoStaff(string Code, string Name, string Gender, string Title, int DepartmentIndex, bool Attends,
    string? LicenceNumber, string Specialties, string Bio);

public sealed class DemoPatient
{
    public required string Mrn { get; init; }
    public required string Name { get; init; }
    public required string Gender { get; init; }
    public DateOnly BirthDate { get; init; }
    public string? Mobile { get; init; }
    public string? IdNumber { get; init; }
    public bool SurveyOptOut { get; init; }
    public DateOnly? DeceasedOn { get; set; }
}

public struct DemoEncounter
{
    public int PatientIndex;
    public int DepartmentIndex;
    public int StaffIndex;
    public string Type;
    public DateTime StartedAt;
    public DateTime? EndedAt;
    public string? DischargeDisposition;

    public readonly string HisId(long id, DateOnly localDay) =>
        (Type == EncounterTypes.Outpatient ? "MZ" : Type == EncounterTypes.Inpatient ? "ZY" : "JZ") + localDay.ToString("yyyyMMdd") + id.ToString("D7");
}

public sealed record DemoHospital(
    IReadOnlyList<DemoDepartment> Departments, IReadOnlyList<DemoStaff> Staff, IReadOnlyList<DemoPatient> Patients, DemoEncounter[] Encounters);

/// <summary>
/// Makes the whole demo hospital in memory from one seeded random stream, so the same seed and the same "today"
/// give the same rows. Encounters fall in the two years before today (hospital time), thinner at weekends and around
/// the Spring Festival, and respiratory and paediatric departments fill up in winter.
/// </summary>
public sealed class DemoHospitalGenerator(int seed, HospitalClock clock)
{
    private const int Days = 730;
    private readonly Random _random = new(seed);
    private readonly DateOnly _today = clock.Today;

    // Spring Festival (除夕 + 1): outpatient clinics thin out for about a week around it.
    private static readonly DateOnly[] SpringFestivals =
        [new(2023, 1, 22), new(2024, 2, 10), new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 3)];

    private static readonly string[] Schools =
        ["北京协和医学院", "复旦大学上海医学院", "中山大学中山医学院", "四川大学华西临床医学院", "浙江大学医学院", "中南大学湘雅医学院",
         "华中科技大学同济医学院", "南京医科大学", "山东大学齐鲁医学院", "首都医科大学", "武汉大学医学部", "苏州大学医学部", "重庆医科大学"];

    private static readonly string[] NursingSkills = ["专科护理", "健康宣教", "静脉治疗", "伤口造口护理", "危重症护理", "延续护理", "护理质量管理"];

    // Real county-level codes (北京东城, 上海黄浦, 广州天河, 南京玄武, 杭州西湖, 武汉武昌, 成都武侯, 济南历下, 长沙岳麓, 郑州金水…).
    private static readonly string[] Regions =
        ["110101", "310101", "440106", "320102", "330106", "420106", "510107", "370102", "430104", "410105", "320583", "350203", "610113", "500103", "130102"];

    public DemoHospital Generate(DemoSize size)
    {
        var departments = DemoDepartments.All;
        var names = new ChineseNameGenerator(_random);
        var staff = GenerateStaff(departments, names);
        var patients = new List<DemoPatient>(size.Patients);
        var homes = new int[size.Patients];
        var clinical = Enumerable.Range(0, departments.Count).Where(i => departments[i].HasEncounters).ToArray();
        var volume = ChineseNameGenerator.CumulativeOf(clinical.Select(i => departments[i].Mix!.Volume));
        for (var i = 0; i < size.Patients; i++)
        {
            homes[i] = clinical[ChineseNameGenerator.Pick(volume, _random.NextDouble())];
            patients.Add(GeneratePatient(i, departments[homes[i]].Mix!, names));
        }
        var encounters = GenerateEncounters(size, departments, staff, patients, homes, clinical, volume);
        RecordDeaths(departments, patients, encounters);
        return new DemoHospital(departments, staff, patients, encounters);
    }

    private List<DemoStaff> GenerateStaff(IReadOnlyList<DemoDepartment> departments, ChineseNameGenerator names)
    {
        var staff = new List<DemoStaff>();
        for (var d = 0; d < departments.Count; d++)
        {
            var dept = departments[d];
            var surgical = dept.ParentCode == "WKXT";
            var femaleDoctors = dept.ParentCode == "FCK" ? 0.85 : surgical ? 0.25 : 0.5;
            for (var i = 0; i < dept.Physicians; i++)
            {
                var title = PhysicianTitle(dept, i);
                var gender = _random.NextDouble() < femaleDoctors ? Genders.Female : Genders.Male;
                var age = AgeFor(title);
                var name = dept.Code == DemoDepartments.CardiologyCode && i == 1
                    ? "张" + names.GivenName(gender, _today.Year - age) // the demo clinician login is Dr Zhang of cardiology
                    : names.Name(gender, _today.Year - age);
                var picks = Pick(dept.Specialties, Math.Min(dept.Specialties.Length, 1 + _random.Next(3)));
                var bio = Bio(dept, name, title, age, picks, head: i == 0);
                staff.Add(new DemoStaff(StaffCode(staff.Count), name, gender, title, d,
                    Attends: dept.HasEncounters, Licence(dept, title), string.Join("、", picks), bio));
            }
            for (var i = 0; i < dept.Nurses; i++)
            {
                var title = i == 0 ? (_random.NextDouble() < 0.4 ? "主任护师" : "副主任护师") : Weighted(("主管护师", 0.4), ("护师", 0.35), ("护士", 0.25));
                var gender = _random.NextDouble() < 0.95 ? Genders.Female : Genders.Male;
                var age = AgeFor(title);
                var name = names.Name(gender, _today.Year - age);
                var skills = Pick(NursingSkills, 2);
                var role = i == 0 && dept.Kind == DepartmentKinds.Clinical ? "护士长，" : "";
                var bio = $"{name}，{role}{title}，从事{dept.Name}护理工作{Math.Max(1, age - 22)}年，擅长{string.Join("、", skills)}。";
                staff.Add(new DemoStaff(StaffCode(staff.Count), name, gender, title, d, Attends: false,
                    $"{_today.Year - _random.Next(1, 15)}3201{_random.Next(10000):D4}", string.Join("、", skills), bio));
            }
        }
        return staff;
    }

    private static string StaffCode(int index) => (10001 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string PhysicianTitle(DemoDepartment dept, int i)
    {
        if (dept.Kind == DepartmentKinds.Admin)
            return i == 0 ? "主任" : i == 1 ? "副主任" : "科员";
        var (chief, deputy, attending, junior) = dept.Code switch
        {
            "JYK" => ("主任技师", "副主任技师", "主管技师", "技师"),
            "YXB" => ("主任药师", "副主任药师", "主管药师", "药师"),
            _ => ("主任医师", "副主任医师", "主治医师", "住院医师"),
        };
        if (i == 0) return chief;
        if (i == 1 && dept.Code == DemoDepartments.CardiologyCode) return attending;
        return Weighted((chief, 0.1), (deputy, 0.22), (attending, 0.36), (junior, 0.32));
    }

    private int AgeFor(string title) => title switch
    {
        "主任医师" or "主任技师" or "主任药师" or "主任护师" or "主任" => Uniform(46, 60),
        "副主任医师" or "副主任技师" or "副主任药师" or "副主任护师" or "副主任" => Uniform(38, 52),
        "主治医师" or "主管技师" or "主管药师" or "主管护师" => Uniform(30, 45),
        "护士" => Uniform(21, 27),
        "护师" => Uniform(24, 34),
        _ => Uniform(25, 33),
    };

    private string Bio(DemoDepartment dept, string name, string title, int age, string[] specialties, bool head)
    {
        if (dept.Kind == DepartmentKinds.Admin)
            return $"{name}，{dept.Name}{title}，负责{string.Join("、", specialties)}工作，从事医院管理{Math.Max(1, age - 24)}年。";
        var degree = title.StartsWith("主任", StringComparison.Ordinal) || title.StartsWith("副主任", StringComparison.Ordinal)
            ? (_random.NextDouble() < 0.7 ? "博士研究生" : "硕士研究生")
            : (_random.NextDouble() < 0.6 ? "硕士研究生" : "本科");
        var school = Schools[_random.Next(Schools.Length)];
        var years = Math.Max(1, age - (degree == "博士研究生" ? 30 : degree == "硕士研究生" ? 27 : 24));
        var role = head ? "科主任，" : "";
        return $"{name}，{role}{title}，{degree}学历，{school}毕业。从事{dept.Name}工作{years}年，擅长{string.Join("、", specialties)}。";
    }

    private string? Licence(DemoDepartment dept, string title)
    {
        if (dept.Kind == DepartmentKinds.Admin || !title.EndsWith("医师", StringComparison.Ordinal)) return null;
        // 医师执业证书编码: 15 digits — level, category (1 临床, 2 口腔, 4 中医), region, year, serial.
        var category = dept.Code == "KQK" ? 2 : dept.Code == "ZYK" ? 4 : 1;
        return $"1{category}3201{_today.Year - _random.Next(1, 30)}{_random.Next(100000):D5}";
    }

    private DemoPatient GeneratePatient(int index, PatientMix mix, ChineseNameGenerator names)
    {
        var gender = _random.NextDouble() < mix.FemaleShare ? Genders.Female : Genders.Male;
        var age = (int)Math.Clamp(Triangular(mix.AgeMin, mix.AgeMode, mix.AgeMax + 0.999), mix.AgeMin, mix.AgeMax);
        var birth = _today.AddYears(-age).AddDays(-_random.Next(7, 365));
        var name = names.Name(gender, birth.Year);
        string? mobile = _random.NextDouble() < 0.93 ? Mobile() : null;
        string? idNumber = _random.NextDouble() < (age < 16 ? 0.25 : 0.5) ? IdNumber(birth, gender) : null;
        return new DemoPatient
        {
            Mrn = (3_000_000_001L + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = name, Gender = gender, BirthDate = birth, Mobile = mobile, IdNumber = idNumber,
            SurveyOptOut = _random.NextDouble() < 0.02,
        };
    }

    private string Mobile()
    {
        // 13x, 15x (no 154) and 18x: China Mobile, Unicom and Telecom ranges.
        var prefix = _random.Next(3) switch
        {
            0 => 130 + _random.Next(10),
            1 => new[] { 150, 151, 152, 153, 155, 156, 157, 158, 159 }[_random.Next(9)],
            _ => 180 + _random.Next(10),
        };
        return $"{prefix}{_random.Next(100_000_000):D8}";
    }

    private string IdNumber(DateOnly birth, string gender)
    {
        var serial = _random.Next(50) * 10 + _random.Next(5) * 2 + (gender == Genders.Female ? 0 : 1); // 17th digit: odd for men
        var first17 = $"{Regions[_random.Next(Regions.Length)]}{birth:yyyyMMdd}{serial:D3}";
        return first17 + ChineseIdNumber.CheckCharacter(first17);
    }

    private DemoEncounter[] GenerateEncounters(DemoSize size, IReadOnlyList<DemoDepartment> departments, List<DemoStaff> staff,
        List<DemoPatient> patients, int[] homes, int[] clinical, double[] volume)
    {
        var physicians = new int[departments.Count][];
        var physicianWeights = new double[departments.Count][];
        for (var d = 0; d < departments.Count; d++)
        {
            physicians[d] = Enumerable.Range(0, staff.Count).Where(s => staff[s].DepartmentIndex == d && staff[s].Attends).ToArray();
            physicianWeights[d] = ChineseNameGenerator.CumulativeOf(physicians[d].Select(s => staff[s].Title switch
            {
                "主任医师" => 0.7, "副主任医师" => 1.0, "主治医师" => 1.2, _ => 0.8,
            }));
        }
        var first = _today.AddDays(-Days);
        var encounters = new DemoEncounter[size.Encounters];
        for (var i = 0; i < encounters.Length; i++)
        {
            // Every patient has at least one encounter; further visits go to a minority of frequent patients.
            var p = i < patients.Count ? i : (int)(patients.Count * Math.Pow(_random.NextDouble(), 1.8));
            var patient = patients[p];
            var age = _today.Year - patient.BirthDate.Year;
            var d = homes[p];
            if (i >= patients.Count && _random.NextDouble() < 0.3)
            {
                var other = clinical[ChineseNameGenerator.Pick(volume, _random.NextDouble())];
                if (departments[other].Accepts(age, patient.Gender)) d = other;
            }
            var mix = departments[d].Mix!;
            var type = Weighted((EncounterTypes.Outpatient, mix.Outpatient), (EncounterTypes.Inpatient, mix.Inpatient), (EncounterTypes.Emergency, mix.Emergency));
            var from = patient.BirthDate > first ? patient.BirthDate : first;
            var day = Day(from, mix, type);
            var e = new DemoEncounter { PatientIndex = p, DepartmentIndex = d, Type = type };
            e.StaffIndex = physicians[d][ChineseNameGenerator.Pick(physicianWeights[d], _random.NextDouble())];
            FillTimes(ref e, day, d);
            encounters[i] = e;
        }
        // Ids follow time, as a HIS numbers its visits.
        var order = Enumerable.Range(0, encounters.Length).ToArray();
        Array.Sort(order, (a, b) => encounters[a].StartedAt != encounters[b].StartedAt ? encounters[a].StartedAt.CompareTo(encounters[b].StartedAt) : a.CompareTo(b));
        return order.Select(i => encounters[i]).ToArray();
    }

    private DateOnly Day(DateOnly from, PatientMix mix, string type)
    {
        var span = _today.DayNumber - from.DayNumber;
        var max = (1 + Math.Abs(mix.WinterPeak)) * 1.2;
        while (true)
        {
            var day = from.AddDays(_random.Next(span));
            if (_random.NextDouble() * max <= DayWeight(day, mix, type)) return day;
        }
    }

    private static double DayWeight(DateOnly day, PatientMix mix, string type)
    {
        var season = 1 + mix.WinterPeak * Math.Cos(2 * Math.PI * (day.DayOfYear - 15) / 365.25);
        var weekday = (type, day.DayOfWeek) switch
        {
            (EncounterTypes.Emergency, _) => 1.0,
            (_, DayOfWeek.Monday) => 1.15,
            (EncounterTypes.Outpatient, DayOfWeek.Saturday) => 0.6,
            (EncounterTypes.Outpatient, DayOfWeek.Sunday) => 0.45,
            (_, DayOfWeek.Saturday or DayOfWeek.Sunday) => 0.7,
            _ => 1.0,
        };
        var festival = SpringFestivals.Any(f => day.DayNumber >= f.DayNumber - 3 && day.DayNumber <= f.DayNumber + 6)
            ? (type == EncounterTypes.Emergency ? 1.1 : 0.4) : 1.0;
        return season * weekday * festival;
    }

    private void FillTimes(ref DemoEncounter e, DateOnly day, int departmentIndex)
    {
        switch (e.Type)
        {
            case EncounterTypes.Outpatient:
            {
                // Morning clinics are busier than afternoon ones.
                var minute = _random.NextDouble() < 0.62 ? Uniform(8 * 60, 11 * 60 + 50) : Uniform(13 * 60 + 30, 17 * 60);
                e.StartedAt = clock.LocalToUtc(day.ToDateTime(new TimeOnly(minute / 60, minute % 60, _random.Next(60))));
                e.EndedAt = e.StartedAt.AddMinutes(Uniform(4, 30));
                break;
            }
            case EncounterTypes.Emergency:
            {
                var minute = _random.NextDouble() < 0.7 ? Uniform(8 * 60, 23 * 60 + 59) : Uniform(0, 8 * 60 - 1);
                e.StartedAt = clock.LocalToUtc(day.ToDateTime(new TimeOnly(minute / 60, minute % 60, _random.Next(60))));
                e.EndedAt = e.StartedAt.AddMinutes(Uniform(40, 6 * 60));
                e.DischargeDisposition = Weighted((DischargeDispositions.Home, 0.84), (DischargeDispositions.Transfer, 0.13), (DischargeDispositions.AgainstAdvice, 0.03));
                break;
            }
            default:
            {
                var minute = Uniform(8 * 60, 20 * 60);
                e.StartedAt = clock.LocalToUtc(day.ToDateTime(new TimeOnly(minute / 60, minute % 60, _random.Next(60))));
                var icu = DemoDepartments.All[departmentIndex].Code == "ZZYXK";
                var stay = (int)Math.Round(Triangular(2, icu ? 4 : 6, 14));
                var discharge = day.AddDays(stay).ToDateTime(new TimeOnly(9, 0)).AddMinutes(Uniform(0, 180));
                var end = clock.LocalToUtc(discharge);
                if (day.AddDays(stay) >= _today) break; // still on the ward
                e.EndedAt = end;
                e.DischargeDisposition = Weighted((DischargeDispositions.Home, 0.9), (DischargeDispositions.Transfer, 0.045),
                    (DischargeDispositions.AgainstAdvice, 0.04), (DischargeDispositions.Other, 0.015));
                break;
            }
        }
    }

    /// <summary>Some last stays end in death (more often in the ICU, oncology and among the old); a few die at home later.</summary>
    private void RecordDeaths(IReadOnlyList<DemoDepartment> departments, List<DemoPatient> patients, DemoEncounter[] encounters)
    {
        var last = new int[patients.Count];
        Array.Fill(last, -1);
        for (var i = 0; i < encounters.Length; i++) last[encounters[i].PatientIndex] = i; // sorted by time: the last wins
        for (var p = 0; p < patients.Count; p++)
        {
            if (last[p] < 0) continue;
            ref var e = ref encounters[last[p]];
            var age = _today.Year - patients[p].BirthDate.Year;
            var ageFactor = age >= 80 ? 2.0 : age >= 65 ? 1.3 : age >= 40 ? 0.7 : 0.2;
            if (e.Type == EncounterTypes.Inpatient && e.EndedAt is { } end
                && _random.NextDouble() < departments[e.DepartmentIndex].Mix!.InpatientMortality * ageFactor)
            {
                e.DischargeDisposition = DischargeDispositions.Died;
                patients[p].DeceasedOn = clock.LocalDate(end);
            }
            else if (age >= 70 && _random.NextDouble() < 0.006)
            {
                var died = clock.LocalDate(e.EndedAt ?? e.StartedAt).AddDays(Uniform(10, 300));
                if (died < _today) patients[p].DeceasedOn = died;
            }
        }
    }

    private double Triangular(double min, double mode, double max)
    {
        var u = _random.NextDouble();
        var f = (mode - min) / (max - min);
        return u < f ? min + Math.Sqrt(u * (max - min) * (mode - min)) : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
    }

    private int Uniform(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    private string[] Pick(string[] pool, int n) =>
        pool.Select(s => (s, k: _random.NextDouble())).OrderBy(x => x.k).Take(n).Select(x => x.s).ToArray();

    private string Weighted(params (string Value, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var u = _random.NextDouble() * total;
        foreach (var (value, weight) in choices)
        {
            if (u < weight) return value;
            u -= weight;
        }
        return choices.Last(c => c.Weight > 0).Value;
    }
}
