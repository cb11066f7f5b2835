namespace TrustBridge.Core.Assessment;

public static class CmeLevels
{
    public const string National = "national";
    public const string Provincial = "provincial";
    public const string Municipal = "municipal";
    public const string Hospital = "hospital";
    public static readonly string[] All = [National, Provincial, Municipal, Hospital];
}

public static class CmeRoles
{
    public const string Learner = "learner";
    public const string Lecturer = "lecturer";
    public static readonly string[] All = [Learner, Lecturer];
}

public static class CmeClasses
{
    public const string I = "I";
    public const string II = "II";
    public static readonly string[] All = [I, II];
}

public static class CmeStatuses
{
    public const string OnTrack = "on-track";
    public const string Short = "short";
}

/// <summary>The yearly CME rules of ASSESSMENT.md (settings; the defaults are the national rules' summary).</summary>
public sealed record CmeRules(
    decimal AnnualMinimum = 25m, decimal ClassIMinimum = 5m, decimal ClassIMaximum = 10m,
    decimal ClassIIMinimum = 15m, decimal ClassIIMaximum = 20m, decimal National5YearClassI = 10m, decimal PerProjectMaximum = 25m)
{
    public static readonly CmeRules Default = new();
}

/// <summary>One credit record as the rules see it.</summary>
public sealed record CmeCredit(int Year, string Class, string Level, decimal Credits);

/// <summary>A person's year: raw sums, the national class Ⅰ credits of the five years ending with it, and the verdict.</summary>
public sealed record CmeYear(int Year, decimal Total, decimal ClassI, decimal ClassII, decimal National5Y, string Status, decimal ShortBy, decimal National5YShortBy);

public static class CmeCreditRules
{
    /// <summary>
    /// Credits a national or provincial project grants (ASSESSMENT.md): national learner 1 per 3 hours, lecturer 2 per
    /// hour; provincial learner 1 per 6 hours, lecturer 1 per hour; at most 25 per project; rounded down to 0.1.
    /// Other levels have no rate (null): their credits are what the certificate says.
    /// </summary>
    public static decimal? ForProject(string level, string role, decimal hours, CmeRules? rules = null)
    {
        if (hours < 0) throw new ArgumentOutOfRangeException(nameof(hours), "Hours are never negative.");
        rules ??= CmeRules.Default;
        decimal? raw = (level, role) switch
        {
            (CmeLevels.National, CmeRoles.Learner) => hours / 3m,
            (CmeLevels.National, CmeRoles.Lecturer) => hours * 2m,
            (CmeLevels.Provincial, CmeRoles.Learner) => hours / 6m,
            (CmeLevels.Provincial, CmeRoles.Lecturer) => hours,
            _ => null,
        };
        return raw is { } r ? Math.Min(rules.PerProjectMaximum, Math.Floor(r * 10m) / 10m) : null;
    }

    /// <summary>
    /// The year's verdict. Class Ⅰ counts towards the 25 up to its maximum (10), class Ⅱ up to its (20), and each class
    /// must reach its own minimum: the classes do not substitute. Short by = the larger of what the counted total lacks
    /// and what the two minimums lack together. The five-year national class Ⅰ figure is reported beside it (tertiary
    /// hospitals), not folded into the year's status, since a five-year window is judged at its end.
    /// </summary>
    public static CmeYear Evaluate(int year, IEnumerable<CmeCredit> credits, CmeRules? rules = null)
    {
        rules ??= CmeRules.Default;
        var all = credits.ToList();
        var thisYear = all.Where(c => c.Year == year).ToList();
        var classI = thisYear.Where(c => c.Class == CmeClasses.I).Sum(c => c.Credits);
        var classII = thisYear.Where(c => c.Class == CmeClasses.II).Sum(c => c.Credits);
        var national5 = all.Where(c => c.Year > year - 5 && c.Year <= year && c.Class == CmeClasses.I && c.Level == CmeLevels.National).Sum(c => c.Credits);
        var counted = Math.Min(classI, rules.ClassIMaximum) + Math.Min(classII, rules.ClassIIMaximum);
        var totalGap = Math.Max(0m, rules.AnnualMinimum - counted);
        var classGap = Math.Max(0m, rules.ClassIMinimum - classI) + Math.Max(0m, rules.ClassIIMinimum - classII);
        var shortBy = Math.Max(totalGap, classGap);
        return new CmeYear(year, classI + classII, classI, classII, national5, shortBy == 0 ? CmeStatuses.OnTrack : CmeStatuses.Short, shortBy,
            Math.Max(0m, rules.National5YearClassI - national5));
    }
}
