using TrustBridge.Core.Triage;
using Xunit.Abstractions;

namespace TrustBridge.Core.Tests.Triage;

public class TriageEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Prints_per_class_precision_and_recall_on_the_development_set()
    {
        foreach (var (name, set) in new[] { ("tuning", TriageDevelopmentSet.Tuning), ("held-out", TriageDevelopmentSet.HeldOut), ("all", TriageDevelopmentSet.All) })
        {
            if (set.Count == 0) continue;
            var report = TriageEvaluation.Evaluate(TriageModel.Default, set);
            output.WriteLine($"## {name} (n = {report.Size})");
            output.WriteLine("### category\n" + report.Category.ToMarkdown());
            output.WriteLine("### risk\n" + report.Risk.ToMarkdown());
            output.WriteLine("### type\n" + report.Type.ToMarkdown());
            if (name == "all") continue;
            foreach (var m in report.Misses)
                output.WriteLine($"MISS [{m.Expected.Type}/{m.Expected.Category}/{m.Expected.RiskLevel}] -> [{m.Actual.Type}/{m.Actual.Category}/{m.Actual.RiskLevel}] {m.Expected.Text}  cues: {string.Join(", ", m.Actual.Cues.Select(c => c.Text + "=" + c.Signal))}");
        }
    }

    [Fact]
    public void Scores_count_precision_and_recall_per_class()
    {
        var e = TriageEvaluation.Score(RiskLevels.All, [("low", "low"), ("low", "medium"), ("high", "high"), ("medium", "medium")]);
        e.Accuracy.ShouldBe(0.75);
        e["low"].Recall.ShouldBe(0.5);
        e["medium"].Precision.ShouldBe(0.5);
        e["high"].Precision.ShouldBe(1);
        e.Confusion[0][1].ShouldBe(1);
    }
}
