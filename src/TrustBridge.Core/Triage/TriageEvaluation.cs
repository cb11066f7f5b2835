using System.Globalization;
using System.Text;

namespace TrustBridge.Core.Triage;

/// <summary>Precision: of the texts given this label, how many had it. Recall: of the texts that had it, how many got it.</summary>
public sealed record ClassScore(string Label, int Support, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? double.NaN : (double)Correct / Predicted;
    public double Recall => Support == 0 ? double.NaN : (double)Correct / Support;
}

/// <summary>One label's evaluation; <see cref="Confusion"/>[actual][predicted] in the order of <see cref="Labels"/>.</summary>
public sealed record LabelEvaluation(IReadOnlyList<string> Labels, double Accuracy, IReadOnlyList<ClassScore> Classes, int[][] Confusion)
{
    public ClassScore this[string label] => Classes.Single(c => c.Label == label);

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| class | n | precision | recall |").AppendLine("|---|---:|---:|---:|");
        foreach (var c in Classes) sb.AppendLine($"| {c.Label} | {c.Support} | {Format(c.Precision)} | {Format(c.Recall)} |");
        sb.AppendLine().AppendLine($"Accuracy: {Format(Accuracy)}").AppendLine();
        sb.AppendLine("Confusion (rows: labelled, columns: predicted):").AppendLine();
        sb.AppendLine("| | " + string.Join(" | ", Labels) + " |").AppendLine("|---|" + string.Concat(Labels.Select(_ => "---:|")));
        for (var i = 0; i < Labels.Count; i++) sb.AppendLine($"| {Labels[i]} | " + string.Join(" | ", Confusion[i]) + " |");
        return sb.ToString();
    }

    private static string Format(double x) => double.IsNaN(x) ? "–" : x.ToString("0.000", CultureInfo.InvariantCulture);
}

public sealed record TriageMiss(LabelledText Expected, TriageResult Actual);

public sealed record TriageEvaluationReport(int Size, LabelEvaluation Type, LabelEvaluation Category, LabelEvaluation Risk, IReadOnlyList<TriageMiss> Misses);

/// <summary>Scores a model against a labelled set: per-class precision and recall and a confusion matrix per label.</summary>
public static class TriageEvaluation
{
    public static TriageEvaluationReport Evaluate(TriageModel model, IEnumerable<LabelledText> set)
    {
        var pairs = set.Select(e => (Expected: e, Actual: model.Classify(e.Text))).ToList();
        var misses = pairs
            .Where(p => p.Expected.Type != p.Actual.Type || p.Expected.Category != p.Actual.Category || p.Expected.RiskLevel != p.Actual.RiskLevel)
            .Select(p => new TriageMiss(p.Expected, p.Actual)).ToList();
        return new TriageEvaluationReport(
            pairs.Count,
            Score(FeedbackTypes.All, pairs.Select(p => (p.Expected.Type, p.Actual.Type))),
            Score(FeedbackCategories.All, pairs.Select(p => (p.Expected.Category, p.Actual.Category))),
            Score(RiskLevels.All, pairs.Select(p => (p.Expected.RiskLevel, p.Actual.RiskLevel))),
            misses);
    }

    public static LabelEvaluation Score(IReadOnlyList<string> labels, IEnumerable<(string Expected, string Actual)> outcomes)
    {
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        var n = 0;
        var correct = 0;
        foreach (var (expected, actual) in outcomes)
        {
            n++;
            if (expected == actual) correct++;
            var i = IndexOf(labels, expected);
            var j = IndexOf(labels, actual);
            confusion[i][j]++;
        }
        var classes = labels.Select((l, k) => new ClassScore(l, confusion[k].Sum(), confusion.Sum(row => row[k]), confusion[k][k])).ToList();
        return new LabelEvaluation(labels, n == 0 ? double.NaN : (double)correct / n, classes, confusion);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == label) return i;
        throw new ArgumentException($"Unknown label '{label}'.", nameof(label));
    }
}
