using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Demo;

/// <summary>Who comes to a department and how: the shape of its patients and of its encounters.</summary>
/// <param name="Volume">Relative share of the hospital's encounters (0: no encounters of its own).</param>
/// <param name="AgeMin">Youngest patient, years.</param>
/// <param name="AgeMode">Most common age, years.</param>
/// <param name="AgeMax">Oldest patient, years.</param>
/// <param name="FemaleShare">0..1; 1 means women only (产科, 妇科).</param>
/// <param name="Outpatient">Relative weight of outpatient visits.</param>
/// <param name="Inpatient">Relative weight of inpatient stays.</param>
/// <param name="Emergency">Relative weight of emergency visits.</param>
/// <param name="WinterPeak">Seasonal amplitude: respiratory and paediatric wards fill up in winter.</param>
/// <param name="InpatientMortality">Chance that a patient's last stay ends in death (ICU, oncology high; obstetrics nil).</param>
public sealed record PatientMix(
    double Volume, int AgeMin, int AgeMode, int AgeMax, double FemaleShare,
    double Outpatient, double Inpatient, double Emergency, double WinterPeak, double InpatientMortality);

/// <summary>One department of the demo hospital, with the specialties its doctors list and how many staff it has.</summary>
public sealed record DemoDepartment(
    string Code, string Name, string Kind, string? ParentCode, int Physicians, int Nurses,
    string[] Specialties, PatientMix? Mix)
{
    public bool HasEncounters => Mix is { Volume: > 0 };

    /// <summary>Whether a patient of this age and sex could plausibly be seen here.</summary>
    public bool Accepts(int age, string gender) => Mix is { } m && age >= m.AgeMin && age <= m.AgeMax
        && !(m.FemaleShare >= 1 && gender != Genders.Female) && !(m.FemaleShare <= 0 && gender != Genders.Male);
}

/// <summary>
/// 信桥市第一人民医院: a tertiary general hospital laid out the way Chinese hospitals are — 内科系统 and 外科系统 as
/// parents of their specialties, 妇产科 over 妇科/产科, the medical-technical departments (医技) and the offices.
/// Codes are the pinyin initials hospitals commonly use in their HIS.
/// </summary>
public static class DemoDepartments
{
    private const string C = DepartmentKinds.Clinical, M = DepartmentKinds.MedTech, A = DepartmentKinds.Admin;

    public static readonly IReadOnlyList<DemoDepartment> All =
    [
        new("NKXT", "内科系统", C, null, 0, 0, [], null),
        new("WKXT", "外科系统", C, null, 0, 0, [], null),
        new("FCK", "妇产科", C, null, 0, 0, [], null),
        new("YJXT", "医技科室", M, null, 0, 0, [], null),
        new("ZNBM", "职能部门", A, null, 0, 0, [], null),

        new("XXNK", "心血管内科", C, "NKXT", 12, 4, ["冠心病介入治疗", "高血压", "心力衰竭", "心律失常射频消融", "起搏器植入", "结构性心脏病", "血脂异常"],
            new(9, 30, 66, 95, 0.45, 78, 18, 4, 0.15, 0.025)),
        new("HXNK", "呼吸与危重症医学科", C, "NKXT", 10, 4, ["慢性阻塞性肺疾病", "支气管哮喘", "肺部感染", "肺结节诊治", "支气管镜介入", "睡眠呼吸暂停", "间质性肺病"],
            new(8, 16, 62, 95, 0.45, 75, 20, 5, 0.45, 0.03)),
        new("XHNK", "消化内科", C, "NKXT", 10, 4, ["消化内镜诊疗", "炎症性肠病", "胃食管反流病", "肝硬化", "消化道出血", "胰腺疾病", "幽门螺杆菌感染"],
            new(8, 18, 52, 92, 0.5, 80, 17, 3, 0.05, 0.01)),
        new("SJNK", "神经内科", C, "NKXT", 10, 4, ["脑血管病", "癫痫", "帕金森病", "头痛与眩晕", "认知障碍", "周围神经病"],
            new(7, 20, 64, 95, 0.5, 76, 20, 4, 0.12, 0.02)),
        new("NFMK", "内分泌科", C, "NKXT", 8, 3, ["糖尿病", "甲状腺疾病", "骨质疏松", "肾上腺疾病", "垂体疾病", "肥胖与代谢"],
            new(7, 14, 55, 90, 0.55, 88, 12, 0, 0.03, 0.004)),
        new("SNK", "肾内科", C, "NKXT", 7, 3, ["慢性肾脏病", "血液透析", "腹膜透析", "肾小球疾病", "急性肾损伤"],
            new(4, 18, 58, 90, 0.45, 80, 20, 0, 0.05, 0.02)),
        new("XYK", "血液科", C, "NKXT", 6, 3, ["白血病", "淋巴瘤", "多发性骨髓瘤", "贫血", "造血干细胞移植", "出凝血疾病"],
            new(3, 14, 50, 88, 0.48, 70, 30, 0, 0.03, 0.04)),
        new("ZLK", "肿瘤科", C, "NKXT", 8, 4, ["肺癌综合治疗", "消化道肿瘤", "乳腺癌", "靶向与免疫治疗", "放射治疗", "肿瘤姑息治疗"],
            new(5, 25, 60, 90, 0.47, 62, 38, 0, 0.02, 0.06)),
        new("GRK", "感染科", C, "NKXT", 5, 3, ["病毒性肝炎", "发热待查", "艾滋病", "结核病", "重症感染"],
            new(3, 14, 45, 90, 0.42, 75, 22, 3, 0.3, 0.02)),

        new("PWK", "普通外科", C, "WKXT", 12, 4, ["胃肠外科", "肝胆胰外科", "甲状腺外科", "乳腺外科", "疝与腹壁外科", "腹腔镜微创手术"],
            new(8, 16, 52, 92, 0.5, 68, 28, 4, 0.0, 0.01)),
        new("GK", "骨科", C, "WKXT", 12, 4, ["关节置换", "脊柱外科", "创伤骨科", "运动医学", "骨质疏松性骨折", "手足外科"],
            new(8, 10, 52, 95, 0.5, 70, 25, 5, 0.08, 0.006)),
        new("SJWK", "神经外科", C, "WKXT", 8, 4, ["颅脑创伤", "脑肿瘤", "脑血管病介入", "功能神经外科", "脊髓疾病"],
            new(3, 10, 56, 90, 0.42, 60, 35, 5, 0.05, 0.04)),
        new("MNWK", "泌尿外科", C, "WKXT", 8, 3, ["泌尿系结石", "前列腺疾病", "泌尿系肿瘤", "腹腔镜手术", "男科"],
            new(5, 16, 58, 92, 0.25, 75, 22, 3, 0.0, 0.005)),
        new("XXWK", "心胸外科", C, "WKXT", 7, 3, ["肺癌微创手术", "食管外科", "冠脉搭桥", "心脏瓣膜手术", "纵隔肿瘤"],
            new(2, 18, 60, 88, 0.4, 60, 40, 0, 0.0, 0.02)),

        new("FK", "妇科", C, "FCK", 8, 3, ["妇科肿瘤", "宫腹腔镜微创", "子宫内膜异位症", "盆底功能障碍", "宫颈疾病筛查"],
            new(6, 16, 42, 85, 1.0, 85, 15, 0, 0.0, 0.003)),
        new("CK", "产科", C, "FCK", 8, 5, ["高危妊娠", "产前诊断", "妊娠期糖尿病", "分娩镇痛", "围产期保健"],
            new(6, 20, 30, 45, 1.0, 72, 28, 0, 0.0, 0.0)),

        new("EK", "儿科", C, null, 10, 5, ["新生儿疾病", "小儿呼吸", "小儿消化", "儿童保健", "小儿神经", "儿童哮喘"],
            new(9, 0, 4, 14, 0.46, 78, 14, 8, 0.5, 0.002)),
        new("YK", "眼科", C, null, 7, 2, ["白内障", "青光眼", "眼底病", "屈光不正", "斜弱视", "眼表疾病"],
            new(5, 3, 55, 92, 0.52, 92, 8, 0, 0.0, 0.0)),
        new("EBHK", "耳鼻咽喉头颈外科", C, null, 7, 2, ["鼻窦炎内镜手术", "耳聋与耳鸣", "咽喉疾病", "睡眠呼吸暂停手术", "头颈肿瘤"],
            new(5, 3, 40, 90, 0.48, 88, 10, 2, 0.2, 0.002)),
        new("KQK", "口腔科", C, null, 7, 2, ["牙体牙髓", "口腔修复", "口腔正畸", "牙周病", "口腔颌面外科", "种植牙"],
            new(5, 4, 38, 90, 0.52, 97, 3, 0, 0.0, 0.0)),
        new("PFK", "皮肤科", C, null, 6, 1, ["湿疹皮炎", "银屑病", "痤疮", "皮肤美容", "性传播疾病", "皮肤肿瘤"],
            new(4, 2, 35, 90, 0.55, 98, 2, 0, -0.15, 0.0)),
        new("JZK", "急诊科", C, null, 10, 6, ["急危重症抢救", "胸痛中心", "卒中急救", "中毒救治", "创伤急救"],
            new(10, 15, 50, 98, 0.47, 0, 0, 100, 0.2, 0.0)),
        new("ZZYXK", "重症医学科", C, null, 8, 8, ["脓毒症", "呼吸机支持", "血流动力学监测", "多器官功能障碍", "体外膜肺氧合"],
            new(1.5, 16, 66, 98, 0.42, 0, 100, 0, 0.2, 0.14)),
        new("KFYXK", "康复医学科", C, null, 6, 3, ["卒中康复", "骨科康复", "心肺康复", "疼痛康复", "儿童康复"],
            new(3, 5, 60, 92, 0.5, 80, 20, 0, 0.0, 0.003)),
        new("ZYK", "中医科", C, null, 6, 2, ["中医内科", "针灸推拿", "中医调理", "中西医结合", "膏方调养"],
            new(4, 14, 50, 90, 0.58, 95, 5, 0, 0.1, 0.0)),
        new("MZK", "麻醉科", C, null, 10, 4, ["临床麻醉", "疼痛诊疗", "舒适化医疗", "围术期管理"],
            new(1, 18, 55, 90, 0.5, 100, 0, 0, 0.0, 0.0)),

        new("FSK", "放射科", M, "YJXT", 8, 2, ["CT诊断", "磁共振诊断", "介入放射", "乳腺影像"], null),
        new("JYK", "检验科", M, "YJXT", 7, 0, ["临床生化", "临床免疫", "临床微生物", "分子诊断"], null),
        new("BLK", "病理科", M, "YJXT", 5, 0, ["外科病理", "细胞病理", "分子病理"], null),
        new("CSYXK", "超声医学科", M, "YJXT", 7, 1, ["心脏超声", "腹部超声", "妇产超声", "介入超声"], null),
        new("YXB", "药学部", M, "YJXT", 8, 0, ["临床药学", "药事管理", "静脉用药调配"], null),

        new("HLB", "护理部", A, "ZNBM", 2, 3, ["护理管理", "护理质量"], null),
        new("YWC", "医务处", A, "ZNBM", 5, 0, ["医疗质量管理", "医疗安全"], null),
        new("YHGTB", "医患沟通办公室", A, "ZNBM", 4, 0, ["投诉接待", "纠纷调解", "患者满意度"], null),
        new("ZKK", "质量控制科", A, "ZNBM", 3, 0, ["病案质控", "指标监测"], null),
    ];

    /// <summary>The department the demo department head and clinician logins belong to.</summary>
    public const string CardiologyCode = "XXNK";
}
