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

    private static readonly Lazy<TriageModel> DefaultModel = new(() => Build([], shipped: TriageModelFile.TryRead()));
    private readonly IWordSegmenter _segmenter;
    private LinearTriageModel _linear = null!;

    private readonly NaiveBayes _category = new(FeedbackCategories.All);
    private readonly NaiveBayes _type = new(FeedbackTypes.All);

    private TriageModel(IWordSegmenter segmenter) => _segmenter = segmenter;

    /// <summary>Built from the shipped seed corpus and lexicons.</summary>
    public static TriageModel Default => DefaultModel.Value;

    /// <summary>Retrains on the seed corpus plus <paramref name="extraExamples"/> (e.g. staff overrides).</summary>
    /// <summary>
    /// Retrains on the seed corpus plus <paramref name="extraExamples"/> (staff overrides and second-look decisions,
    /// with their risk level). <paramref name="shipped"/>: the linear model read from the shipped file instead of
    /// training it (only meaningful without extra examples).
    /// </summary>
    public static TriageModel Build(IEnumerable<LabelledText> extraExamples, IWordSegmenter? segmenter = null, LinearTriageModel? shipped = null)
    {
        ArgumentNullException.ThrowIfNull(extraExamples);
        var model = new TriageModel(segmenter ?? JiebaWordSegmenter.Default);
        var extra = extraExamples.ToList();
        foreach (var e in TriageSeedCorpus.Texts) model.Learn(e, 1);
        foreach (var e in extra) model.Learn(e, ExtraExampleWeight);
        model._linear = shipped is not null && extra.Count == 0 ? shipped : TrainLinear(model._segmenter, extra);
        return model;
    }

    /// <summary>The linear model from the seed corpus plus extra examples: what <c>trustbridge triage train</c> writes.</summary>
    public static LinearTriageModel TrainLinear(IWordSegmenter segmenter, IEnumerable<LabelledText> extraExamples) =>
        LinearTriageModel.Train([
            .. TriageSeedCorpus.Texts.Select(e => (LinearFeatures(e.Text, segmenter), e.Category, e.RiskLevel == RiskLevels.High, 1.0)),
            .. extraExamples.Select(e => (LinearFeatures(e.Text, segmenter), e.Category, e.RiskLevel == RiskLevels.High, ExtraExampleWeight)),
        ]);

    private static HashSet<string> LinearFeatures(string text, IWordSegmenter segmenter)
    {
        var normalized = TriageText.Normalize(text);
        var words = segmenter.Cut(normalized);
        var (rules, _) = RiskRules.Assess(normalized, text, false);
        return LinearTriageModel.Features(normalized, words, TriageLexicons.Category.Matches(normalized), ThreatTaxonomy.Find(normalized, words, text), rules);
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
        var words = _segmenter.Cut(normalized);
        var findings = ThreatTaxonomy.Find(normalized, words, original);
        var (rulesRisk, riskCues) = RiskRules.Assess(normalized, original, false, out var mentioned);
        // Praise is low risk unless it carries a live threat (as RiskRules.Assess does for praise).
        var risk = type == FeedbackTypes.Praise && rulesRisk != RiskLevels.High ? RiskLevels.Low : rulesRisk;
        var live = findings.Where(f => f.Live).Select(f => f.Class).Distinct().ToList();
        if (live.Count > 0) risk = RiskLevels.High;

        // Category from the trained model, with the rules among its features; risk high when the model says so too.
        var category = FeedbackCategories.Process;
        var modelHigh = false;
        if (features.Count > 0)
        {
            var (pc, ph) = _linear.Predict(LinearTriageModel.Features(normalized, words, categoryMatches, findings, rulesRisk));
            category = Decide(FeedbackCategories.All, _category, features, categoryMatches, CategoryModelWeight, FeedbackCategories.Process, pc);
            modelHigh = ph >= LinearTriageModel.HighThreshold;
        }

        var cues = new List<TriageCue>();
        if (modelHigh && risk != RiskLevels.High) cues.Add(new TriageCue("模型判断", "model:high", 1.0));
        if (modelHigh) risk = RiskLevels.High;
        foreach (var f in findings)
            cues.Add(new TriageCue(f.Text, (f.Live ? "threat:" : "mention:") + f.Class, f.Live ? 1.0 : 0.0));
        cues.AddRange(riskCues);
        cues.AddRange(CuesFor(categoryMatches, category, "category:", original, normalized));
        // Only phrases a person wrote down are shown: the n-gram model's strongest character pairs ("来医") mean nothing to staff.
        cues.AddRange(CuesFor(typeMatches, type, "type:", original, normalized));
        return new TriageResult(type, category, risk, cues) { Threats = live, HasThreatCue = findings.Count > 0 || mentioned || risk == RiskLevels.High };
    }

    /// <summary>
    /// The round-2 engine alone — character n-gram naive Bayes, phrase lexicons and phrase risk rules, no word
    /// segmentation, no threat taxonomy, no linear model — kept as the benchmark's baseline (BENCHMARKS.md).
    /// </summary>
    public TriageResult ClassifyRoundTwo(string text)
    {
        var original = text ?? "";
        var normalized = TriageText.Normalize(original);
        var features = TriageText.Features(normalized);
        var typeMatches = TriageLexicons.Type.Matches(normalized);
        var type = Decide(FeedbackTypes.All, _type, features, typeMatches, TypeModelWeight, FeedbackTypes.Complaint);
        var categoryMatches = TriageLexicons.Category.Matches(normalized);
        var category = Decide(FeedbackCategories.All, _category, features, categoryMatches, CategoryModelWeight, FeedbackCategories.Process);
        var (risk, riskCues) = RiskRules.Assess(normalized, original, type == FeedbackTypes.Praise);
        return new TriageResult(type, category, risk, riskCues);
    }

    /// <summary>
    /// Whether a stored cue is one a person can read: a threat or risk phrase, or a phrase of the category and type
    /// lexicons. Character pairs that older versions stored from the n-gram model ("来医", "亲在") are not.
    /// </summary>
    public static bool IsReadableCue(string? text, string? signal)
    {
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrEmpty(signal)) return false;
        if (signal.StartsWith("risk:", StringComparison.Ordinal) || signal.StartsWith("model:", StringComparison.Ordinal) || signal.StartsWith("threat:", StringComparison.Ordinal) || signal.StartsWith("mention:", StringComparison.Ordinal)) return true;
        var phrase = TriageText.Normalize(text.Trim());
        if (signal.StartsWith("category:", StringComparison.Ordinal)) return TriageLexicons.Category.Contains(phrase);
        if (signal.StartsWith("type:", StringComparison.Ordinal)) return TriageLexicons.Type.Contains(phrase);
        return false;
    }

    // Weight of the linear model's log-probability in the category decision. Chosen on the development set and held-out
    // set 2 (both already seen, never the 2026-12 sets): 0 → 0.896 / 0.898, 1 → 0.887 / 0.860, 2 → 0.871 / 0.833,
    // 4 → 0.873 / 0.828, 8 → 0.864 / 0.801. The trained model did not beat naive Bayes plus the phrase lexicon on
    // category, so it does not decide it (docs/triage-evaluation.md); it votes on high risk.
    private const double LinearWeight = 0;

    private static string Decide(string[] labels, NaiveBayes model, List<string> features, List<LexiconMatch> matches, double modelWeight, string fallback, double[]? linear = null)
    {
        if (features.Count == 0) return fallback;
        var nb = model.Scores(features);
        var best = fallback;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < labels.Length; i++)
        {
            // Each distinct phrase counts once, so a long letter repeating one word does not outvote its content.
            var lexicon = matches.Where(m => m.Entry.Label == labels[i]).DistinctBy(m => m.Entry.Phrase).Sum(m => m.Entry.Weight);
            var score = modelWeight * nb[i] + lexicon + PriorWeight * model.LogPrior(i) + (linear is null || LinearWeight == 0 ? 0 : LinearWeight * Math.Log(linear[i] + 1e-9));
            if (score > bestScore) { bestScore = score; best = labels[i]; }
        }
        return best;
    }

    private static IEnumerable<TriageCue> CuesFor(List<LexiconMatch> matches, string label, string prefix, string original, string normalized) =>
        matches.Where(m => m.Entry.Label == label).DistinctBy(m => m.Entry.Phrase)
            .Select(m => new TriageCue(TriageText.Surface(original, normalized, m.Index, m.End), prefix + label, m.Entry.Weight));
}

/// <summary>
/// Where the shipped linear model lives: triage/triage-model.tsv beside the application (copied by the build from
/// src/TrustBridge.Core/Triage/). The one file Core reads for the model (ADR 010); absent, the model is trained at start.
/// </summary>
public static class TriageModelFile
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "triage", "triage-model.tsv");

    public static LinearTriageModel? TryRead(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path)) return null;
        using var reader = new StreamReader(path);
        return LinearTriageModel.Read(reader);
    }
}
