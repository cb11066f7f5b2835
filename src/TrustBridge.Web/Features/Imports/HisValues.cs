using System.Globalization;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Imports;

/// <summary>How HIS exports write dates, times, flags and codes, and what TrustBridge makes of them.</summary>
public static class HisValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"];
    private static readonly string[] LocalTimeFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss",
    ];
    private static readonly string[] OffsetTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK",
    ];

    public static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A time with an offset (ISO 8601) is taken as is; one without is hospital wall-clock time.</summary>
    public static bool TryTime(string s, HospitalClock clock, out DateTime utc) => TryTime(s, new LocalTimeCache(clock), out utc);

    public static bool TryTime(string s, LocalTimeCache local, out DateTime utc)
    {
        utc = default;
        if (TryFastLocal(s, out var wallClock)) return local.TryToUtc(wallClock, out utc);
        if (HasOffset(s))
        {
            if (!DateTimeOffset.TryParseExact(s, OffsetTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto)) return false;
            utc = dto.UtcDateTime;
            return true;
        }
        if (!DateTime.TryParseExact(s, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        return local.TryToUtc(parsed, out utc);
    }

    /// <summary>The shape HIS exports nearly always use, yyyy-MM-dd HH:mm[:ss], read without the general parser.</summary>
    private static bool TryFastLocal(string s, out DateTime local)
    {
        local = default;
        if (s.Length is not (16 or 19) || s[4] != '-' || s[7] != '-' || s[10] is not (' ' or 'T') || s[13] != ':') return false;
        if (s.Length == 19 && s[16] != ':') return false;
        int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2), hour = Digits(s, 11, 2), minute = Digits(s, 14, 2);
        var second = s.Length == 19 ? Digits(s, 17, 2) : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || second < 0) return false;
        local = new DateTime(year, month, day, hour, minute, second);
        return true;
    }

    private static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c is < '0' or > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static bool HasOffset(string s)
    {
        if (s.EndsWith('Z') || s.EndsWith('z')) return true;
        var t = s.IndexOfAny(['T', ' ']);
        return t > 0 && s.IndexOfAny(['+', '-'], t) > 0;
    }

    public static bool? Flag(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "1" or "true" or "yes" or "y" or "t" or "是" or "有效" or "启用" or "在职" => true,
        "0" or "false" or "no" or "n" or "f" or "否" or "无效" or "停用" or "离职" => false,
        _ => null,
    };

    public static string? Gender(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "male" or "m" or "男" or "1" => Genders.Male,
        "female" or "f" or "女" or "2" => Genders.Female,
        "unknown" or "u" or "未知" or "0" or "9" or "other" => Genders.Unknown,
        _ => null,
    };

    public static string? DepartmentKind(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "clinical" or "临床" => DepartmentKinds.Clinical,
        "medtech" or "医技" => DepartmentKinds.MedTech,
        "admin" or "行政" or "职能" => DepartmentKinds.Admin,
        _ => null,
    };

    public static string? EncounterType(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "outpatient" or "门诊" or "amb" => EncounterTypes.Outpatient,
        "inpatient" or "住院" or "imp" => EncounterTypes.Inpatient,
        "emergency" or "急诊" or "emer" => EncounterTypes.Emergency,
        _ => null,
    };

    public static string? Disposition(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "home" or "治愈" or "好转" or "出院" or "回家" => DischargeDispositions.Home,
        "transfer" or "转院" or "转科" => DischargeDispositions.Transfer,
        "against-advice" or "自动出院" or "aadvice" => DischargeDispositions.AgainstAdvice,
        "died" or "死亡" or "exp" => DischargeDispositions.Died,
        "other" or "其他" or "oth" => DischargeDispositions.Other,
        _ => null,
    };
}
