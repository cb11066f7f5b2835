namespace TrustBridge.Core.Triage;

/// <summary>The classes of threat (docs/triage-threats.md). Each is a high risk (FEEDBACK.md).</summary>
public static class ThreatClasses
{
    public const string Surveillance = "surveillance";
    public const string Veiled = "veiled";
    public const string Weapon = "weapon";
    public const string Property = "property";
    public const string Crowd = "crowd";
    public const string SelfHarm = "selfharm";
    public const string Leaders = "leaders";
    public static readonly string[] All = [Surveillance, Veiled, Weapon, Property, Crowd, SelfHarm, Leaders];
}

/// <summary>
/// One threat found: its class, the words that make it (shown to staff), and whether it is live. A finding that is
/// negated ("我不会去闹"), reported ("听说有人…"), or hypothetical ("万一有人闹事…怎么办") is not live: it does not make
/// the case high, but it sends a case rated below high to the second look (可能高危).
/// </summary>
public sealed record ThreatFinding(string Class, string Text, int Start, int End, bool Live, string? Scope);

/// <summary>
/// The threat taxonomy: word lists per role (who is targeted, what is done, what is promised) and patterns over them,
/// evaluated per sentence of segmented words. A pattern is a conjunction of roles that must all occur in one sentence
/// (the scope); single-character words (刀, 油, 砸, 堵, 点) match only as whole jieba words, longer entries anywhere in
/// the sentence. Every finding then gets a scope check: negation in its clause, report or hypothesis in its sentence.
/// Pure and thread-safe; the segmenter is passed in.
/// </summary>
public static class ThreatTaxonomy
{
    // ---- roles: who ----
    private static readonly Role Staff = new("staff", """
        医生 大夫 护士 护士长 主任 主刀 主刀的 主治 麻醉师 麻醉医生 专家 那个医生 那个护士 那个大夫 那个主任 值班的 管床的 医护 他 她 你 他们 她们
        doctor dr nurse
        """);
    // Someone else's family (他老婆, 她闺女): the complainant's own family (我老公) is no target.
    private static readonly Role Family = new("family", """
        他老婆 他媳妇 他爱人 她老公 她爱人 他孩子 她孩子 他闺女 她闺女 他女儿 她女儿 他儿子 她儿子 他娃 她娃 他爸妈 她爸妈 他父母 她父母 他爸 他妈 她爸 她妈 他家人 她家人
        他家里人 她家里人 他的家人 她的家人 他一家 她一家 医生的孩子 医生的家人 护士的孩子 his kid his wife his family her kid her family
        """);
    private static readonly Role Leader = new("leader", "院长 副院长 书记 院领导 院方领导 领导 院办主任 党委");
    private static readonly Role FirstPerson = new("me", "我 我们 俺 俺们 咱 咱们 老子 本人 i we");

    // ---- surveillance: where and when a person can be found, and knowing or watching it ----
    private static readonly Role Whereabouts = new("whereabouts", """
        下班 上班 夜班 下夜班 值班 几点 出门 回家 住在 住哪 住哪儿 住哪里 家住 家在哪 家在 家门口 家楼下 楼下 小区 几栋 单元 门牌 住址 家庭住址 地址
        车牌 车牌号 开的车 开什么车 的车 停在 停车场 地库 路上 小路 那条路 南门 北门 东门 西门 后门 侧门 哪个门 学校 小学 中学 幼儿园 上学 放学 接孩子 单位 上班的地方
        老家 哪个村 lives school route home
        """);
    private static readonly Role Knowing = new("knowing", """
        知道 打听 打听清楚 查到 查清楚 摸清 摸清楚 门儿清 清清楚楚 一清二楚 认得 认识 记下 记住 记下来 看好 看见过 盯 盯着 盯了 跟了 跟着 跟踪 尾随 蹲 蹲了 蹲守 等着 等他 等她
        守着 转了一圈 转悠 人肉 照片 找得到 找不着 能找到 找到 know watch
        """);

    // A staff member's timetable and route named together: "每周三值夜班，下夜班走的那条小路".
    private static readonly Role Schedule = new("schedule", "下班 上班 夜班 下夜班 值班 几点 每天 每周 出门 回家 接孩子 送孩子 放学");
    private static readonly Role Route = new("route", "路 小路 那条路 路上 南门 北门 东门 西门 后门 侧门 哪个门 楼下 小区 停车场 地库 车 学校 幼儿园 家");

    // ---- veiled: consequences promised without a named act ----
    private static readonly Role Consequence = new("consequence", """
        别想安生 不得安生 不让他安生 不让你安生 安生不了 不好过 好过不了 走着瞧 等着瞧 看着点 小心点 当心点 天黑路滑 夜路 后果 后果自负 别说我没提醒 没提醒过 别怪我 可别怪我
        不敢保证 保证不了 干出啥 干出什么 做出什么 会干出 不知道会 不是你说了算 说了不算 账早晚 早晚要清 迟早 连本带利 拿命还 命来还 人命是要 输得起 输不起 没什么可失去
        什么都做得出 啥都干得出 别哭 有你好受 有你受的 够你受 给我记着 给我记住 记住了 给我等着 你等着 祈祷 遇见我 碰见我 碰到我 碰上 单独聊聊 好好聊聊 出门不踏实
        不踏实 睡不安稳 慢慢玩 玩得过 这事没完 没完 不会就这么算了 不会这么算了 咱们走着瞧 watch out careful regret
        """);

    // ---- weapons, fire, petrol, explosives ----
    private static readonly Role Weapon = new("weapon", """
        刀 刀子 菜刀 砍刀 水果刀 剔骨 剔骨刀 弹簧刀 镰刀 匕首 斧头 锤子 铁锤 榔头 棍子 铁棍 钢管 砖头 枪 家伙 那玩意儿 凶器 🔪 🗡
        油 汽油 气油 柴油 一桶油 煤气 煤气罐 液化气 打火机 火机 酒精 硫酸 浓硫酸 腐蚀 农药 炸药 炸弹 爆破 雷管 鞭炮 烟花 汽油瓶 燃烧瓶 knife gun petrol gasoline
        """);
    private static readonly Role WeaponUse = new("use", """
        带 带上 带着 带来 揣 揣着 拎 拎上来 提着 扛 扛到 拿 拿着 放着 准备 准备了 准备好 买好 买了 磨好 磨 藏 兜里 口袋里 车里 后备箱 泼 点 点了 点火 烧 烧了 炸 崩 弄点 搞点
        一了百了 跟他 找他 找那个 说道 聊聊 试试 等你们 等着 不难
        """);

    // ---- violence to property ----
    private static readonly Role Smash = new("smash", """
        砸 砸了 砸烂 砸个 砸碎 掀 掀翻 掀了 拆 拆了 全拆 扔下去 扔出去 踹 踹翻 踹烂 撞 撞开 撞烂 敲烂 敲碎 敲下来 扎了 扎破 划了 泼 泼上 泼油漆 红油漆 卸了 烧了 点了 毁了 推倒
        """);
    private static readonly Role Thing = new("thing", """
        电脑 玻璃 窗户 空调 监护仪 仪器 设备 机器 分诊台 护士站 办公室 诊室 东西 大门 门 牌子 招牌 缴费机 自助机 叫号屏 屏幕 车 轮胎 厕所 桌子 柜台 窗口 医院
        """);

    // ---- crowds, occupation, banners, wreaths, mourning ----
    private static readonly Role Mourning = new("mourning", """
        花圈 灵堂 横幅 横付 标语 遗像 遗照 披麻戴孝 孝服 戴孝 纸钱 冥币 棺材 抬棺 停尸 哭丧 烧纸
        """);
    private static readonly Role People = new("people", """
        口人 号人 几十个 几十人 几十号 上百人 一百多 全族 族里 全村 村里 老乡 兄弟 兄弟伙 一帮 一伙 亲戚 全家 一家老小 家里人 病友 业主 拉了个群 喊了 叫上 叫来 通知了
        人会越来越多 越来越多 几辆大巴 大巴
        """);
    private static readonly Role Occupy = new("occupy", """
        打地铺 谁也不走 不走 不走了 赖着 住在 住下 住走廊 走廊里 围起来 围住 围了 堵 堵住 堵得 堵在 守了 守着 守在 占了 占领 霸占 静坐 跪 跪着 躺 讨个说法 讨说法 过来 门口 大厅 哭
        搬
        """);

    // ---- self-harm tied to the dispute ----
    private static readonly Role SelfHarm = new("selfharm", """
        不想活 不活了 活够了 活着也没 没啥奔头 没奔头 活不下去 不如死 死在 死给 陪她 陪他 去陪 顶楼 楼顶 天台 跳楼 跳下去 翻出去 从楼上 喝药 喝农药 安眠药 安眠要
        吊死 上吊 割腕 割了手腕 抹了自己 抹脖子 烧了自己 点火烧 自焚 遗书 逼死 让车轧 撞车 命不要了 这条命 一死
        """);
    private static readonly Role Dispute = new("dispute", """
        你们 医院 院门口 科室 急诊 门诊 病房 住院部 楼顶 面 当着 认账 不给 不管 没人管 推来推去 交钱 报 债 诊断书 逼 让你们
        """);

    // ---- against leaders: any pursuing act aimed at a leader ----
    private static readonly Role Pursue = new("pursue", """
        家门口 家楼下 去他家 他家里 他家 家里找 等他 等到他 堵 拼命 车牌 碰上 碰到 聊聊 几点 哪个门 干不下去 不踏实 安生 点了 上学 冲到 冲进 找他 别想出来 不走 花圈 老家
        """);

    private static readonly (string Class, Role[] All)[] Patterns =
    [
        (ThreatClasses.Surveillance, [Staff, Whereabouts, Knowing]),
        (ThreatClasses.Surveillance, [Family, Whereabouts, Knowing]),
        (ThreatClasses.Surveillance, [Family, Whereabouts, Staff]),
        (ThreatClasses.Surveillance, [Staff, Schedule, Route]),
        (ThreatClasses.Veiled, [Consequence]),
        (ThreatClasses.Weapon, [Weapon, WeaponUse]),
        (ThreatClasses.Property, [Smash, Thing]),
        (ThreatClasses.Crowd, [Mourning]),
        (ThreatClasses.Crowd, [People, Occupy]),
        (ThreatClasses.SelfHarm, [SelfHarm, Dispute]),
        (ThreatClasses.Leaders, [Leader, Pursue]),
        (ThreatClasses.Leaders, [Leader, Consequence]),
    ];

    // ---- scope ----
    private static readonly string[] Negators =
    [
        "不会", "不想", "不是要", "不是想", "不是来", "不打算", "不愿", "没打算", "没想", "没有要", "没有威胁", "绝不", "绝对不", "不至于", "并不", "不是", "没", "不要", "别", "从不", "不去", "也不",
    ];
    private static readonly string[] ConditionMarkers = ["就", "否则", "不然", "要不", "逼", "再", "除非", "让我", "如果", "要是", "的话", "可"];
    private static readonly string[] ReportMarkers =
    [
        "新闻", "报道", "听说", "听病友", "听隔壁", "看到有人", "看到新闻", "网上看到", "有人说", "有个", "有人在", "有人往", "有人拿", "有家属", "有的家属", "同病房", "隔壁床", "醉汉", "喝醉",
        "别人", "外地", "以前", "上次看到", "上个月有人", "被人", "被病人", "打伤", "说要", "情绪失控", "情绪很激动",
    ];
    private static readonly string[] HypothesisMarkers = ["万一", "假如", "如果有", "要是有人", "遇到", "会不会", "能不能", "可以", "怎么办", "怎么处理", "吗", "建议", "希望"];
    private static readonly string[] Resolve = ["我就", "我要", "我会", "我们就", "我们要", "俺就", "我也", "我去他", "我让", "我把", "我拿", "我准备", "我已经"];

    public static List<ThreatFinding> Find(string normalized, IWordSegmenter segmenter, string? original = null) =>
        Find(normalized, segmenter.Cut(normalized), original);

    public static List<ThreatFinding> Find(string normalized, IReadOnlyList<Word> words, string? original = null)
    {
        original ??= normalized;
        var findings = new List<ThreatFinding>();
        if (normalized.Length == 0) return findings;
        var wordSet = words;
        foreach (var (start, end) in Sentences(normalized))
        {
            var sentence = normalized[start..end];
            var inSentence = wordSet.Where(w => w.Start >= start && w.End <= end).ToList();
            if (inSentence.Count == 0) continue;
            foreach (var (cls, roles) in Patterns)
            {
                var hits = new List<(int Start, int End)>();
                foreach (var role in roles)
                {
                    var hit = role.Find(sentence, start, inSentence, hits);
                    if (hit is null) { hits.Clear(); break; }
                    hits.Add(hit.Value);
                }
                if (hits.Count == 0) continue;
                if (findings.Any(f => f.Class == cls && f.Start >= start && f.End <= end)) continue;
                var first = hits.Min(h => h.Start);
                var last = hits.Max(h => h.End);
                var text = string.Join("…", hits.OrderBy(h => h.Start).Select(h => TriageText.Surface(original, normalized, h.Start, h.End)).Distinct());
                var scope = Scope(normalized, start, end, hits);
                findings.Add(new ThreatFinding(cls, text, first, last, scope is null, scope));
            }
        }
        return findings;
    }

    /// <summary>The scope of a cue found by other rules at [start, end): "negated", "reported", "hypothetical" or null.</summary>
    internal static string? ScopeOf(string text, int start, int end)
    {
        var (ss, se) = Sentences(text).FirstOrDefault(x => x.Item1 <= start && start < x.Item2, (0, text.Length));
        return Scope(text, ss, se, [(start, end)]);
    }

    /// <summary>Why a finding is not live ("negated", "reported", "hypothetical"), or null when it is.</summary>
    private static string? Scope(string text, int sentenceStart, int sentenceEnd, List<(int Start, int End)> hits)
    {
        var sentence = text[sentenceStart..sentenceEnd];
        var resolved = Resolve.Any(sentence.Contains);
        // Negated: every hit sits in a clause whose negator comes before it with no condition in between.
        if (hits.All(h => NegatedAt(text, h.Start))) return "negated";
        if (!resolved && ReportMarkers.Any(sentence.Contains)) return "reported";
        if (!resolved && HypothesisMarkers.Any(sentence.Contains) && !sentence.Contains("我就")) return "hypothetical";
        return null;
    }

    private static bool NegatedAt(string text, int index)
    {
        var (start, _) = TriageText.ClauseAround(text, index);
        var span = text[start..index];
        foreach (var n in Negators)
        {
            var at = span.LastIndexOf(n, StringComparison.Ordinal);
            if (at < 0) continue;
            var between = span[(at + n.Length)..];
            if (ConditionMarkers.Any(between.Contains)) continue;
            var before = span[..at];
            if (before.Contains("如果") || before.Contains("要是") || before.Contains("再")) continue;
            return true;
        }
        return false;
    }

    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('。' or '！' or '？' or '!' or '?' or '\n' or '；' or ';')) continue;
            if (i > start) yield return (start, i);
            start = i + 1;
        }
    }

    private sealed class Role
    {
        private readonly string[] _words;   // one character: whole jieba words only
        private readonly string[] _phrases; // longer: anywhere in the sentence
        private readonly Dictionary<char, string[]> _byFirst;

        public Role(string name, string list)
        {
            Name = name;
            var all = list.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
            _words = [.. all.Where(w => w.Length == 1 || (w.Length == 2 && char.IsSurrogate(w[0])))];
            _phrases = [.. all.Except(_words).OrderByDescending(p => p.Length)];
            _byFirst = _phrases.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.ToArray());
        }

        public string Name { get; }

        public IEnumerable<string> Entries => _words.Concat(_phrases);

        /// <summary>The first place this role occurs in the sentence that overlaps no earlier role's hit.</summary>
        public (int Start, int End)? Find(string sentence, int offset, List<Word> words, List<(int Start, int End)> taken)
        {
            // Longest phrase first at each position, positions left to right (one scan, candidates by first character).
            (int, int)? best = null;
            var bestLength = 0;
            for (var at = 0; at < sentence.Length; at++)
            {
                if (!_byFirst.TryGetValue(sentence[at], out var candidates)) continue;
                foreach (var p in candidates)
                {
                    if (p.Length <= bestLength || at + p.Length > sentence.Length || string.CompareOrdinal(sentence, at, p, 0, p.Length) != 0) continue;
                    if (IsLatin(p) && !WholeLatin(sentence, at, p.Length)) continue;
                    var span = (offset + at, offset + at + p.Length);
                    if (taken.Any(t => t.Start < span.Item2 && span.Item1 < t.End)) continue;
                    best = span;
                    bestLength = p.Length;
                }
            }
            if (best is not null) return best;
            foreach (var w in words)
            {
                if (!_words.Contains(w.Text)) continue;
                var span = (w.Start, w.End);
                if (!taken.Any(t => t.Start < span.Item2 && span.Item1 < t.End)) return span;
            }
            return null;
        }

        private static bool IsLatin(string p) => p.All(c => c < 128);

        private static bool WholeLatin(string s, int at, int length) =>
            (at == 0 || !char.IsLetter(s[at - 1])) && (at + length >= s.Length || !char.IsLetter(s[at + length]));
    }

    /// <summary>Every lexicon entry with the role it belongs to (for docs/triage-threats.md and tests).</summary>
    public static IEnumerable<(string Role, string Entry)> Lexicon() =>
        new[] { Staff, Family, Schedule, Route, Leader, FirstPerson, Whereabouts, Knowing, Consequence, Weapon, WeaponUse, Smash, Thing, Mourning, People, Occupy, SelfHarm, Dispute, Pursue }
            .SelectMany(r => r.Entries.Select(e => (r.Name, e)));
}
