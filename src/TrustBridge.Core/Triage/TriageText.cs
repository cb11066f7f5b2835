using System.Text;

namespace TrustBridge.Core.Triage;

/// <summary>
/// Text preparation for triage: full-width forms folded, common traditional characters mapped to simplified
/// (patients write both), Latin lower-cased; then clauses and character n-grams. No word segmentation:
/// character unigrams and bigrams carry most of the signal in short Chinese complaints.
/// </summary>
internal static class TriageText
{
    private const string Traditional = "醫護費態錢殺隱藥說診術號隊會們遲間裡這麼為沒讓對給時務員聽見應該動發現關開鬧橫門靈報銷險賠償體訴師檢單價貴錯誤療癒謝讚揚錦請問諮詢辦幾掛預約繳廁髒車調飯紅傭後洩簾視歧嚴亂兇罵煩臉氣惡傷癱瘓殘廢過燒樓農頭話電線還從結論實無點個來樣難轉滿意護願處當樣導給覺嗎麼啊們態術師熱臺台燈層陪針輸濟據購條惱專業";
    private const string Simplified = "医护费态钱杀隐药说诊术号队会们迟间里这么为没让对给时务员听见应该动发现关开闹横门灵报销险赔偿体诉师检单价贵错误疗愈谢赞扬锦请问咨询办几挂预约缴厕脏车调饭红佣后泄帘视歧严乱凶骂烦脸气恶伤瘫痪残废过烧楼农头话电线还从结论实无点个来样难转满意护愿处当样导给觉吗么啊们态术师热台台灯层陪针输济据购条恼专业";
    private static readonly Dictionary<char, char> ToSimplified = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++) map.TryAdd(Traditional[i], Simplified[i]);
        return map;
    }

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw;
            if (c == '\u3000') c = ' ';
            else if (c >= '\uFF01' && c <= '\uFF5E' && !IsChinesePunctuation(c)) c = (char)(c - 0xFEE0);
            if (ToSimplified.TryGetValue(c, out var s)) c = s;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    // Full-width ，！？；： are kept as they are: they already split clauses and read naturally in cues.
    private static bool IsChinesePunctuation(char c) => c is '，' or '！' or '？' or '；' or '：' or '（' or '）';

    public static bool IsBreak(char c) =>
        char.IsWhiteSpace(c) || c is '，' or '。' or '！' or '？' or '；' or '：' or ',' or '.' or '!' or '?' or ';' or ':'
            or '…' or '~' or '～' or '\n' or '\r' or '（' or '）' or '(' or ')' or '“' or '”' or '"' or '【' or '】';

    /// <summary>The input's own characters for a span of its normalized form (normalizing keeps every position).</summary>
    public static string Surface(string original, string normalized, int start, int end) =>
        original.Length == normalized.Length ? original[start..end] : normalized[start..end];

    /// <summary>Start and end (exclusive) of the clause around <paramref name="index"/>.</summary>
    public static (int Start, int End) ClauseAround(string text, int index)
    {
        var start = index;
        while (start > 0 && !IsClauseBreak(text[start - 1])) start--;
        var end = index;
        while (end < text.Length && !IsClauseBreak(text[end])) end++;
        return (start, end);
    }

    private static bool IsClauseBreak(char c) => c is '，' or '。' or '！' or '？' or '；' or ',' or '.' or '!' or '?' or ';' or '\n';

    /// <summary>Character unigrams and bigrams inside each run of non-break characters.</summary>
    public static List<string> Features(string normalized)
    {
        var features = new List<string>(normalized.Length * 2);
        var runStart = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i < normalized.Length && !IsBreak(normalized[i])) continue;
            for (var k = runStart; k < i; k++)
            {
                features.Add(normalized.Substring(k, 1));
                if (k + 1 < i) features.Add(normalized.Substring(k, 2));
            }
            runStart = i + 1;
        }
        return features;
    }
}
