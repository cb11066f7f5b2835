using TrustBridge.Core.Statistics;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Trust;
using FeedbackWords = TrustBridge.Web.Pages.Staff.Feedback.FeedbackLabels;

namespace TrustBridge.Web.Features.Exports;

/// <summary>
/// The words of every CSV/.xlsx download (issue 8, defect 13): exports name their columns with codes
/// (<c>status</c>, <c>trust_index</c>…); this lookup turns each header into its Chinese words, and each coded value
/// (status, type, category, risk, channel, source, flag, kind, gender…) into the words the pages use, then the
/// localizer gives English when the culture is English. A coded column keeps its codes in an extra column named
/// <c>&lt;column&gt;_code</c> right after it, for machines. One place for all exports, not one per export.
/// </summary>
public static class ExportLabels
{
    /// <summary>Chinese header of each column code (the localizer key).</summary>
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["id"] = "编号", ["code"] = "编码", ["name"] = "名称", ["n"] = "样本量 n", ["status"] = "状态", ["title"] = "职称", ["kind"] = "类别",
        ["active"] = "在用", ["staff"] = "职工", ["department"] = "科室", ["department_code"] = "科室编码", ["department_name"] = "科室名称",
        ["parent_code"] = "上级科室编码", ["parent_name"] = "上级科室", ["licence_number"] = "执业证号", ["specialties"] = "专长",
        ["mrn"] = "病案号", ["patient"] = "患者", ["gender"] = "性别", ["birth_date"] = "出生日期", ["age"] = "年龄", ["mobile_masked"] = "手机号（脱敏）",
        ["id_number_masked"] = "身份证号（脱敏）", ["deceased_on"] = "死亡日期", ["survey_opt_out"] = "已退订调查",
        ["his_id"] = "HIS 编号", ["type"] = "类型", ["staff_code"] = "职工工号", ["staff_name"] = "职工姓名", ["started_at"] = "开始时间", ["ended_at"] = "结束时间",
        ["discharge_disposition"] = "出院去向",
        ["trust_index"] = "信任指数", ["ci_low"] = "信任指数 95% CI 下限", ["ci_high"] = "信任指数 95% CI 上限", ["trusting_rate"] = "信任率",
        ["rate_ci_low"] = "信任率 95% CI 下限", ["rate_ci_high"] = "信任率 95% CI 上限", ["lower95"] = "95% 下限", ["upper95"] = "95% 上限",
        ["lower998"] = "99.8% 下限", ["upper998"] = "99.8% 上限", ["flag"] = "漏斗图标记", ["month"] = "月份", ["centre"] = "中线",
        ["lower_limit"] = "下控制限", ["upper_limit"] = "上控制限", ["signals"] = "信号", ["dimension"] = "维度", ["score"] = "得分",
        ["encounter_date"] = "就诊日期", ["source"] = "来源", ["comment"] = "留言", ["item"] = "题目", ["alpha_if_deleted"] = "删除该题后的 α",
        ["corrected_item_total_r"] = "校正题总相关 r", ["warning"] = "提示", ["alpha"] = "信度 Cronbach α", ["complete_respondents"] = "完整作答人数",
        ["instrument"] = "问卷", ["instrument_version"] = "问卷版本", ["period_from"] = "期间开始", ["period_to"] = "期间结束", ["owner"] = "负责人",
        ["due_on"] = "截止日期", ["notes"] = "措施与进展", ["response_id"] = "答卷编号", ["reason"] = "原因", ["recommend"] = "推荐意愿",
        ["created_at"] = "创建时间", ["closed_at"] = "关闭时间", ["margin"] = "允许误差", ["response_rate"] = "预期应答率", ["seed"] = "随机种子",
        ["contact_date"] = "联系日期", ["eligible"] = "符合条件", ["invitations"] = "邀请数", ["answered"] = "已答", ["created_by"] = "创建人",
        ["expires_at"] = "失效时间", ["tracking_code"] = "查询码", ["category"] = "分类", ["risk_level"] = "风险等级", ["channel"] = "渠道",
        ["content_excerpt"] = "内容摘要", ["received_at"] = "收到时间", ["acknowledge_by"] = "应受理时间", ["due_by"] = "应答复时间",
        ["replied_at"] = "答复时间", ["alert_open"] = "高危预警未确认", ["overdue"] = "已超期", ["due_soon"] = "即将到期", ["text"] = "内容",
        ["suggested_type"] = "建议类型", ["suggested_category"] = "建议分类", ["suggested_risk_level"] = "建议风险等级", ["at"] = "时间",
        ["cases"] = "件数", ["complaints"] = "投诉", ["complaint"] = "投诉", ["suggestion"] = "建议", ["praise"] = "表扬", ["consultation"] = "咨询",
        ["cue"] = "线索词", ["latest_excerpt"] = "最近一条摘要", ["what"] = "措施", ["evidence"] = "完成证据", ["evidence_url"] = "附件链接",
    };

    /// <summary>The Chinese word of a coded value of a column; null when the column is not coded.</summary>
    public static Func<string, string>? ValuesOf(string column, string tableTitle) => column switch
    {
        "status" => code => StatusWord(code, tableTitle),
        "type" or "suggested_type" => code => Known(FeedbackWords.Type(code), code) ?? Known(TrustBridge.Web.Pages.Shared.Show.EncounterType(code), code) ?? code,
        "category" or "suggested_category" => code => FeedbackWords.Category(code),
        "risk_level" or "suggested_risk_level" => code => FeedbackWords.Risk(code),
        "channel" => code => FeedbackWords.Channel(code),
        "source" => code => code switch
        {
            ResponseSources.Invitation => "抽样邀请", ResponseSources.Paper => "纸质问卷", ResponseSources.Import => "导入", ResponseSources.Qr => "二维码（便利样本）",
            _ => code,
        },
        "flag" => code => TrustBridge.Web.Pages.Staff.Trust.TrustLabels.Flag(code),
        "kind" => code => TrustBridge.Web.Pages.Shared.Show.DepartmentKind(code),
        "gender" => code => TrustBridge.Web.Pages.Shared.Show.Gender(code),
        "discharge_disposition" => code => TrustBridge.Web.Pages.Shared.Show.Disposition(code),
        "dimension" => code => TrustBridge.Web.Pages.Staff.Trust.DimensionLabels.Of(code),
        "signals" => code => string.Join("；", code.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(SignalWord)),
        _ => null,
    };

    /// <summary>Statuses of cases, plans and actions, invitations and report units share the column name; the table says which.</summary>
    private static string StatusWord(string code, string tableTitle)
    {
        if (code == UnitStatuses.Reportable) return "可报告";
        if (code == UnitStatuses.InsufficientSample) return "样本不足";
        var plan = tableTitle.Contains("plan", StringComparison.OrdinalIgnoreCase) || tableTitle.Contains("recovery", StringComparison.OrdinalIgnoreCase)
            || tableTitle.Contains("action", StringComparison.OrdinalIgnoreCase);
        if (plan && PlanStatuses.All.Contains(code)) return TrustBridge.Web.Pages.Staff.Trust.PlanLabels.Status(code);
        if (tableTitle.Contains("invitation", StringComparison.OrdinalIgnoreCase))
            return TrustBridge.Web.Pages.Staff.Surveys.Waves.WaveLabels.Status(code);
        return Known(FeedbackWords.Status(code), code) ?? Known(TrustBridge.Web.Pages.Staff.Trust.PlanLabels.Status(code), code)
            ?? TrustBridge.Web.Pages.Staff.Surveys.Waves.WaveLabels.Status(code);
    }

    private static string SignalWord(string code) =>
        Enum.GetValues<XmrSignal>().FirstOrDefault(s => XmrView.SignalCode(s) == code) is var s && XmrView.SignalCode(s) == code ? XmrView.SignalLabel(s) : code;

    private static string? Known(string word, string code) => word == code || word == "—" ? null : word;

    /// <summary>
    /// The table in words: headers through <see cref="Headers"/>, coded values through <see cref="ValuesOf"/> with a
    /// <c>_code</c> column beside each coded column, true/false as 是/否; each word passed through <paramref name="translate"/>
    /// (the localizer: Chinese as is, English when the culture is English).
    /// </summary>
    public static ExportTable Localize(ExportTable table, Func<string, string> translate)
    {
        var columns = table.Headers.Select(h => (Header: h, Values: ValuesOf(h, table.Title))).ToList();
        var headers = new List<string>();
        foreach (var (h, values) in columns)
        {
            // People have a 姓名, units a 名称.
            var personal = h == "name" && table.Title is "patients" or "staff";
            headers.Add(personal ? translate("姓名") : Headers.TryGetValue(h, out var zh) ? translate(zh) : h);
            if (values is not null) headers.Add(h + "_code");
        }
        var rows = table.Rows.Select(row =>
        {
            var cells = new List<object?>(headers.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = i < row.Count ? row[i] : null;
                if (columns[i].Values is { } words)
                {
                    cells.Add(cell is string code && code.Length > 0 ? Words(words(code), translate) : cell);
                    cells.Add(cell);
                }
                else cells.Add(cell is bool b ? translate(b ? "是" : "否") : cell);
            }
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return table with { Headers = headers, Rows = rows };
    }

    /// <summary>A joined list of words (signals) is translated word by word.</summary>
    private static string Words(string zh, Func<string, string> translate) => !zh.Contains('；') ? translate(zh)
        : string.Join(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "; " : "；", zh.Split('；').Select(translate));
}
