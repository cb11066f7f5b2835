using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustBridge.Web.Features.Assessment;

/// <summary>An assessment period: a quarter (2026Q3) or a year (2026), inclusive dates.</summary>
public sealed partial record AssessmentPeriod(string Label, DateOnly From, DateOnly To)
{
    public static bool TryParse(string? text, out AssessmentPeriod period)
    {
        period = null!;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return false;
        if (m.Groups[2].Success)
        {
            var q = m.Groups[2].Value[0] - '0';
            var from = new DateOnly(year, (q - 1) * 3 + 1, 1);
            period = new AssessmentPeriod($"{year}Q{q}", from, from.AddMonths(3).AddDays(-1));
        }
        else period = new AssessmentPeriod($"{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return true;
    }

    public static AssessmentPeriod QuarterOf(DateOnly day) => TryParse($"{day.Year}Q{(day.Month - 1) / 3 + 1}", out var p) ? p : throw new InvalidOperationException();

    public bool IsQuarter => Label.Contains('Q');

    [GeneratedRegex(@"^(\d{4})(?:Q([1-4]))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
