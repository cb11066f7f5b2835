using TrustBridge.Core.Triage;

namespace TrustBridge.Core.Tests.Triage;

/// <summary>One text of a frozen evaluation set: labels plus the threat class ("-" when none) and the kind of
/// non-threatening mention it makes ("negated", "reported", "hypothetical", "incidental" or "-").</summary>
public sealed record EvaluationText(LabelledText Labels, string Threat, string Mention);

/// <summary>
/// Reads the tab-separated evaluation sets kept beside the tests (heldout-2026-12.tsv, written before the threat
/// taxonomy; final-2026-12.tsv, written last). Never used to build a model or a rule.
/// </summary>
public static class EvaluationSets
{
    public static IReadOnlyList<EvaluationText> HeldOut202612 => Read("heldout-2026-12.tsv");
    public static IReadOnlyList<EvaluationText> Final202612 => Read("final-2026-12.tsv");
    /// <summary>Written by an author who never saw the triage code, lexicons or earlier sets; committed before round 3.</summary>
    public static IReadOnlyList<EvaluationText> Blind202612b => Read("blind-2026-12b.tsv");

    public static IReadOnlyList<EvaluationText> Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Triage", name);
        var result = new List<EvaluationText>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var p = line.Split('\t');
            if (p.Length != 6) throw new FormatException($"Expected six tab-separated fields: {line}");
            var labelled = LabelledLines.Parse($"{p[0]} {p[1]} {p[2]} {p[5]}").Single();
            result.Add(new EvaluationText(labelled, p[3], p[4]));
        }
        return result;
    }
}
