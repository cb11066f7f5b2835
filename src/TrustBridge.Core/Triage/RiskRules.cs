namespace TrustBridge.Core.Triage;

/// <summary>
/// Risk is rules, not statistics: a missed threat costs far more than a false alarm, and every decision must be
/// explainable by the phrase that caused it. Short cues (刀, 堵, 闹) are kept broad, with the everyday words that
/// contain them listed as non-cues (开刀, 堵车, 热闹). A cue is dropped only in clear cases: it sits in a clause
/// that reports news or prevention ("新闻里看到有人砍医生") with no first-person threat, a platform is named
/// without the patient taking the case there ("在抖音上看到"), or it is negated ("我不会闹事", "不是要去曝光"; kept as a "risk:low" cue so staff see it).
/// Conditions and dares ("不给说法我就拉横幅", "不要逼我") are not negations.
/// </summary>
internal static class RiskRules
{
    private const string None = "none";
    private const string Platform = "platform";

    private static readonly PhraseLexicon Lexicon = new(
    [
        .. PhraseLexicon.Parse(RiskLevels.High, """
            抽他 抽你 抽她 抽死 扇他 扇她 扇你 扇耳光 大耳刮子 打他 打她 打你 见一次打一次 打一次 混不下去 兄弟来 家里的兄弟 带着兄弟 几十个老乡 一帮老乡 找老乡 叫老乡
            老乡来 门封了 把门封 回不了家 别想回家 她住哪 他住哪 你住哪 他们住哪 他住在哪 她住在哪 知道她家 她跑不了 他跑不了 你跑不了 你们跑不了 让她好看 收拾她 教训她
            废了她 不会让她好过 等她下班 让她陪 宰了她 弄死她 搞死他 搞死她
            出不了医院 出不了这个门 走不出 给我等着 知道他几点下班 知道你几点下班 下班路上 蹲他 蹲守 堵他 守着他 在门口等他 叫几个兄弟 叫兄弟 找兄弟 几个兄弟 叫上兄弟 社会上的朋友
            叫了亲戚 叫亲戚 把亲戚 几个亲戚 几十个亲戚 二十几个亲戚 亲戚朋友都叫来 村的人 通知了老家 老家来人 老家的亲戚 族里的人 家族的人 全家老小 全家都来 拉人来 带人来 带人过来 带一帮
            活着没意思 没法活了 活不成了 死在这里 死在这儿 死在门口 寻死 轻生 一死了之 死给你看 安眠药 烧炭 跳河 撞死 撞墙 割脉 抹脖子 结束生命 去死 跳下 从楼上 楼顶跳
            枪 斧头 锤子 铁锤 榔头 电棍 匕首 凶器 武器 防身 泼 泼油 泼粪 打残 打爆 弄残 弄死他 卸了 放血 见血 出人命 闹出人命 要他的命 要你们的命 要了他的命
            静坐 围攻 冲击 占领 霸占 赖着不走 不走了 堵路 封门 举牌 打横幅 挂横幅 标语 披麻戴孝 戴孝 哭丧 纸钱 冥币 棺材 抬棺 遗体 尸体 寿衣 跪在 睡在医院大厅 住在医院不走
            找上门 上门找 找到他家 找他家人 他的家人 他家里人 走夜路 你小心点 你们小心点 给我小心点 小心你的 小心你们 咱们走着瞧 鱼死网破 玉石俱焚 豁出去 不要命了 命不要了 坐牢也 大不了坐牢
            砍 砍死 砍人 捅 捅死 拿刀 带刀 菜刀 提刀 持刀 水果刀 砍刀 刀子 动刀子 杀 杀了 杀人 宰了你 宰了他 宰了你们 弄死 搞死你 打死 同归于尽 炸 炸药 炸弹
            泼汽油 汽油 放火 烧了你们 烧了医院 点火 纵火 硫酸 让他好看 让你们好看 要你们好看 给你们好看 有你们好看 颜色看看 血债血偿 一命抵一命 偿命
            跟你们拼了 和你们拼了 跟你拼了 拼个你死我活 跟你们拼命 和你们拼命 跳楼 跳下去 死在你们医院 死在医院 死在你们 死给你们看 喝农药 农药 割腕 自杀 上吊
            吊死 不想活了 不活了 拉横幅 横幅 堵门 堵住大门 堵大门 堵住门口 堵在门口 堵医生 堵办公室 堵住办公室 堵住医生 堵住你们 围堵 花圈 灵堂 设灵堂 摆灵堂
            停尸 抬尸 抬到 叫上亲戚 叫亲戚来 叫上家里人 找一帮人 找人来 找几个人 叫一帮人 叫几个人 一帮人来 医闹 闹事 来闹 去闹 大闹 闹到底 闹大 闹一场 闹得
            打一顿 等他下班 最好小心 知道他住哪 知道你住哪 知道他家 堵 刀 闹 陪葬 抵命 付出代价 棍子 棒子 铁棍 砖头 遗像 全村 村里的人 叫人来 喊人来
            几十口人 几十个人 一帮人 找人把 不会让你们好过 让你们不好过 没好果子吃 不怕坐牢 一命换一命 不会让他好过
            敢再 再敢 算账 拼了 躺着出去 尝尝滋味 尝尝 不得安宁 别想好过 谁也别想 谁都别想 别让我碰到 别让我遇到 别让我看见 叫人过来 看谁狠 一把火 烧纸 烧了这
            掀了 拆了 让他陪
            砸 打人 揍 动手 收拾他 收拾你们 教训教训 教训他 废了他 打断 报复 别怪我不客气 对你们不客气 对他不客气 后果自负 不会放过 饶不了 决不罢休 绝不罢休
            """),
        .. PhraseLexicon.Parse(RiskLevels.Medium, """
            误工费 营养费 精神赔偿 负全部责任 负责到底 承担全部 追究 追责 问责 卫健 卫生部门 主管部门 上级 卫生厅 药监 物价局 医保部门 审计 人大代表 政协 网信 消费者协会
            司法 仲裁 医疗纠纷 纠纷 尸检 人已经走了 人走了 没救回来 没能救回来 没救过来 救不回来 脑瘫 休克 病危 昏迷 没醒过来 醒不过来 后遗症 大出血 夭折 流产 死胎 胎死
            失聪 毁了 一辈子 重度 致残 致死 害死 治死 治残 丧命 丢了命 没了命 人财两空 投诉到 实名举报 实名 市民热线 热线 监管 央视 曝 上头条 讨公道 说理 告状 告医院
            赔偿 赔钱 赔 补偿 索赔 精神损失 损失费 卫健委 卫生局 卫计委 卫生健康委 12345 12320 市长热线 政府热线 服务热线投诉 曝光 律师 起诉 法院 告你们
            告到底 打官司 法律途径 走法律 诉讼 医疗事故鉴定 鉴定 医疗事故 医调委 调解委员会 信访 上访 纪委 监察 报警 公安 派出所 上级部门 有关部门 药监局
            医保局 市场监管 消协 捅出去 捅到 捅给 人没了 去世 死亡 过世 离世 死了 没抢救过来 抢救无效 瘫痪 残疾 植物人 截肢 失明 终身 毁容 差点死 差点没命
            法庭 告上 上诉 承担医疗费 承担费用 承担责任 负全责 差点丢了命 瘫 送命 命都没了 脑死亡 伤残 活不下去 回家等死 走着瞧 等着瞧 你们等着 死磕 讨回公道
            """),
        .. PhraseLexicon.Parse(Platform, """
            报纸 贴吧 知乎 b站 论坛 微信群 热搜 直播 自媒体 网友 大家评评
            媒体 记者 电视台 报社 微博 抖音 小红书 快手 头条 网上 朋友圈 视频号 公众号 网络 上网 发网上
            """),
        // Everyday words that contain a cue but are not one.
        .. PhraseLexicon.Parse(None, """
            打他电话 打她电话 打你电话 打他的电话 打她的电话 打你们电话 打你们的电话 打他手机 打她手机 打你们医院电话 打你们医院的电话 打一次针 打一次点滴
            额温枪 体温枪 扫码枪 测温枪 水枪 枪伤 跪着 标语牌 宣传标语 剪刀 刀片 泼水 泼了一地 活泼 尸体解剖 遗体告别 遗体捐献 上级医院 上级医生 上级大夫 一辈子都记得 一辈子感谢
            一辈子忘不了 举报电话 举报方式 热线电话 服务热线 咨询热线 纠纷处理 不走了吗 天台花园 静坐时间 追究到 举报红包的 一针见血 放血疗法 被打断 打断我 打断了我 打断病人 打断别人 夹枪带棒 动手推 又堵了 还堵 车堵 车堵死了
            炸得 堵车堵 差点动手 不闹 凶死了 排了几十个人 几十个人排队 不能打人 残疾人 残疾证
            堵车 堵塞 厕所堵 马桶堵 下水道堵 管堵 鼻子堵 路堵 堵在路上 堵得慌 心里堵 血管堵 主刀 动刀 刀疤 挨了一刀 挨一刀 胡闹 闹着玩 闹情绪 哭闹 闹腾
            闹别扭 闹矛盾 孩子闹 热闹
            砍价 砍一刀 砍掉 刀子嘴 开刀 刀口 杀菌 消杀 杀毒 抹杀 杀虫 秒杀 扼杀 杀价 打死也不 打死我也不 打死都不 打死不 气炸 炸锅 炸鸡 油炸 爆炸性 头要炸
            头都炸 炸裂 拼了命 拼了老命 动手术 砸到 砸伤 砸招牌 砸了招牌 砸饭碗 砸了饭碗 打击报复 跳楼价 捅破 捅娄子 捅篓子 赔礼 赔不是 赔笑 疼死 累死 气死 饿死 吵死 热死
            冷死 急死 笑死 烦死 困死 忙死 渴死 闷死 臭死 痒死 吓死 死贵 死活 死机 要死 死板 死心 等死了 死亡线 闹心 热闹 吵闹 闹钟 闹肚子 网上预约 网上挂号
            网上缴费 网上查 网上支付 网上办理 网上申请 网络预约 鉴定中心开 农药残留 横幅标语 动手能力 自己动手 终身难忘 终身受益 终生难忘 拼命抢救 拼命救
            """),
    ]);

    private static readonly string[] Negators =
    [
        "不会", "不想", "不是要", "不是想", "不打算", "不愿意", "不愿", "没打算", "没想", "没想过", "绝不会", "绝对不会", "不至于", "并不想", "并不是", "不要",
        "不用", "不需要", "无意", "不去", "没必要", "不是为了", "不图", "不求", "没有要", "不准备", "没准备",
    ];

    // Between a negator and its cue these turn "不…" into a condition or a dare: "不给说法我就拉横幅", "不要逼我".
    private static readonly string[] ConditionMarkers = ["就", "否则", "不然", "要不", "逼", "再", "除非", "让我", "如果", "要是", "的话"];

    private static readonly string[] ReportMarkers =
    [
        "新闻", "报道", "电视上", "电视里", "网上看到", "视频里", "电影", "电视剧", "别的医院", "其他医院", "外地", "防止", "防范", "避免", "预防", "保护好",
        "杜绝", "反对", "谴责", "心疼医生", "以前听说",
    ];

    private static readonly string[] FirstPersonThreat = ["我就", "我要", "我会", "我们就", "我们要", "我们会", "信不信", "你们等着", "我也", "咱们就", "我非"];

    private static readonly string[] PostingMarkers =
        ["发", "曝光", "爆料", "让大家", "找", "投", "联系", "上报", "反映", "评评理", "传到", "传上", "公开", "交给", "给", "挂到", "挂在", "放到", "要上", "告诉", "曝"];

    // Words that contain a posting marker without meaning posting (发现, 发烧…).
    private static readonly string[] NotPosting = ["发现", "发烧", "发火", "发脾气", "发炎", "发票", "出发", "发药", "发错", "发生", "发作", "发热", "沙发"];

    // "…我就在你们病房里点一把火": a first-person resolution followed by a disruptive act, however it is worded.
    private static readonly string[] Resolutions = ["我就", "我们就", "我现在就", "我今天就", "我明天就", "我马上就", "我第一个", "我们全家就", "我立刻"];
    private static readonly string[] DisruptiveActs = ["躺", "跪", "守", "掀", "拆", "扔", "摔", "烧", "泼", "抬", "冲进", "冲到", "不走", "拼", "点一把", "点了", "倒到", "倒在", "堆到", "堆在", "封了"];

    /// <summary>
    /// Level and cues. A high cue whose sentence is negated, reported or hypothetical in the threat taxonomy's scope
    /// (<see cref="ThreatTaxonomy"/>) counts as a mention: low, and <paramref name="mentioned"/> set for the second look.
    /// </summary>
    public static (string Level, List<TriageCue> Cues) Assess(string normalized, string original, bool isPraise) => Assess(normalized, original, isPraise, out _);

    public static (string Level, List<TriageCue> Cues) Assess(string normalized, string original, bool isPraise, out bool mentioned)
    {
        mentioned = false;
        var cues = new List<TriageCue>();
        var rank = 0;
        var hasHigh = false;
        foreach (var m in Lexicon.Matches(normalized))
        {
            var label = m.Entry.Label;
            if (label == None) continue;
            var (start, end) = TriageText.ClauseAround(normalized, m.Index);
            var clause = normalized[start..end];
            if (label == Platform)
            {
                // A platform is a threat only when the patient takes the case there, not when she read something there.
                var (ss, se) = SentenceAround(normalized, m.Index);
                var sentence = NotPosting.Aggregate(normalized[ss..se], (t, w) => t.Replace(w, "", StringComparison.Ordinal));
                if (!PostingMarkers.Any(sentence.Contains)) continue;
                label = RiskLevels.Medium;
            }
            if (label == RiskLevels.High && ReportMarkers.Any(clause.Contains) && !FirstPersonThreat.Any(clause.Contains)) continue;

            var level = RiskLevels.Rank(label);
            var from = m.Index;
            var negatedAt = NegatorBefore(normalized, start, m.Index);
            if (negatedAt >= 0)
            {
                level = 0;
                from = negatedAt;
                if (label == RiskLevels.High) mentioned = true;
            }
            else if (label == RiskLevels.High && ThreatTaxonomy.ScopeOf(normalized, m.Index, m.End) is not null)
            {
                level = 0;
                mentioned = true;
            }
            var text = TriageText.Surface(original, normalized, from, m.End);
            var signal = "risk:" + RiskLevels.FromRank(level);
            if (level == 2) hasHigh = true;
            rank = Math.Max(rank, level);
            cues.Add(new TriageCue(text, signal, level == 2 ? 1.0 : level == 1 ? 0.5 : 0.0));
        }
        foreach (var cue in ResolvedDisruptions(normalized, original))
        {
            if (cue.Text.StartsWith("我就是", StringComparison.Ordinal)) continue;
            if (cues.Any(c => c.Signal == "risk:high" && cue.Text.Contains(c.Text, StringComparison.Ordinal))) continue;
            cues.Add(cue);
            hasHigh = true;
            rank = 2;
        }
        if (isPraise && !hasHigh) rank = 0; // praise is low risk, unless it carries a live threat
        return (RiskLevels.FromRank(rank), cues);
    }

    private static IEnumerable<TriageCue> ResolvedDisruptions(string normalized, string original)
    {
        foreach (var r in Resolutions)
        {
            for (var at = normalized.IndexOf(r, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(r, at + r.Length, StringComparison.Ordinal))
            {
                var (start, end) = TriageText.ClauseAround(normalized, at);
                if (NegatorBefore(normalized, start, at) >= 0) continue;
                var rest = normalized[(at + r.Length)..end];
                var act = DisruptiveActs.Select(a => (Act: a, Index: rest.IndexOf(a, StringComparison.Ordinal))).Where(x => x.Index >= 0).OrderBy(x => x.Index).FirstOrDefault();
                if (act.Act is null) continue;
                yield return new TriageCue(TriageText.Surface(original, normalized, at, at + r.Length + act.Index + act.Act.Length), "risk:high", 1.0);
            }
        }
    }

    private static (int Start, int End) SentenceAround(string text, int index)
    {
        var start = index;
        while (start > 0 && text[start - 1] is not ('。' or '！' or '？' or '!' or '?' or '\n')) start--;
        var end = index;
        while (end < text.Length && text[end] is not ('。' or '！' or '？' or '!' or '?' or '\n')) end++;
        return (start, end);
    }

    /// <summary>Index of a negator that governs the cue at <paramref name="cueIndex"/>, or -1.</summary>
    private static int NegatorBefore(string text, int clauseStart, int cueIndex)
    {
        const int window = 8;
        var from = Math.Max(clauseStart, cueIndex - window);
        var span = text[from..cueIndex];
        var best = -1;
        foreach (var n in Negators)
        {
            var at = span.LastIndexOf(n, StringComparison.Ordinal);
            if (at < 0) continue;
            var between = span[(at + n.Length)..];
            if (ConditionMarkers.Any(between.Contains)) continue;
            // Something before the negator may still make it a condition: "要是你们不…", "如果不…".
            var before = text[clauseStart..(from + at)];
            if (before.Contains("如果") || before.Contains("要是") || before.Contains("再")) continue;
            best = best < 0 ? from + at : Math.Min(best, from + at);
        }
        return best;
    }
}
