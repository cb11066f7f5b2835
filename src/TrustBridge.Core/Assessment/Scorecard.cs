using TrustBridge.Core.Statistics;

namespace TrustBridge.Core.Assessment;

/// <summary>An indicator of ASSESSMENT.md: its code, which way is better and the range its value, target and floor live in.</summary>
public sealed record IndicatorDefinition(string Code, bool HigherIsBetter, double Min, double Max, decimal DefaultWeight, double DefaultTarget, double DefaultFloor)
{
    public bool InRange(double v) => v >= Min && v <= Max && !double.IsNaN(v);
}

public static class Indicators
{
    public const string TrustIndex = "trust-index";
    public const string TrustingRate = "trusting-rate";
    public const string ComplaintsOutpatient = "complaints-outpatient";
    public const string ComplaintsInpatient = "complaints-inpatient";
    public const string OnTimeReply = "on-time-reply";
    public const string Disputes = "disputes";
    public const string FollowUpRatio = "followup-ratio";
    public const string Training = "training";
    public const string PlansOnTime = "plans-on-time";

    /// <summary>The shipped defaults (weights add up to 100); administrators version their own.</summary>
    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(TrustIndex, true, 0, 100, 20m, 80, 60),
        new(TrustingRate, true, 0, 1, 15m, 0.80, 0.50),
        new(ComplaintsOutpatient, false, 0, 1000, 10m, 0.5, 2.0),
        new(ComplaintsInpatient, false, 0, 1000, 10m, 5, 20),
        new(OnTimeReply, true, 0, 1, 15m, 0.95, 0.70),
        new(Disputes, false, 0, 10000, 5m, 5, 30),
        new(FollowUpRatio, true, 0, 1, 10m, 0.90, 0.50),
        new(Training, true, 0, 1, 10m, 0.90, 0.50),
        new(PlansOnTime, true, 0, 1, 5m, 1.0, 0.50),
    ];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(d => d.Code == code);
}

/// <summary>An indicator's setting in one weights version.</summary>
public sealed record IndicatorSetting(string Code, decimal Weight, double Target, double Floor);

/// <summary>A value of one department and period; Assessed false when not reportable (未评估, never zero).</summary>
public sealed record IndicatorValue(string Code, bool Assessed, double? Value, Interval? Ci, int N);

public sealed record IndicatorResult(string Code, bool Assessed, double? Value, Interval? Ci, int N, double Target, bool? Met, double? Score, decimal Weight);

public sealed record DepartmentScore(double? Score, string? Band, IReadOnlyList<IndicatorResult> Indicators);

public static class Bands
{
    public const string Excellent = "excellent";   // 优秀 ≥ 90
    public const string Good = "good";             // 良好 75–89
    public const string Pass = "pass";             // 合格 60–74
    public const string NeedsImprovement = "needs-improvement"; // 待改进 < 60
    public static readonly string[] All = [Excellent, Good, Pass, NeedsImprovement];

    public static string Of(double score) => score >= 90 ? Excellent : score >= 75 ? Good : score >= 60 ? Pass : NeedsImprovement;
}

public static class Scorecard
{
    /// <summary>
    /// 100 when the value meets its target; otherwise linear from 100 at the target down to 0 at the floor (and 0 beyond).
    /// </summary>
    public static double IndicatorScore(double value, double target, double floor, bool higherIsBetter)
    {
        var met = higherIsBetter ? value >= target : value <= target;
        if (met) return 100;
        if (target == floor) return 0;
        var fraction = (value - floor) / (target - floor);
        return Math.Clamp(fraction, 0, 1) * 100;
    }

    /// <summary>
    /// The department's score: the weighted mean over assessed indicators only, with their weights renormalised to 100%;
    /// null (no band) when none is assessed.
    /// </summary>
    public static DepartmentScore Score(IEnumerable<IndicatorValue> values, IEnumerable<IndicatorSetting> settings)
    {
        var byCode = settings.ToDictionary(s => s.Code);
        var results = new List<IndicatorResult>();
        foreach (var v in values)
        {
            var def = Indicators.Find(v.Code) ?? throw new ArgumentException($"Unknown indicator '{v.Code}'.", nameof(values));
            var s = byCode.GetValueOrDefault(v.Code) ?? new IndicatorSetting(v.Code, 0m, def.DefaultTarget, def.DefaultFloor);
            if (!v.Assessed || v.Value is not { } value)
            {
                results.Add(new IndicatorResult(v.Code, false, null, null, v.N, s.Target, null, null, s.Weight));
                continue;
            }
            var met = def.HigherIsBetter ? value >= s.Target : value <= s.Target;
            results.Add(new IndicatorResult(v.Code, true, value, v.Ci, v.N, s.Target, met, IndicatorScore(value, s.Target, s.Floor, def.HigherIsBetter), s.Weight));
        }
        var assessed = results.Where(r => r.Assessed && r.Weight > 0).ToList();
        var weight = assessed.Sum(r => r.Weight);
        if (weight == 0) return new DepartmentScore(null, null, results);
        var score = assessed.Sum(r => r.Score!.Value * (double)r.Weight) / (double)weight;
        score = Math.Round(score, 1);
        return new DepartmentScore(score, Bands.Of(score), results);
    }

    /// <summary>The problems of a weights version, keyed by the field (indicators[i].weight, …); empty when it is valid.</summary>
    public static Dictionary<string, string> Validate(IReadOnlyList<IndicatorSetting> settings)
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            var def = Indicators.Find(s.Code);
            if (def is null) { errors[$"indicators[{i}].code"] = $"Unknown indicator '{s.Code}'."; continue; }
            if (settings.Take(i).Any(o => o.Code == s.Code)) errors[$"indicators[{i}].code"] = $"Indicator '{s.Code}' appears twice.";
            if (s.Weight < 0 || s.Weight > 100) errors[$"indicators[{i}].weight"] = "A weight lies within 0–100%.";
            if (!def.InRange(s.Target)) errors[$"indicators[{i}].target"] = $"The target of {s.Code} lies within {def.Min}–{def.Max}.";
            else if (!def.InRange(s.Floor)) errors[$"indicators[{i}].floor"] = $"The floor of {s.Code} lies within {def.Min}–{def.Max}.";
            else if (def.HigherIsBetter ? s.Floor > s.Target : s.Floor < s.Target)
                errors[$"indicators[{i}].floor"] = $"The floor of {s.Code} lies on the worse side of its target.";
        }
        if (errors.Count == 0 && settings.Sum(s => s.Weight) != 100m)
            errors["weights"] = $"Weights add up to 100%, not {settings.Sum(s => s.Weight)}%.";
        return errors;
    }
}
