namespace TrustBridge.Core.Triage;

/// <summary>
/// Suggests a case's type, category and risk level from its Chinese text, with the cues that decided it.
/// Type and category: naive Bayes over character n-grams of the seed corpus (plus staff-labelled examples),
/// added to hand-written cue phrases. Risk: rules only (<see cref="RiskRules"/>). Immutable and thread-safe.
/// </summary>
public sealed class TriageModel
{
    /// <summary>A staff override counts as this many seed texts: it is the hospital's own language.</summary>
    public const double ExtraExampleWeight = 3;

    // How much the n-gram model counts against one unit of lexicon weight (chosen on the development set).
    private const double CategoryModelWeight = 4;
    private const double TypeModelWeight = 4;
    private const double PriorWeight = 0.05;

    private static readonly Lazy<TriageModel> DefaultModel = new(() => Build([]));
    private readonly IWordSegmenter _segmenter;

    private readonly NaiveBayes _category = new(FeedbackCategories.All);
    private readonly NaiveBayes _type = new(FeedbackTypes.All);

    private TriageModel(IWordSegmenter segmenter) => _segmenter = segmenter;

    /// <summary>Built from the shipped seed corpus and lexicons.</summary>
    public static TriageModel Default => DefaultModel.Value;

    /// <summary>Retrains on the seed corpus plus <paramref name="extraExamples"/> (e.g. staff overrides).</summary>
    public static TriageModel Build(IEnumerable<LabelledText> extraExamples, IWordSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(extraExamples);
        var model = new TriageModel(segmenter ?? JiebaWordSegmenter.Default);
        foreach (var e in TriageSeedCorpus.Texts) model.Learn(e, 1);
        foreach (var e in extraExamples) model.Learn(e, ExtraExampleWeight);
        return model;
    }

    private void Learn(LabelledText example, double weight)
    {
        if (!FeedbackTypes.All.Contains(example.Type)) throw new ArgumentException($"Unknown type '{example.Type}'.", nameof(example));
        if (!FeedbackCategories.All.Contains(example.Category)) throw new ArgumentException($"Unknown category '{example.Category}'.", nameof(example));
        RiskLevels.Rank(example.RiskLevel);
        var features = TriageText.Features(TriageText.Normalize(example.Text));
        _category.Add(features, example.Category, weight);
        _type.Add(features, example.Type, weight);
    }

    public TriageResult Classify(string text)
    {
        var original = text ?? "";
        var normalized = TriageText.Normalize(original);
        var features = TriageText.Features(normalized);

        var typeMatches = TriageLexicons.Type.Matches(normalized);
        var type = Decide(FeedbackTypes.All, _type, features, typeMatches, TypeModelWeight, FeedbackTypes.Complaint);
        var categoryMatches = TriageLexicons.Category.Matches(normalized);
        var category = Decide(FeedbackCategories.All, _category, features, categoryMatches, CategoryModelWeight, FeedbackCategories.Process);
        var (risk, riskCues) = RiskRules.Assess(normalized, original, type == FeedbackTypes.Praise, out var mentioned);
        var findings = ThreatTaxonomy.Find(normalized, _segmenter, original);
        var live = findings.Where(f => f.Live).Select(f => f.Class).Distinct().ToList();
        if (live.Count > 0) risk = RiskLevels.High;

        var cues = new List<TriageCue>();
        foreach (var f in findings)
            cues.Add(new TriageCue(f.Text, (f.Live ? "threat:" : "mention:") + f.Class, f.Live ? 1.0 : 0.0));
        cues.AddRange(riskCues);
        cues.AddRange(CuesFor(categoryMatches, category, "category:", original, normalized));
        // Only phrases a person wrote down are shown: the n-gram model's strongest character pairs ("来医") mean nothing to staff.
        cues.AddRange(CuesFor(typeMatches, type, "type:", original, normalized));
        return new TriageResult(type, category, risk, cues) { Threats = live, HasThreatCue = findings.Count > 0 || mentioned || risk == RiskLevels.High };
    }

    /// <summary>
    /// Whether a stored cue is one a person can read: a threat or risk phrase, or a phrase of the category and type
    /// lexicons. Character pairs that older versions stored from the n-gram model ("来医", "亲在") are not.
    /// </summary>
    public static bool IsReadableCue(string? text, string? signal)
    {
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrEmpty(signal)) return false;
        if (signal.StartsWith("risk:", StringComparison.Ordinal) || signal.StartsWith("threat:", StringComparison.Ordinal) || signal.StartsWith("mention:", StringComparison.Ordinal)) return true;
        var phrase = TriageText.Normalize(text.Trim());
        if (signal.StartsWith("category:", StringComparison.Ordinal)) return TriageLexicons.Category.Contains(phrase);
        if (signal.StartsWith("type:", StringComparison.Ordinal)) return TriageLexicons.Type.Contains(phrase);
        return false;
    }

    private static string Decide(string[] labels, NaiveBayes model, List<string> features, List<LexiconMatch> matches, double modelWeight, string fallback)
    {
        if (features.Count == 0) return fallback;
        var nb = model.Scores(features);
        var best = fallback;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < labels.Length; i++)
        {
            // Each distinct phrase counts once, so a long letter repeating one word does not outvote its content.
            var lexicon = matches.Where(m => m.Entry.Label == labels[i]).DistinctBy(m => m.Entry.Phrase).Sum(m => m.Entry.Weight);
            var score = modelWeight * nb[i] + lexicon + PriorWeight * model.LogPrior(i);
            if (score > bestScore) { bestScore = score; best = labels[i]; }
        }
        return best;
    }

    private static IEnumerable<TriageCue> CuesFor(List<LexiconMatch> matches, string label, string prefix, string original, string normalized) =>
        matches.Where(m => m.Entry.Label == label).DistinctBy(m => m.Entry.Phrase)
            .Select(m => new TriageCue(TriageText.Surface(original, normalized, m.Index, m.End), prefix + label, m.Entry.Weight));
}
