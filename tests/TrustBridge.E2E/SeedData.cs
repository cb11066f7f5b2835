namespace TrustBridge.E2E;

/// <summary>A small hospital for the browser tests and the README screenshots.</summary>
public static class SeedData
{
    public static readonly (string Code, string Name, string Kind, string? Parent)[] Departments =
    [
        ("NK", "内科", "clinical", null), ("XNK", "心血管内科", "clinical", "NK"), ("WK", "外科", "clinical", null),
        ("FCK", "妇产科", "clinical", null), ("EK", "儿科", "clinical", null), ("JZK", "急诊科", "clinical", null),
        ("FSK", "放射科", "medtech", null), ("JYK", "检验科", "medtech", null), ("YHB", "医患沟通办公室", "admin", null),
    ];

    public sealed record StaffSeed(string Code, string Name, string Title, string Department, string? Specialties, string? Licence, string? Bio);

    public static readonly StaffSeed[] Staff =
    [
        new("D001", "张伟", "主任医师", "XNK", "冠心病介入治疗、心力衰竭", "110440100012345", "从事心血管内科临床工作二十余年，擅长冠心病的介入诊治和心力衰竭的规范化管理。"),
        new("D002", "李娜", "副主任医师", "WK", "普外科微创手术", "110440100012346", null),
        new("D003", "王芳", "主治医师", "FCK", "高危妊娠管理", "110440100012347", null),
        new("D004", "刘洋", "住院医师", "EK", null, null, null),
        new("D005", "陈静", "主任医师", "NK", "糖尿病、甲状腺疾病", "110440100012348", null),
        new("N001", "赵敏", "主管护师", "NK", "慢病健康教育", null, null),
        new("D006", "杨帆", "主治医师", "JZK", "急危重症救治", "110440100012349", null),
    ];

    public const string UserPassword = "User-E2E-12345";

    public static readonly (string Email, string Name, string[] Roles, string[] Departments)[] Users =
    [
        ("yhb@e2e.local", "周医患", ["PatientRelations"], []),
        ("nk.head@e2e.local", "陈主任", ["DepartmentHead"], ["NK", "XNK"]),
        ("jiandu@e2e.local", "吴监督", ["Supervisor"], []),
        ("d001@e2e.local", "张伟", ["Clinician"], ["XNK"]),
    ];

    public sealed record PatientSeed(string Mrn, string Name, string Gender, DateOnly Birth, string? Mobile, string? IdNumber);

    public static readonly PatientSeed[] Patients =
    [
        new("MRN000001", "王秀英", "female", new(1956, 3, 14), TrustBridgeApp.FullMobile, "110105195603140024"),
        new("MRN000002", "李建国", "male", new(1948, 11, 2), "13900001111", null),
        new("MRN000003", "张丽", "female", new(1990, 6, 30), "15011112222", null),
        new("MRN000004", "刘强", "male", new(1978, 1, 9), "18622223333", null),
        new("MRN000005", "陈磊", "male", new(2015, 8, 21), null, null),
        new("MRN000006", "杨洋", "female", new(1985, 12, 5), "13733334444", null),
        new("MRN000007", "黄婷", "female", new(1999, 4, 18), "13544445555", null),
        new("MRN000008", "赵军", "male", new(1962, 9, 27), "18955556666", null),
    ];
}
