using System.Diagnostics;
using System.Globalization;
using TrustBridge.Core.Triage;

namespace TrustBridge.Bench;

/// <summary>
/// Issue 9: the triage classifier on one thread, 1,000 texts of 200 characters built from the seed corpus (each text
/// a different run of sentences), against the round-2 engine as baseline in the same run. Target ≥ 2,000 texts/s.
/// </summary>
public static class TriageBenchmark
{
    public static int Run(int texts, int length, int rounds)
    {
        var seed = TriageSeedCorpus.Texts.Select(t => t.Text).ToArray();
        var corpus = new List<string>(texts);
        for (var i = 0; i < texts; i++)
        {
            var sb = new System.Text.StringBuilder();
            for (var k = 0; sb.Length < length; k++) sb.Append(seed[(i * 7 + k * 13) % seed.Length]).Append('。');
            corpus.Add(sb.ToString(0, length));
        }
        var sw = Stopwatch.StartNew();
        var model = TriageModel.Default;
        model.Classify("预热");
        var load = sw.Elapsed;
        Console.WriteLine($"model load (jieba dictionary, shipped linear model): {load.TotalSeconds:0.0} s");

        double Measure(Func<string, TriageResult> classify)
        {
            foreach (var t in corpus.Take(200)) classify(t); // warm-up
            var best = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                var s = Stopwatch.StartNew();
                var high = 0;
                foreach (var t in corpus) if (classify(t).RiskLevel == RiskLevels.High) high++;
                best = Math.Min(best, s.Elapsed.TotalSeconds);
                GC.KeepAlive(high);
            }
            return corpus.Count / best;
        }

        var words = Measure(t => { JiebaWordSegmenter.Default.Cut(t); return new TriageResult("", "", "", []); });
        var taxonomy = Measure(t => { ThreatTaxonomy.Find(t, JiebaWordSegmenter.Default); return new TriageResult("", "", "", []); });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parts: jieba alone {words:N0} texts/s; jieba + taxonomy {taxonomy:N0} texts/s"));
        var baseline = Measure(model.ClassifyRoundTwo);
        var full = Measure(model.Classify);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"| engine | texts | chars each | texts/s (best of {rounds}, one thread) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| round 2 (baseline: n-grams, phrase rules) | {texts:N0} | {length} | {baseline:N0} |"));
        Console.WriteLine(string.Create(inv, $"| issue 9 (jieba words, taxonomy, linear model) | {texts:N0} | {length} | {full:N0} |"));
        return full >= 2000 ? 0 : 2;
    }
}
