namespace TrustBridge.Core.Triage;

// Placeholder with the agreed public API until the trained triage lands (replaced on merge).
public static class FeedbackTypes
{
    public const string Complaint = "complaint", Suggestion = "suggestion", Praise = "praise", Consultation = "consultation";
    public static readonly string[] All = [Complaint, Suggestion, Praise, Consultation];
}

public static class FeedbackCategories
{
    public const string Attitude = "attitude", Communication = "communication", Treatment = "treatment", Cost = "cost",
        Process = "process", Environment = "environment", Privacy = "privacy", Ethics = "ethics";
    public static readonly string[] All = [Attitude, Communication, Treatment, Cost, Process, Environment, Privacy, Ethics];
}

public static class RiskLevels
{
    public const string Low = "low", Medium = "medium", High = "high";
    public static readonly string[] All = [Low, Medium, High];
    public static int Rank(string level) => Array.IndexOf(All, level);
}

public sealed record TriageCue(string Text, string Signal, double Weight);
public sealed record TriageResult(string Type, string Category, string RiskLevel, IReadOnlyList<TriageCue> Cues);
public sealed record LabelledText(string Text, string Type, string Category, string RiskLevel);

public sealed class TriageModel
{
    public static TriageModel Default { get; } = new();
    public static TriageModel Build(IEnumerable<LabelledText> extraExamples) => new();

    private static readonly (string Cue, string Signal)[] Lexicon =
    [
        ("砍", "risk:high"), ("杀", "risk:high"), ("拉横幅", "risk:high"), ("堵门", "risk:high"), ("花圈", "risk:high"), ("同归于尽", "risk:high"),
        ("赔偿", "risk:medium"), ("曝光", "risk:medium"), ("律师", "risk:medium"), ("起诉", "risk:medium"), ("卫健委", "risk:medium"),
        ("收费", "category:cost"), ("红包", "category:ethics"), ("隐私", "category:privacy"), ("排队", "category:process"),
        ("厕所", "category:environment"), ("态度", "category:attitude"), ("没解释", "category:communication"), ("误诊", "category:treatment"),
        ("感谢", "type:praise"), ("建议", "type:suggestion"), ("请问", "type:consultation"),
    ];

    public TriageResult Classify(string text)
    {
        var cues = Lexicon.Where(l => text.Contains(l.Cue, StringComparison.Ordinal)).Select(l => new TriageCue(l.Cue, l.Signal, 1)).ToList();
        string Pick(string prefix, string fallback) => cues.FirstOrDefault(c => c.Signal.StartsWith(prefix, StringComparison.Ordinal))?.Signal[prefix.Length..] ?? fallback;
        return new TriageResult(Pick("type:", FeedbackTypes.Complaint), Pick("category:", FeedbackCategories.Attitude), Pick("risk:", RiskLevels.Low), cues);
    }
}
