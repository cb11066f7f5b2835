using System.Globalization;

namespace TrustBridge.Core.Text;

/// <summary>
/// Chinese names in pinyin order (陈 chen, 李 li, 王 wang, 张 zhang…), as a patient looks a doctor up. ICU's collation
/// for zh is pinyin; names that share a reading keep the ordinal order so the list is stable.
/// </summary>
public static class PinyinOrder
{
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create((a, b) =>
    {
        var c = Chinese.Compare(a, b, CompareOptions.None);
        return c != 0 ? c : string.CompareOrdinal(a, b);
    });

    public static IOrderedEnumerable<T> OrderByPinyin<T>(this IEnumerable<T> items, Func<T, string> name) => items.OrderBy(name, Comparer);
}
