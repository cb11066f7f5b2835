using System.Globalization;
using System.Text;
using TrustBridge.Core.Triage;
using Xunit.Abstractions;

namespace TrustBridge.Core.Tests.Triage;

/// <summary>
/// The 2026-12 evaluation sets are measured, not asserted: these tests check the sets' shape and print the figures
/// that docs/triage-evaluation.md records (run with --logger "console;verbosity=detailed").
/// </summary>
public class HeldOut202612Tests(ITestOutputHelper output)
{
    public static readonly string[] ThreatClasses = ["surveillance", "veiled", "weapon", "property", "crowd", "selfharm", "leaders"];

    [Fact]
    public void The_held_out_set_has_the_size_and_coverage_the_issue_asks_for()
    {
        var set = EvaluationSets.HeldOut202612;
        set.Count.ShouldBeGreaterThanOrEqualTo(300);
        set.Select(e => e.Labels.Text).Distinct().Count().ShouldBe(set.Count);
        set.Count(e => e.Threat != "-").ShouldBeGreaterThanOrEqualTo(80);
        foreach (var c in ThreatClasses) set.Count(e => e.Threat == c).ShouldBeGreaterThanOrEqualTo(10, c);
        set.Where(e => e.Threat != "-").ShouldAllBe(e => e.Labels.RiskLevel == RiskLevels.High);
        set.Count(e => e.Mention is "negated" or "reported" or "hypothetical").ShouldBeGreaterThanOrEqualTo(80);
        set.Where(e => e.Mention != "-").ShouldAllBe(e => e.Labels.RiskLevel != RiskLevels.High);
        foreach (var c in FeedbackCategories.All) set.ShouldContain(e => e.Labels.Category == c, c);
    }

    [Fact]
    public void The_final_set_has_100_texts_over_every_threat_class_and_shares_none_with_the_held_out_set()
    {
        var set = EvaluationSets.Final202612;
        set.Count.ShouldBe(100);
        foreach (var c in ThreatClasses) set.ShouldContain(e => e.Threat == c, c);
        set.Select(e => e.Labels.Text).Intersect(EvaluationSets.HeldOut202612.Select(e => e.Labels.Text)).ShouldBeEmpty();
    }

    [Fact]
    public void The_blind_set_b_has_300_texts_over_every_threat_class_and_shares_none_with_the_earlier_sets()
    {
        var set = EvaluationSets.Blind202612b;
        set.Count.ShouldBe(300);
        foreach (var c in ThreatClasses) set.Count(t => t.Threat == c).ShouldBeGreaterThanOrEqualTo(12, c);
        set.Count(t => t.Mention != "-").ShouldBeGreaterThanOrEqualTo(80);
        var earlier = EvaluationSets.HeldOut202612.Concat(EvaluationSets.Final202612).Select(t => t.Labels.Text).ToHashSet();
        set.ShouldAllBe(t => !earlier.Contains(t.Labels.Text));
    }

    [Fact]
    public void Prints_the_evaluation_on_the_blind_set_b() => output.WriteLine(Report("blind 2026-12b", EvaluationSets.Blind202612b));

    [Fact]
    public void Prints_the_evaluation_on_the_final_set() => output.WriteLine(Report("final 2026-12", EvaluationSets.Final202612));

    [Fact]
    public void Prints_the_evaluation_on_the_held_out_set() => output.WriteLine(Report("held-out 2026-12", EvaluationSets.HeldOut202612));

    public static string Report(string name, IReadOnlyList<EvaluationText> set)
    {
        var model = TriageModel.Default;
        var results = set.Select(e => (Expected: e, Actual: model.Classify(e.Labels.Text))).ToList();
        var report = TriageEvaluation.Evaluate(model, set.Select(e => e.Labels));
        var sb = new StringBuilder();
        sb.AppendLine($"## {name} (n = {report.Size})").AppendLine();
        sb.AppendLine("### category").AppendLine(report.Category.ToMarkdown());
        sb.AppendLine("### risk").AppendLine(report.Risk.ToMarkdown());
        sb.AppendLine("### type").AppendLine(report.Type.ToMarkdown());
        sb.AppendLine("### threat classes (recall of high; class named by the taxonomy: precision and recall)").AppendLine();
        sb.AppendLine("| class | n | rated high | high recall | class named right | class precision | class recall |").AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in ThreatClasses)
        {
            var of = results.Where(r => r.Expected.Threat == c).ToList();
            var high = of.Count(r => r.Actual.RiskLevel == RiskLevels.High);
            var named = results.Count(r => ThreatsOf(r.Actual).Contains(c));
            var right = of.Count(r => ThreatsOf(r.Actual).Contains(c));
            sb.AppendLine($"| {c} | {of.Count} | {high} | {F(of.Count == 0 ? double.NaN : (double)high / of.Count)} | {right} | {F(named == 0 ? double.NaN : (double)right / named)} | {F(of.Count == 0 ? double.NaN : (double)right / of.Count)} |");
        }
        sb.AppendLine().AppendLine("### mentions that are not threats (rated high = false alarm)").AppendLine();
        sb.AppendLine("| mention | n | rated high | rated medium | rated low |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var m in new[] { "negated", "reported", "hypothetical", "incidental" })
        {
            var of = results.Where(r => r.Expected.Mention == m).ToList();
            sb.AppendLine($"| {m} | {of.Count} | {of.Count(r => r.Actual.RiskLevel == RiskLevels.High)} | {of.Count(r => r.Actual.RiskLevel == RiskLevels.Medium)} | {of.Count(r => r.Actual.RiskLevel == RiskLevels.Low)} |");
        }
        sb.AppendLine();
        foreach (var m in report.Misses)
            sb.AppendLine($"MISS [{m.Expected.Type}/{m.Expected.Category}/{m.Expected.RiskLevel}] -> [{m.Actual.Type}/{m.Actual.Category}/{m.Actual.RiskLevel}] {m.Expected.Text}  cues: {string.Join(", ", m.Actual.Cues.Select(x => x.Text + "=" + x.Signal))}");
        return sb.ToString();
    }

    private static HashSet<string> ThreatsOf(TriageResult r) =>
        r.Cues.Where(c => c.Signal.StartsWith("threat:", StringComparison.Ordinal)).Select(c => c.Signal["threat:".Length..]).ToHashSet();

    private static string F(double x) => double.IsNaN(x) ? "–" : x.ToString("0.000", CultureInfo.InvariantCulture);
}
