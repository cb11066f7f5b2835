namespace TrustBridge.Core.Psychometrics;

/// <summary>One likert5 item of a scale: whether it is worded negatively (reverse scored).</summary>
public sealed record ScaleItem(string Code, bool Reverse);

public sealed record ScaleScore(int Answered, int Items, double? Mean, double? Score0To100, bool Valid, bool Trusts);

/// <summary>
/// One respondent's score on a likert5 scale or dimension (MEASUREMENT.md, "One respondent"): reverse x' = 6 − x;
/// valid when at least ⌈k/2⌉ of k items are answered; mean of answered items; 0–100 = (mean − 1)·25;
/// trusts when mean ≥ 4.0.
/// </summary>
public static class ScaleScoring
{
    public const double TrustThreshold = 4.0;

    public static int MinimumAnswered(int items) => (items + 1) / 2;

    public static double Reverse(double x) => 6 - x;

    public static double To100(double mean) => (mean - 1) * 25;

    /// <param name="answers">Item code → answer 1..5; missing items are unanswered.</param>
    public static ScaleScore Score(IReadOnlyList<ScaleItem> items, IReadOnlyDictionary<string, int> answers)
    {
        double sum = 0;
        var answered = 0;
        foreach (var item in items)
        {
            if (!answers.TryGetValue(item.Code, out var x)) continue;
            if (x is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(answers), $"{item.Code}={x} is not on the 1–5 scale.");
            sum += item.Reverse ? Reverse(x) : x;
            answered++;
        }
        var valid = items.Count > 0 && answered >= MinimumAnswered(items.Count);
        if (!valid) return new ScaleScore(answered, items.Count, null, null, false, false);
        var mean = sum / answered;
        return new ScaleScore(answered, items.Count, mean, To100(mean), true, mean >= TrustThreshold - 1e-12);
    }
}
