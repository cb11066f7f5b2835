namespace TrustBridge.Web.Pages.Staff.Disputes;

/// <summary>Chinese labels of the dispute codes (English through en-translations.disputes.json).</summary>
public static class DisputeLabels
{
    public static string Status(string s) => s switch { "open" => "处理中", "closed" => "已结案", _ => s };
    public static string Route(string? r) => r switch
    {
        "negotiation" => "双方协商", "people-mediation" => "人民调解", "administrative-mediation" => "行政调解", "litigation" => "诉讼", "other" => "其他途径",
        null => "未选择途径", _ => r,
    };
    public static string Severity(string s) => s switch { "minor" => "轻微", "moderate" => "一般", "severe" => "严重", "death" => "死亡", _ => s };
    public static string Outcome(string? o) => o switch
    {
        "settled" => "达成协议", "judgment" => "判决", "withdrawn" => "撤回/放弃", "no-liability" => "无责未赔", "other" => "其他", null => "—", _ => o,
    };
    public static string Payer(string p) => p switch { "hospital" => "医院", "insurer" => "医疗责任险", "fund" => "医疗风险互助金", "other" => "其他", _ => p };
    public static string FeePayer(string? p) => p switch { "hospital" => "医院", "patient" => "患方", "both" => "双方", null => "—", _ => p };
    public static string RouteResult(string? r) => r switch
    {
        "agreement" => "达成协议", "judgment" => "判决", "failed" => "未成功", "withdrawn" => "撤回", "other" => "其他", null => "进行中", _ => r,
    };
    public static string Decision(string d) => d switch
    {
        "none" => "不予追究", "education" => "批评教育", "circulated" => "通报批评", "pay-deduction" => "绩效扣罚", "suspension" => "暂停执业", "other" => "其他", _ => d,
    };
    public static string Duty(string d) => d switch { "routes" => "告知解决途径", "sealing" => "告知封存、启封与复制规定", "autopsy" => "告知尸检规定", _ => d };
    public static string SealKind(string k) => k switch { "records" => "病历资料", "items" => "现场实物", _ => k };
    public static string RecordForm(string? f) => f switch { "originals" => "原件", "copies" => "复制件", null => "—", _ => f };
    public static string Autopsy(string? a) => a switch { "consent" => "同意尸检", "refusal" => "拒绝尸检（含不签字）", null => "未决定", _ => a };
    public static string RootCause(string c) => c switch
    {
        "attitude" => "服务态度", "communication" => "医患沟通", "treatment" => "诊疗技术", "cost" => "医疗费用", "process" => "就医流程", "environment" => "环境设施",
        "privacy" => "隐私保护", "ethics" => "医德医风", "diagnosis" => "诊断延误/误诊", "surgery" => "手术操作", "medication" => "用药", "nursing" => "护理",
        "infection" => "院内感染", "records" => "病历书写", "device" => "医疗器械", "handover" => "交接班", _ => c,
    };
    public static string Event(string k) => k switch
    {
        "registered" => "登记", "major" => "重大纠纷", "route" => "选择途径", "route-ended" => "途径结束", "route-extended" => "延长调解", "appraisal" => "鉴定",
        "compensation" => "赔偿明细", "payment" => "支付", "sealed" => "封存", "unsealed" => "启封", "duty" => "告知", "autopsy" => "尸检",
        "major-reported" => "上报主管部门", "interruption" => "时效中断", "note" => "备注", "accountability" => "责任追究", "closed" => "结案",
        "improvement-plan" => "整改计划", _ => k,
    };
}
