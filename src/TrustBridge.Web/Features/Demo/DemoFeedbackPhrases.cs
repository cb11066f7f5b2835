using TrustBridge.Core.Triage;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// A small bank of Chinese phrases the demo feedback is written from: an opening, what happened (by type and category)
/// and a closing, with the department and the doctor filled in, so a few hundred cases read differently.
/// </summary>
public static class DemoFeedbackPhrases
{
    private static readonly string[] Openings =
    [
        "", "", "我是{dept}的患者家属，", "上周在{dept}就诊，", "我母亲在{dept}住院，", "昨天带孩子到{dept}看病，", "本人于{date}在{dept}就诊，",
        "我父亲在{dept}复查，", "作为{dept}的老病人，", "今天上午在{dept}门诊，",
    ];

    private static readonly Dictionary<string, string[]> Complaints = new()
    {
        [FeedbackCategories.Attitude] =
        [
            "护士说话很冲，问了两遍就不耐烦，让人心里很不舒服。", "{doctor}医生态度冷淡，没听完就打断我，感觉不被尊重。",
            "挂号窗口工作人员态度恶劣，还对老人大声呵斥。", "夜班护士叫了很久都没人理，态度也很差。",
            "导诊台的工作人员爱答不理，问路都不告诉。",
        ],
        [FeedbackCategories.Communication] =
        [
            "{doctor}医生没有解释检查结果，只说没事，我们还是很担心。", "手术前没有讲清楚风险，家属签字时一头雾水。",
            "换了治疗方案也没人告诉我们为什么。", "出院时医嘱交代得太快，回家后不知道药怎么吃。",
            "病情变化没有及时通知家属，我们是从病友那里听说的。",
        ],
        [FeedbackCategories.Treatment] =
        [
            "用药后出现皮疹，医生说观察，到现在还没好转。", "术后伤口感染，怀疑处理不当，希望医院给个说法。",
            "检查报告等了一周还没出来，耽误了治疗。", "同样的症状看了三次，每次开的药都不一样，效果也不好。",
            "输液时针头扎了好几次才成功，孩子哭得很厉害。",
        ],
        [FeedbackCategories.Cost] =
        [
            "收费清单里有一项检查我们并没有做，请核实。", "住院费用比入院时说的高出很多，也没有提前告知。",
            "医保报销比例不清楚，窗口说法前后不一。", "自费药品没有征求我们同意就用了。",
            "退费流程太复杂，跑了四趟还没退下来。",
        ],
        [FeedbackCategories.Process] =
        [
            "排队两个多小时，叫号系统还出错。", "预约了上午九点，结果十一点才看上。", "住院办手续要跑好几个楼，指示牌也不清楚。",
            "检查要分三天预约，外地来的患者很不方便。", "线上预约后到现场又被要求重新挂号。",
        ],
        [FeedbackCategories.Environment] =
        [
            "病房卫生间有异味，几天没人打扫。", "候诊区座位太少，很多老人只能站着。", "夜里走廊一直很吵，病人根本休息不好。",
            "开水间的热水器坏了好几天没修。", "停车场太拥挤，排队进场要半小时。",
        ],
        [FeedbackCategories.Privacy] =
        [
            "诊室门开着问诊，外面排队的人都能听到病情。", "检查时没有拉帘子，感觉很不尊重隐私。",
            "护士在走廊大声说出我的诊断，让我很难堪。", "我的检查结果被别人拿走了，担心信息泄露。",
        ],
        [FeedbackCategories.Ethics] =
        [
            "医生暗示我去外面药店买指定的药。", "有人说给红包可以早点安排手术，希望医院调查。",
            "医生推荐的保健品价格很高，怀疑有利益关系。", "术前有人暗示要表示一下，我们很反感。",
        ],
    };

    /// <summary>Complaints that threaten violence or self-harm or the media: what the red banner is for.</summary>
    private static readonly string[] HighRisk =
    [
        "如果今天不给说法，我就叫人来医院闹，大家都别想好过。", "我已经联系了电视台记者，明天就来曝光你们。",
        "我父亲的死你们要负责，不解决我就在门诊大厅拉横幅。", "再这样拖下去我就从楼上跳下去，让所有人都看看。",
        "家属情绪激动，扬言要找那个医生算账。",
    ];

    private static readonly string[] MediumRiskEndings =
    [
        "我们要求赔偿损失。", "如果不处理，我会向卫健委投诉。", "已经咨询了律师，保留追究的权利。", "请给出书面答复，否则我会拨打12345。",
    ];

    private static readonly Dictionary<string, string[]> Suggestions = new()
    {
        [FeedbackCategories.Process] =
        [
            "建议增加自助缴费机，减少排队。", "希望能在手机上查看排队进度。", "建议检查科室周末也开放预约。", "希望门诊能提供分时段预约，避免扎堆。",
        ],
        [FeedbackCategories.Environment] =
        [
            "建议候诊区增加一些座椅和充电插座。", "希望病房能提供陪护躺椅。", "建议在电梯口增加清楚的楼层指示。", "希望食堂能提供适合糖尿病人的餐食。",
        ],
        [FeedbackCategories.Communication] =
        [
            "建议出院时给一份书面的用药说明。", "希望医生查房时能多留几分钟回答家属问题。", "建议建立家属沟通群，及时通报病情。",
        ],
        [FeedbackCategories.Cost] =
        [
            "建议每天推送费用清单，让我们心里有数。", "希望收费处能解释清楚医保政策。",
        ],
    };

    private static readonly string[] Praise =
    [
        "{doctor}医生医术精湛、耐心细致，把病情讲得清清楚楚，非常感谢！", "感谢{doctor}医生和{dept}全体医护人员，半夜抢救我父亲，辛苦了！",
        "{doctor}医生每天都来查房，对老人特别有耐心，我们全家都很感动。", "手术很成功，{doctor}医生术后还专门打电话随访，真是好医生。",
        "{dept}的护士们服务周到，{doctor}医生解释病情通俗易懂，值得表扬。", "{doctor}医生不开大处方，处处为病人着想，给您点赞！",
        "孩子怕打针，{doctor}医生一直哄着他，太暖心了。", "感谢{doctor}医生的精心治疗，出院时已经能自己走路了。",
    ];

    private static readonly Dictionary<string, string[]> Consultations = new()
    {
        [FeedbackCategories.Process] =
        [
            "请问{dept}周六有专家门诊吗？", "想咨询一下住院需要准备哪些材料。", "请问异地医保可以直接结算吗？", "复印病历需要带什么证件？",
        ],
        [FeedbackCategories.Treatment] =
        [
            "请问术后多久可以复查？", "想了解一下{dept}有没有微创手术。", "孩子发烧三天，请问应该挂哪个科？",
        ],
        [FeedbackCategories.Cost] =
        [
            "请问这次检查医保能报销多少？", "想咨询一下住院押金大概多少。",
        ],
    };

    private static readonly string[] Closings = ["", "", "希望尽快处理。", "请相关部门重视。", "谢谢。", "盼复。"];

    public static readonly string[] Replies =
    [
        "您好，您反映的情况我们已核实，已对相关人员进行批评教育，并将加强培训。感谢您的监督。",
        "您好，经与科室沟通，已安排主治医生当面向您解释病情和治疗方案，如仍有疑问请随时联系医患办。",
        "您好，经核对收费明细，确有一项重复收费，已为您办理退费，给您带来不便深表歉意。",
        "您好，您的建议已转交相关部门，我们将逐步改进。感谢您对医院工作的支持。",
        "您好，已就您咨询的问题电话答复，如需进一步了解请拨打医院服务热线。",
        "您好，科室已召开专题会议，调整了排班和流程，今后会尽量缩短等候时间。",
    ];

    public static readonly string[] RatingComments = ["处理很及时，满意。", "态度很好，问题解决了。", "还可以。", "答复太慢了。", "没有真正解决问题。", ""];

    public static string[] CategoriesFor(string type) => type switch
    {
        FeedbackTypes.Complaint => [.. Complaints.Keys],
        FeedbackTypes.Suggestion => [.. Suggestions.Keys],
        FeedbackTypes.Consultation => [.. Consultations.Keys],
        _ => [FeedbackCategories.Attitude],
    };

    public static string Write(Random rng, string type, string category, string risk, string department, string? doctor, string date)
    {
        string core = type switch
        {
            FeedbackTypes.Praise => Pick(rng, Praise),
            FeedbackTypes.Suggestion => Pick(rng, Suggestions[category]),
            FeedbackTypes.Consultation => Pick(rng, Consultations[category]),
            _ when risk == RiskLevels.High => Pick(rng, Complaints[category]) + Pick(rng, HighRisk),
            _ when risk == RiskLevels.Medium => Pick(rng, Complaints[category]) + Pick(rng, MediumRiskEndings),
            _ => Pick(rng, Complaints[category]),
        };
        var text = (type == FeedbackTypes.Consultation ? "" : Pick(rng, Openings)) + core + (type == FeedbackTypes.Complaint ? Pick(rng, Closings) : "");
        return text.Replace("{dept}", department).Replace("{doctor}", doctor ?? "主治").Replace("{date}", date);
    }

    private static string Pick(Random rng, string[] items) => items[rng.Next(items.Length)];
}
