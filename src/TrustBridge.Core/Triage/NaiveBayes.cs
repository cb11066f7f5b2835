namespace TrustBridge.Core.Triage;

/// <summary>
/// Multinomial naive Bayes over character n-grams with additive smoothing. Scores are the mean log-likelihood
/// per known feature, so a 20-character complaint and a 2,000-character letter land on one scale and can be
/// added to lexicon evidence.
/// </summary>
internal sealed class NaiveBayes
{
    private const double Alpha = 0.3;
    private readonly string[] _labels;
    private readonly Dictionary<string, double>[] _counts;
    private readonly double[] _totals;
    private readonly double[] _docs;
    private readonly HashSet<string> _vocabulary = [];

    public NaiveBayes(string[] labels)
    {
        _labels = labels;
        _counts = labels.Select(_ => new Dictionary<string, double>()).ToArray();
        _totals = new double[labels.Length];
        _docs = new double[labels.Length];
    }

    public void Add(IReadOnlyList<string> features, string label, double weight)
    {
        var c = Array.IndexOf(_labels, label);
        if (c < 0) throw new ArgumentException($"Unknown label '{label}'.", nameof(label));
        _docs[c] += weight;
        foreach (var f in features)
        {
            _counts[c][f] = _counts[c].GetValueOrDefault(f) + weight;
            _totals[c] += weight;
            _vocabulary.Add(f);
        }
    }

    public double LogLikelihood(string feature, int c) =>
        Math.Log((_counts[c].GetValueOrDefault(feature) + Alpha) / (_totals[c] + Alpha * _vocabulary.Count));

    public double LogPrior(int c) => Math.Log((_docs[c] + 1) / (_docs.Sum() + _docs.Length));

    /// <summary>Mean log-likelihood per known feature for each label, shifted so the best is 0.</summary>
    public double[] Scores(IReadOnlyList<string> features)
    {
        var scores = new double[_labels.Length];
        var known = 0;
        foreach (var f in features)
        {
            if (!_vocabulary.Contains(f)) continue;
            known++;
            for (var c = 0; c < scores.Length; c++) scores[c] += LogLikelihood(f, c);
        }
        if (known == 0) return scores;
        var max = double.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++) { scores[c] /= known; max = Math.Max(max, scores[c]); }
        for (var c = 0; c < scores.Length; c++) scores[c] -= max;
        return scores;
    }

    /// <summary>Bigrams of the input that most favour <paramref name="c"/> over the other labels.</summary>
    public IEnumerable<(string Feature, double Lift)> StrongestFor(IReadOnlyList<string> features, int c, int take)
    {
        return features.Where(f => f.Length >= 2 && _vocabulary.Contains(f)).Distinct()
            .Select(f => (f, Lift: LogLikelihood(f, c) - Enumerable.Range(0, _labels.Length).Where(o => o != c).Max(o => LogLikelihood(f, o))))
            .Where(x => x.Lift > 0.5)
            .OrderByDescending(x => x.Lift)
            .Take(take);
    }
}
