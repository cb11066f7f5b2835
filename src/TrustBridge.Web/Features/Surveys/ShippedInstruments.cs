using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// The instruments TrustBridge ships (MEASUREMENT.md, "Instruments"). trust-10 measures the constructs of the Wake Forest
/// Physician Trust Scale (fidelity, competence, honesty, global trust) in our own wording; T01, T06 and T08 are
/// worded negatively and reverse scored.
/// </summary>
public static class ShippedInstruments
{
    public const string Trust10 = "trust-10";
    public const string SatisfactionInpatient = "satisfaction-inpatient";
    public const string SatisfactionOutpatient = "satisfaction-outpatient";

    public static IReadOnlyList<Instrument> All() => [Trust(), Satisfaction(inpatient: true), Satisfaction(inpatient: false)];

    private static Instrument Trust() => new()
    {
        Code = Trust10, TitleZh = "医生信任量表", TitleEn = "Trust in the doctor",
        IntroZh = "请根据您这次就诊的经历，选择最符合您想法的一项。",
        IntroEn = "Thinking about this visit, choose the answer closest to what you think.",
        Items =
        [
            L("T01", 1, "我担心医生会把自己的利益放在我的健康之前。", "I worry that the doctor puts his or her own interests ahead of my health.", "trust", reverse: true),
            L("T02", 2, "医生会尽最大努力为我治疗。", "The doctor does everything possible to treat me.", "trust"),
            L("T03", 3, "医生在诊疗中细心周到。", "The doctor is careful and thorough in my care.", "trust"),
            L("T04", 4, "我相信医生的医疗判断。", "I trust the doctor's medical judgement.", "trust"),
            L("T05", 5, "医生会如实告诉我病情和治疗的真实情况。", "The doctor tells me the truth about my condition and treatment.", "trust"),
            L("T06", 6, "有时医生并不真正在意我的感受和需要。", "Sometimes the doctor does not really care about how I feel and what I need.", "trust", reverse: true),
            L("T07", 7, "医生的医术足以处理好我的病情。", "The doctor is skilled enough to handle my condition well.", "trust"),
            L("T08", 8, "我怀疑医生会隐瞒治疗中出现的差错。", "I suspect the doctor would hide a mistake made in my treatment.", "trust", reverse: true),
            L("T09", 9, "医生把我的健康放在第一位。", "The doctor puts my health first.", "trust"),
            L("T10", 10, "总的来说，我完全信任这位医生。", "All in all, I trust this doctor completely.", "trust"),
        ],
    };

    private static Instrument Satisfaction(bool inpatient)
    {
        var stay = inpatient ? "这次住院" : "这次就诊";
        var stayEn = inpatient ? "this stay" : "this visit";
        var items = new List<InstrumentItem>
        {
            L("A1", 1, "医护人员对我态度亲切、有耐心。", "Doctors and nurses were kind and patient with me.", "attitude"),
            L("A2", 2, "医护人员尊重我和家属的意见。", "Staff respected the views of me and my family.", "attitude"),
            L("C1", 3, "医生用我能听懂的话解释病情和治疗方案。", "The doctor explained my condition and treatment in words I understood.", "communication"),
            L("C2", 4, "检查、用药或手术前，医生说明了目的和风险。", "Before tests, medicines or operations the doctor explained their purpose and risks.", "communication"),
            L("C3", 5, "检查结果和病情变化能及时告诉我。", "I was told test results and changes in my condition promptly.", "communication"),
            L("F1", 6, "费用清单清楚，收费项目我能看明白。", "The bill was clear and I could understand every charge.", "transparency"),
            L("F2", 7, "医生开检查和药物时考虑了我的经济负担。", "The doctor considered my costs when ordering tests and medicines.", "transparency"),
            L("O1", 8, $"{stay}的治疗效果达到了我的预期。", $"The result of {stayEn} met my expectations.", "outcome"),
            inpatient
                ? L("O2", 9, "出院时我清楚回家后如何用药和复查。", "When I left I knew how to take my medicines and when to come back.", "outcome")
                : L("O2", 9, "就诊后我的问题得到了解决或明确的安排。", "After the visit my problem was solved or had a clear plan.", "outcome"),
            inpatient
                ? L("P1", 10, "入院、出院手续办理方便快捷。", "Admission and discharge paperwork was quick and easy.", "process")
                : L("P1", 10, "挂号、缴费、取药的排队时间可以接受。", "Queues for registration, payment and the pharmacy were acceptable.", "process"),
            inpatient
                ? L("P2", 11, "需要帮助时，医护人员能及时回应。", "When I needed help, staff responded promptly.", "process")
                : L("P2", 11, "候诊时间合理，叫号有序。", "The wait to be seen was reasonable and orderly.", "process"),
            inpatient
                ? L("E1", 12, "病房干净整洁、安静。", "The ward was clean, tidy and quiet.", "environment")
                : L("E1", 12, "诊室和候诊区干净整洁。", "Consulting rooms and waiting areas were clean and tidy.", "environment"),
            L("E2", 13, "卫生间等设施清洁、好用。", "Toilets and other facilities were clean and worked.", "environment"),
            L("V1", 14, "检查和治疗时注意保护了我的隐私。", "My privacy was protected during examinations and treatment.", "privacy"),
            L("V2", 15, "我的个人信息和病情没有被随意透露。", "My personal information and condition were not disclosed carelessly.", "privacy"),
            new() { Code = "OVERALL", Position = 16, TextZh = $"总体而言，您对{stay}的满意程度（0–10分）？", TextEn = $"Overall, how satisfied are you with {stayEn} (0–10)?", Scale = ItemScales.Rating11, Dimension = "overall" },
            new() { Code = "RECOMMEND", Position = 17, TextZh = "您有多大可能向亲友推荐本院（0–10分）？", TextEn = "How likely are you to recommend this hospital to family and friends (0–10)?", Scale = ItemScales.Nps11, Dimension = "recommend" },
            new() { Code = "COMMENT", Position = 18, TextZh = "您还有什么意见或建议？", TextEn = "Anything else you would like to tell us?", Scale = ItemScales.Text, Dimension = "comment" },
        };
        return new Instrument
        {
            Code = inpatient ? SatisfactionInpatient : SatisfactionOutpatient,
            TitleZh = inpatient ? "住院患者满意度调查" : "门诊患者满意度调查",
            TitleEn = inpatient ? "Inpatient satisfaction survey" : "Outpatient satisfaction survey",
            IntroZh = $"感谢您抽出时间评价{stay}。您的回答匿名统计，只用于改进服务。",
            IntroEn = $"Thank you for rating {stayEn}. Answers are reported anonymously and used only to improve care.",
            Items = items,
        };
    }

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Dimensions = new Dictionary<string, (string, string)>
    {
        ["trust"] = ("信任", "Trust"),
        ["attitude"] = ("服务态度", "Attitude"),
        ["communication"] = ("沟通与告知", "Communication"),
        ["transparency"] = ("费用与信息透明", "Transparency"),
        ["outcome"] = ("治疗效果", "Outcome"),
        ["process"] = ("流程与等候", "Process"),
        ["environment"] = ("就医环境", "Environment"),
        ["privacy"] = ("隐私与尊重", "Privacy"),
    };

    private static InstrumentItem L(string code, int position, string zh, string en, string dimension, bool reverse = false) => new()
    {
        Code = code, Position = position, TextZh = zh, TextEn = en, Scale = ItemScales.Likert5, Reverse = reverse, Dimension = dimension,
    };
}
