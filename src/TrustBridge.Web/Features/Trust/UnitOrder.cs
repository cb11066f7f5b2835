using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Statistics;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Trust;

/// <summary>
/// The order of a unit table: alarms first (低信任预警, 需关注, then 优秀, 良好, 正常, 样本不足 last), so the one
/// row that calls for action never sits mid-table; a page may sort by another column with ?sort=name|n|index|rate|flag
/// (a leading "-" reverses it), no JavaScript needed.
/// </summary>
public static class UnitOrder
{
    public static readonly string[] Keys = ["flag", "name", "n", "index", "rate"];

    public static int Severity(string? flag) => flag switch
    {
        FunnelFlags.LowAlarm => 0,
        FunnelFlags.LowAlert => 1,
        FunnelFlags.HighAlarm => 2,
        FunnelFlags.HighAlert => 3,
        FunnelFlags.Within => 4,
        _ => 5,
    };

    /// <summary>The rows in the asked order; an unknown key is the default (flagged first, then by code).</summary>
    public static List<UnitRow> Sort(IEnumerable<UnitRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = descending ? sort![1..] : sort;
        IOrderedEnumerable<UnitRow> ordered = key switch
        {
            "name" => descending ? rows.OrderByDescending(u => u.Name, StringComparer.Ordinal) : rows.OrderBy(u => u.Name, StringComparer.Ordinal),
            "n" => descending ? rows.OrderByDescending(u => u.N) : rows.OrderBy(u => u.N),
            // Units without a figure go last either way.
            "index" => descending ? rows.OrderBy(u => u.TrustIndex is null).ThenByDescending(u => u.TrustIndex) : rows.OrderBy(u => u.TrustIndex is null).ThenBy(u => u.TrustIndex),
            "rate" => descending ? rows.OrderBy(u => u.TrustingRate is null).ThenByDescending(u => u.TrustingRate) : rows.OrderBy(u => u.TrustingRate is null).ThenBy(u => u.TrustingRate),
            _ => descending ? rows.OrderByDescending(u => Severity(u.Flag)) : rows.OrderBy(u => Severity(u.Flag)),
        };
        return ordered.ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
    }
}

/// <summary>An instrument's code and its title in both languages (the newest version's), for trust pages that show names, not codes.</summary>
public sealed record InstrumentName(string Code, string TitleZh, string TitleEn)
{
    public string Title => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? TitleEn : TitleZh;

    public static async Task<IReadOnlyList<InstrumentName>> ListAsync(TrustDbContext db, CancellationToken ct = default)
    {
        var all = await db.Instruments.AsNoTracking().Select(i => new { i.Code, i.Version, i.TitleZh, i.TitleEn }).ToListAsync(ct);
        return all.GroupBy(i => i.Code).Select(g => g.OrderByDescending(i => i.Version).First())
            .OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new InstrumentName(i.Code, i.TitleZh, i.TitleEn)).ToList();
    }

    /// <summary>The title of <paramref name="code"/> among <paramref name="names"/>, or the code when unknown.</summary>
    public static string Of(IReadOnlyList<InstrumentName> names, string code) => names.FirstOrDefault(n => n.Code == code)?.Title ?? code;
}
