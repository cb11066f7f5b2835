using System.Globalization;
using System.Text;

namespace TrustBridge.Core.Triage;

/// <summary>
/// The trained model beside the rules (issue 9): multinomial logistic regression for the category and a binary logistic
/// regression for "high risk", over jieba words (w:), character bigrams (b:), and the rules as features (lex: the
/// category phrase lexicon, t:/m: threat-taxonomy classes found live or as mentions, r: the round-2 risk level).
/// Trained by full-batch gradient descent with L2 in a fixed order: the same texts give the same weights on any
/// machine, so the shipped file (triage/triage-model.tsv, built by <c>trustbridge triage train</c>) is reproducible.
/// Immutable after training; thread-safe.
/// </summary>
public sealed class LinearTriageModel
{
    public const int Epochs = 15;
    public const double LearningRate = 0.2;
    public const double L2 = 1e-4;
    /// <summary>A feature seen in fewer training texts is dropped (keeps the file small and ignores one-off typos).</summary>
    public const int MinCount = 2;
    public const double HighThreshold = 0.5;

    private readonly Dictionary<string, int> _index;
    private readonly double[][] _category; // [feature][class], last row = bias
    private readonly double[] _high;       // [feature], last = bias

    private LinearTriageModel(Dictionary<string, int> index, double[][] category, double[] high)
    {
        _index = index;
        _category = category;
        _high = high;
    }

    public int FeatureCount => _index.Count;

    /// <summary>The features of a text (normalized, segmented, and with the rules' findings).</summary>
    internal static HashSet<string> Features(string normalized, IReadOnlyList<Word> words, IEnumerable<LexiconMatch> categoryMatches,
        IEnumerable<ThreatFinding> findings, string rulesRisk)
    {
        var f = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
            if (w.Text.Length > 0 && !TriageText.IsBreak(w.Text[0])) f.Add("w:" + w.Text);
        for (var i = 0; i + 1 < normalized.Length; i++)
            if (!TriageText.IsBreak(normalized[i]) && !TriageText.IsBreak(normalized[i + 1])) f.Add(string.Concat("b:", normalized.AsSpan(i, 2)));
        foreach (var m in categoryMatches) f.Add("lex:" + m.Entry.Label);
        foreach (var t in findings) f.Add((t.Live ? "t:" : "m:") + t.Class);
        f.Add("r:" + rulesRisk);
        return f;
    }

    /// <summary>Probabilities of the eight categories (in <see cref="FeedbackCategories.All"/> order) and of high risk.</summary>
    public (double[] Category, double High) Predict(IEnumerable<string> features)
    {
        var k = FeedbackCategories.All.Length;
        var z = (double[])_category[^1].Clone();
        var h = _high[^1];
        foreach (var name in features)
        {
            if (!_index.TryGetValue(name, out var j)) continue;
            var row = _category[j];
            for (var c = 0; c < k; c++) z[c] += row[c];
            h += _high[j];
        }
        return (Softmax(z), Sigmoid(h));
    }

    public static LinearTriageModel Train(IReadOnlyList<(HashSet<string> Features, string Category, bool High, double Weight)> examples)
    {
        var k = FeedbackCategories.All.Length;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in examples) foreach (var f in e.Features) counts[f] = counts.GetValueOrDefault(f) + 1;
        var names = counts.Where(kv => kv.Value >= MinCount).Select(kv => kv.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        var rows = examples.Select(e => (Ids: e.Features.Where(index.ContainsKey).Select(f => index[f]).OrderBy(i => i).ToArray(),
            Category: Array.IndexOf(FeedbackCategories.All, e.Category), e.High, e.Weight)).ToList();
        if (rows.Any(r => r.Category < 0)) throw new ArgumentException("Unknown category in the training texts.", nameof(examples));

        var n = names.Count;
        var w = new double[n + 1][];
        for (var i = 0; i <= n; i++) w[i] = new double[k];
        var v = new double[n + 1];
        // A fixed visiting order (a stride through the texts) instead of a random shuffle: reproducible, and the seed
        // corpus's blocks of one category do not come in a row.
        var order = Enumerable.Range(0, rows.Count).Select(i => (int)((long)i * 7919 % Math.Max(1, rows.Count))).Distinct().ToList();
        order.AddRange(Enumerable.Range(0, rows.Count).Except(order));
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var rate = LearningRate / (1 + epoch * 0.2);
            foreach (var r in order)
            {
                var (ids, cat, high, weight) = rows[r];
                var z = (double[])w[n].Clone();
                var h = v[n];
                foreach (var j in ids) { for (var c = 0; c < k; c++) z[c] += w[j][c]; h += v[j]; }
                var p = Softmax(z);
                var dh = rate * weight * (Sigmoid(h) - (high ? 1 : 0));
                for (var c = 0; c < k; c++)
                {
                    var d = rate * weight * (p[c] - (c == cat ? 1 : 0));
                    foreach (var j in ids) w[j][c] -= d + rate * L2 * w[j][c];
                    w[n][c] -= d;
                }
                foreach (var j in ids) v[j] -= dh + rate * L2 * v[j];
                v[n] -= dh;
            }
        }
        return new LinearTriageModel(index, w, v);
    }

    /// <summary>Tab-separated: a header, then one line per feature (name, 8 category weights, high weight); bias last as "&lt;bias&gt;".</summary>
    public void Write(TextWriter writer)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.Write("# TrustBridge linear triage model: feature\t" + string.Join('\t', FeedbackCategories.All) + "\thigh\n");
        foreach (var (name, j) in _index.OrderBy(kv => kv.Key, StringComparer.Ordinal).Append(new("<bias>", _index.Count)))
        {
            var sb = new StringBuilder(name);
            foreach (var x in _category[j]) sb.Append('\t').Append(Math.Round(x, 5).ToString("R", inv));
            sb.Append('\t').Append(Math.Round(_high[j], 5).ToString("R", inv));
            writer.Write(sb.Append('\n').ToString());
        }
    }

    public static LinearTriageModel Read(TextReader reader)
    {
        var k = FeedbackCategories.All.Length;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var cat = new List<double[]>();
        var high = new List<double>();
        double[]? biasC = null;
        var biasH = 0.0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var p = line.Split('\t');
            if (p.Length != k + 2) throw new FormatException($"Expected {k + 2} fields: {line}");
            var row = p.Skip(1).Take(k).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var h = double.Parse(p[k + 1], CultureInfo.InvariantCulture);
            if (p[0] == "<bias>") { biasC = row; biasH = h; continue; }
            index[p[0]] = cat.Count;
            cat.Add(row);
            high.Add(h);
        }
        if (biasC is null) throw new FormatException("The model file has no <bias> line.");
        cat.Add(biasC);
        high.Add(biasH);
        return new LinearTriageModel(index, [.. cat], [.. high]);
    }

    private static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(x => Math.Exp(x - max)).ToArray();
        var s = e.Sum();
        return [.. e.Select(x => x / s)];
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
