using TrustBridge.Core.Calendar;

namespace TrustBridge.Core.Disputes;

/// <summary>A stretch of days, both ends included (an appraisal that stops the mediation clock).</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly d) => d >= From && d <= To;
}

/// <summary>The clocks of 《医疗纠纷预防和处理条例》 (DISPUTES.md), in hospital-local dates and times.</summary>
public static class DisputeClocks
{
    /// <summary>People's mediation finishes within 30 working days of acceptance (art. 38).</summary>
    public const int PeopleMediationWorkingDays = 30;
    /// <summary>Administrative mediation: the authority decides whether to accept within 5 working days (art. 40)…</summary>
    public const int AdministrativeAcceptWorkingDays = 5;
    /// <summary>…and finishes within 30 working days of acceptance.</summary>
    public const int AdministrativeMediationWorkingDays = 30;
    public static readonly TimeSpan AutopsyWindow = TimeSpan.FromHours(48);
    public static readonly TimeSpan AutopsyWindowFrozen = TimeSpan.FromDays(7);
    /// <summary>Bodies are kept at most 14 days (art. 27).</summary>
    public static readonly TimeSpan BodyKeptAtMost = TimeSpan.FromDays(14);
    /// <summary>Major negligence under the 2002 regulation: reported within 12 hours.</summary>
    public static readonly TimeSpan MajorNegligenceReport = TimeSpan.FromHours(12);
    public const int ReappraisalDays = 15;
    public const int LimitationYears = 3;
    public const int LimitationLongStopYears = 20;
    public const int UnsealAfterYears = 3;

    /// <summary>
    /// The n-th counted working day after <paramref name="acceptedOn"/> (the day itself does not count); working days inside
    /// a pause (appraisal time, art. 38/40) are not counted. Extension days agreed by both sides add working days.
    /// </summary>
    public static DateOnly WorkingDaysDue(WorkingCalendar calendar, DateOnly acceptedOn, int workingDays, IEnumerable<DayRange>? pauses = null)
    {
        if (workingDays < 1) throw new ArgumentOutOfRangeException(nameof(workingDays));
        var stops = pauses?.ToList() ?? [];
        var d = acceptedOn;
        for (var counted = 0; counted < workingDays;)
        {
            d = d.AddDays(1);
            if (calendar.IsWorkingDay(d) && !stops.Any(p => p.Contains(d))) counted++;
        }
        return d;
    }

    /// <summary>The end of that day, 23:59:59 local.</summary>
    public static DateTime EndOfDay(DateOnly day) => day.ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>Working days a pause covers (for the page: "the clock stopped for 10 working days").</summary>
    public static int WorkingDaysIn(WorkingCalendar calendar, DayRange range)
    {
        var n = 0;
        for (var d = range.From; d <= range.To; d = d.AddDays(1)) if (calendar.IsWorkingDay(d)) n++;
        return n;
    }

    /// <summary>Autopsy within 48 hours of death, or 7 days when the body is frozen (art. 26).</summary>
    public static DateTime AutopsyDue(DateTime deathLocal, bool bodyFrozen) => deathLocal + (bodyFrozen ? AutopsyWindowFrozen : AutopsyWindow);

    /// <summary>
    /// Civil Code art. 188: 3 years from when the patient knew (or should have known) of the harm and who is liable; a new claim
    /// or talks (art. 195) start the 3 years again from that day; never later than 20 years after the harm.
    /// </summary>
    public static DateOnly LimitationDate(DateOnly knewOn, IEnumerable<DateOnly>? interruptions = null, DateOnly? harmOn = null)
    {
        var start = knewOn;
        foreach (var i in interruptions ?? []) if (i > start) start = i;
        var date = start.AddYears(LimitationYears);
        var longStop = (harmOn ?? knewOn).AddYears(LimitationLongStopYears);
        return date < longStop ? date : longStop;
    }

    /// <summary>Sealed records and items may be unsealed without a resolution 3 years after sealing with no further claim (art. 24–25).</summary>
    public static DateOnly UnsealAllowedOn(DateOnly sealedOn) => sealedOn.AddYears(UnsealAfterYears);

    /// <summary>Re-appraisal is applied for within 15 days of receiving the opinion (2002 regulation).</summary>
    public static DateOnly ReappraisalBy(DateOnly opinionReceivedOn) => opinionReceivedOn.AddDays(ReappraisalDays);
}

/// <summary>Degree of responsibility (DISPUTES.md table): the code, the Chinese and the share range used in practice.</summary>
public sealed record LiabilityDegree(string Code, string Chinese, decimal MinPercent, decimal MaxPercent, decimal TypicalPercent)
{
    public static readonly LiabilityDegree Full = new("full", "完全责任", 100, 100, 100);
    public static readonly LiabilityDegree Major = new("major", "主要责任", 60, 90, 75);
    public static readonly LiabilityDegree Equal = new("equal", "同等责任", 50, 50, 50);
    public static readonly LiabilityDegree Minor = new("minor", "次要责任", 20, 40, 30);
    public static readonly LiabilityDegree Slight = new("slight", "轻微责任", 0, 10, 10);
    public static readonly LiabilityDegree None = new("none", "无责任", 0, 0, 0);
    public static readonly IReadOnlyList<LiabilityDegree> All = [Full, Major, Equal, Minor, Slight, None];
    public static LiabilityDegree? Find(string? code) => All.FirstOrDefault(d => d.Code == code);
    /// <summary>The shares are practice, not law: a percentage outside the range is allowed but flagged.</summary>
    public bool Typical(decimal percent) => percent >= MinPercent && percent <= MaxPercent;
}

/// <summary>Civil Code art. 1179/1183 compensation items.</summary>
public static class CompensationItems
{
    public static readonly IReadOnlyList<(string Code, string Chinese)> All =
    [
        ("medical", "医疗费"), ("nursing", "护理费"), ("transport", "交通费"), ("nutrition", "营养费"), ("hospital-meals", "住院伙食补助费"),
        ("lost-earnings", "误工费"), ("disability-aids", "残疾生活辅助器具费"), ("disability", "残疾赔偿金"), ("funeral", "丧葬费"),
        ("death", "死亡赔偿金"), ("mental-distress", "精神损害抚慰金"), ("other", "其他"),
    ];
    public static bool Known(string? code) => All.Any(i => i.Code == code);
    public static string Chinese(string code) => All.FirstOrDefault(i => i.Code == code).Chinese ?? code;
}

/// <summary>Money in 元 with 2 places: sums are exact decimals, never floating point.</summary>
public static class Money
{
    /// <summary>A valid amount: not negative, at most 2 decimal places, below 10^10 元.</summary>
    public static bool Valid(decimal amount) => amount >= 0 && amount < 10_000_000_000m && decimal.Round(amount, 2) == amount;
    public static decimal Sum(IEnumerable<decimal> amounts) => amounts.Aggregate(0m, (a, b) => a + b);
    /// <summary>Average to the fen (half away from zero), 0 when there is nothing to average.</summary>
    public static decimal Average(IReadOnlyCollection<decimal> amounts) =>
        amounts.Count == 0 ? 0m : decimal.Round(Sum(amounts) / amounts.Count, 2, MidpointRounding.AwayFromZero);
    /// <summary>An amount in 万元 for reports (10.81万元 = 108,100 元).</summary>
    public static decimal InWan(decimal yuan) => decimal.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero);
}
