namespace TrustBridge.Core.Triage;

/// <summary>Case types (FEEDBACK.md): 投诉, 建议, 表扬, 咨询.</summary>
public static class FeedbackTypes
{
    public const string Complaint = "complaint";
    public const string Suggestion = "suggestion";
    public const string Praise = "praise";
    public const string Consultation = "consultation";
    public static readonly string[] All = [Complaint, Suggestion, Praise, Consultation];
}

/// <summary>What a case is about (FEEDBACK.md, "Category").</summary>
public static class FeedbackCategories
{
    public const string Attitude = "attitude";
    public const string Communication = "communication";
    public const string Treatment = "treatment";
    public const string Cost = "cost";
    public const string Process = "process";
    public const string Environment = "environment";
    public const string Privacy = "privacy";
    public const string Ethics = "ethics";
    public static readonly string[] All = [Attitude, Communication, Treatment, Cost, Process, Environment, Privacy, Ethics];
}

/// <summary>How likely a case is to escalate (FEEDBACK.md, "Risk level").</summary>
public static class RiskLevels
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public static readonly string[] All = [Low, Medium, High];

    /// <summary>0 for low, 1 for medium, 2 for high, so levels can be compared and maximised.</summary>
    public static int Rank(string level) => level switch
    {
        Low => 0,
        Medium => 1,
        High => 2,
        _ => throw new ArgumentException($"Unknown risk level '{level}'.", nameof(level)),
    };

    internal static string FromRank(int rank) => All[Math.Clamp(rank, 0, 2)];
}

/// <summary>One piece of evidence: the phrase found in the input and what it pointed to (e.g. "risk:high").</summary>
public sealed record TriageCue(string Text, string Signal, double Weight);

public sealed record TriageResult(string Type, string Category, string RiskLevel, IReadOnlyList<TriageCue> Cues)
{
    /// <summary>Threat classes found live in the text (each makes the case high).</summary>
    public IReadOnlyList<string> Threats { get; init; } = [];

    /// <summary>
    /// A threat-taxonomy cue is in the text, live or not (negated, reported, hypothetical): a case rated below high
    /// with such a cue goes to the second look (可能高危).
    /// </summary>
    public bool HasThreatCue { get; init; }
}

/// <summary>A text with the labels a person gave it: the seed corpus, staff overrides, evaluation sets.</summary>
public sealed record LabelledText(string Text, string Type, string Category, string RiskLevel);
