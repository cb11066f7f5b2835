using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// Plausible Chinese personal names: a surname drawn by its frequency in the population (王, 李, 张 and 刘 alone are
/// about a quarter of all people), and a one- or two-character given name in the taste of the person's generation
/// and sex (建国 and 秀英 are born in the 1950s, 浩宇 and 梓涵 after 2000).
/// </summary>
public sealed class ChineseNameGenerator
{
    // Surname shares in per mille, after the 2020 census (rounded); compound surnames are rare.
    private static readonly (string Surname, double Weight)[] Surnames =
    [
        ("王", 71), ("李", 70), ("张", 67), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 20), ("吴", 20), ("周", 19),
        ("徐", 15), ("孙", 15), ("马", 12), ("朱", 12), ("胡", 11), ("郭", 11), ("何", 10), ("林", 10), ("高", 10), ("罗", 9),
        ("郑", 9), ("梁", 8), ("谢", 7), ("宋", 7), ("唐", 7), ("许", 6.5), ("韩", 6.5), ("冯", 6.2), ("邓", 6.1), ("曹", 6),
        ("彭", 5.5), ("曾", 5.4), ("肖", 5.3), ("田", 5.2), ("董", 5.1), ("潘", 4.8), ("袁", 4.8), ("蔡", 4.6), ("蒋", 4.6), ("余", 4.4),
        ("于", 4.4), ("杜", 4.2), ("叶", 4.2), ("程", 4.1), ("魏", 4), ("苏", 4), ("吕", 3.9), ("丁", 3.8), ("任", 3.7), ("卢", 3.6),
        ("姚", 3.5), ("沈", 3.5), ("钟", 3.4), ("姜", 3.4), ("崔", 3.3), ("谭", 3.2), ("陆", 3.2), ("范", 3), ("汪", 3), ("廖", 3),
        ("石", 2.9), ("金", 2.8), ("韦", 2.8), ("贾", 2.7), ("夏", 2.7), ("付", 2.6), ("方", 2.6), ("邹", 2.5), ("熊", 2.4), ("白", 2.4),
        ("孟", 2.3), ("秦", 2.3), ("邱", 2.2), ("侯", 2.2), ("江", 2.2), ("尹", 2.1), ("薛", 2), ("闫", 2), ("段", 1.9), ("雷", 1.9),
        ("龙", 1.8), ("黎", 1.8), ("史", 1.8), ("陶", 1.7), ("贺", 1.7), ("毛", 1.6), ("郝", 1.6), ("顾", 1.6), ("龚", 1.5), ("邵", 1.5),
        ("万", 1.5), ("覃", 1.4), ("武", 1.4), ("钱", 1.4), ("戴", 1.3), ("严", 1.3), ("莫", 1.2), ("孔", 1.2), ("向", 1.2), ("常", 1.1),
        ("汤", 1.1), ("康", 1.1), ("易", 1), ("乔", 1), ("赖", 1), ("文", 1), ("施", 0.9), ("洪", 0.9), ("庄", 0.8), ("柯", 0.6),
        ("欧阳", 0.5), ("司马", 0.1), ("诸葛", 0.05), ("上官", 0.05),
    ];

    private static readonly double[] Cumulative = CumulativeOf(Surnames.Select(s => s.Weight));

    private sealed record Era(string[] MaleChars, string[] FemaleChars, string[] MaleWhole, string[] FemaleWhole);

    private static readonly Era Elder = new(
        ["国", "建", "军", "华", "明", "志", "德", "福", "富", "贵", "春", "永", "长", "忠", "文", "宝", "海", "林", "庆", "祥", "山", "发", "荣", "成"],
        ["秀", "英", "兰", "桂", "芳", "珍", "玉", "凤", "华", "淑", "琴", "翠", "素", "梅", "云", "莲", "芬", "霞", "美", "菊"],
        ["建国", "建华", "国强", "国庆", "志强", "德明", "永福", "长林", "文华", "卫东", "红军", "胜利", "海军", "福生", "援朝", "建军"],
        ["秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "秀珍", "淑珍", "玉珍", "桂芳", "素芬", "翠花", "淑英", "美兰", "春梅", "玉梅"]);

    private static readonly Era Middle = new(
        ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "波", "宁", "峰", "亮", "东", "健", "林", "毅", "俊", "晓"],
        ["丽", "敏", "静", "艳", "娟", "霞", "燕", "芳", "红", "玲", "婷", "洁", "琳", "慧", "颖", "雪", "丹", "萍", "晶", "莉", "倩", "晓", "婧", "琴"],
        ["建军", "志刚", "海涛", "永刚", "晓东", "文斌", "俊杰", "志伟", "海燕", "建平", "红兵", "立新", "晓明", "卫国", "家豪"],
        ["丽华", "晓燕", "春燕", "海燕", "丽娟", "红梅", "晓红", "雪梅", "丽萍", "秀梅", "艳红", "美玲", "晓丽", "文静", "雅琴"]);

    private static readonly Era Young = new(
        ["浩", "宇", "轩", "子", "梓", "睿", "博", "然", "泽", "昊", "晨", "天", "一", "铭", "宸", "俊", "皓", "杰", "哲", "翔", "辰", "嘉", "煜", "诚"],
        ["欣", "涵", "怡", "梓", "子", "雨", "诗", "佳", "思", "悦", "可", "琪", "萱", "若", "一", "语", "馨", "妍", "彤", "依", "晨", "雅", "心", "瑶"],
        ["浩宇", "子轩", "宇轩", "梓睿", "浩然", "一诺", "子墨", "俊熙", "皓轩", "博文", "天佑", "明哲", "睿泽", "沐宸"],
        ["欣怡", "梓涵", "子涵", "诗涵", "雨桐", "可馨", "语嫣", "思涵", "一诺", "若汐", "佳怡", "欣妍", "梓萱", "雨欣"]);

    private readonly Random _random;

    public ChineseNameGenerator(Random random) => _random = random;

    public string Surname() => Surnames[Pick(Cumulative, _random.NextDouble())].Surname;

    public string Name(string gender, int birthYear) => Surname() + GivenName(gender, birthYear);

    public string GivenName(string gender, int birthYear)
    {
        var era = birthYear < 1965 ? Elder : birthYear < 1995 ? Middle : Young;
        var male = gender != Genders.Female;
        var roll = _random.NextDouble();
        // Single-character given names were most common for those born in the 1980s–90s.
        var single = era == Middle ? 0.3 : era == Elder ? 0.15 : 0.1;
        if (roll < 0.25) return From(male ? era.MaleWhole : era.FemaleWhole);
        if (roll < 0.25 + single) return From(male ? era.MaleChars : era.FemaleChars);
        var pool = male ? era.MaleChars : era.FemaleChars;
        var first = From(pool);
        string second;
        do second = From(pool); while (second == first);
        return first + second;
    }

    private string From(string[] pool) => pool[_random.Next(pool.Length)];

    internal static double[] CumulativeOf(IEnumerable<double> weights)
    {
        var list = weights.ToList();
        var total = list.Sum();
        var acc = 0.0;
        return list.Select(w => acc += w / total).ToArray();
    }

    /// <summary>The index whose cumulative share first reaches u.</summary>
    internal static int Pick(double[] cumulative, double u)
    {
        var i = Array.BinarySearch(cumulative, u);
        if (i < 0) i = ~i;
        return Math.Min(i, cumulative.Length - 1);
    }
}
