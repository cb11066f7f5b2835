using System.Globalization;
using System.Text;
using TrustBridge.Core.Psychometrics;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

public sealed record ScoredAnswers(string Answers, double? Score, bool? Trusts, int? Recommend, int? Overall, string? Comment);

/// <summary>
/// Checks one respondent's answers against an instrument version and scores the primary scale: all likert5 items
/// (trust-10: the trust scale; satisfaction: the mean over its dimensions' items). See MEASUREMENT.md.
/// </summary>
public static class ResponseScoring
{
    /// <returns>The scored answers, or the errors by item code.</returns>
    public static (ScoredAnswers? Scored, Dictionary<string, string[]> Errors) Score(Instrument instrument, IReadOnlyDictionary<string, string?> raw)
    {
        var errors = new Dictionary<string, string[]>();
        var items = instrument.Items.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var code in raw.Keys.Where(k => !items.ContainsKey(k)))
            errors[code] = [$"{code} is not an item of {instrument.Code} v{instrument.Version}."];

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        string? comment = null;
        foreach (var item in instrument.Items.OrderBy(i => i.Position))
        {
            if (!raw.TryGetValue(item.Code, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            if (item.Scale == ItemScales.Text)
            {
                if (value.Length > 4000) errors[item.Code] = ["At most 4000 characters."];
                else comment = value.Trim();
                continue;
            }
            var range = ItemScales.Range(item.Scale)!.Value;
            if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < range.Min || n > range.Max)
                errors[item.Code] = [$"{item.Code} must be a whole number from {range.Min} to {range.Max}, not '{value}'."];
            else numbers[item.Code] = n;
        }
        if (errors.Count > 0) return (null, errors);

        var scale = instrument.Items.Where(i => i.Scale == ItemScales.Likert5).Select(i => new ScaleItem(i.Code, i.Reverse)).ToList();
        var s = ScaleScoring.Score(scale, numbers);
        var recommend = instrument.Items.FirstOrDefault(i => i.Scale == ItemScales.Nps11) is { } r && numbers.TryGetValue(r.Code, out var rv) ? rv : (int?)null;
        var overall = instrument.Items.FirstOrDefault(i => i.Scale == ItemScales.Rating11) is { } o && numbers.TryGetValue(o.Code, out var ov) ? ov : (int?)null;
        return (new ScoredAnswers(Encode(numbers), s.Score0To100, s.Valid ? s.Trusts : null, recommend, overall, comment), errors);
    }

    public static string Encode(IReadOnlyDictionary<string, int> answers)
    {
        var sb = new StringBuilder();
        foreach (var (code, value) in answers)
        {
            if (sb.Length > 0) sb.Append(';');
            sb.Append(code).Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static Dictionary<string, int> Decode(string answers)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in answers.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && int.TryParse(pair.AsSpan(eq + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                result[pair[..eq]] = v;
        }
        return result;
    }
}
