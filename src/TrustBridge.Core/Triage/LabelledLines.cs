namespace TrustBridge.Core.Triage;

/// <summary>
/// Reads the compact labelled-text format used by the seed corpus and evaluation sets:
/// "C cost L 住院清单上有一项检查根本没做过" — type letter, category code, risk letter, text.
/// </summary>
public static class LabelledLines
{
    public static IReadOnlyList<LabelledText> Parse(string lines)
    {
        var result = new List<LabelledText>();
        foreach (var raw in lines.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4) throw new FormatException($"Expected 'type category risk text': {line}");
            var category = FeedbackCategories.All.Contains(parts[1]) ? parts[1] : throw new FormatException($"Unknown category: {line}");
            result.Add(new LabelledText(parts[3], Type(parts[0], line), category, Risk(parts[2], line)));
        }
        return result;
    }

    private static string Type(string letter, string line) => letter switch
    {
        "C" => FeedbackTypes.Complaint,
        "S" => FeedbackTypes.Suggestion,
        "P" => FeedbackTypes.Praise,
        "Q" => FeedbackTypes.Consultation,
        _ => throw new FormatException($"Unknown type letter: {line}"),
    };

    private static string Risk(string letter, string line) => letter switch
    {
        "L" => RiskLevels.Low,
        "M" => RiskLevels.Medium,
        "H" => RiskLevels.High,
        _ => throw new FormatException($"Unknown risk letter: {line}"),
    };
}
