namespace TrustBridge.Core.Psychometrics;

public sealed record NpsResult(int N, int Promoters, int Passives, int Detractors, double? Score);

/// <summary>recommend 0–10: promoters 9–10, detractors 0–6; NPS = 100·(P − D)/N.</summary>
public static class NetPromoterScore
{
    public static NpsResult Of(IEnumerable<int> answers)
    {
        int p = 0, pas = 0, d = 0;
        foreach (var a in answers)
        {
            if (a is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(answers), $"{a} is not on the 0–10 scale.");
            if (a >= 9) p++;
            else if (a <= 6) d++;
            else pas++;
        }
        return FromCounts(p, pas, d);
    }

    /// <summary>From counts a database has already grouped.</summary>
    public static NpsResult FromCounts(int promoters, int passives, int detractors)
    {
        var n = promoters + passives + detractors;
        return new NpsResult(n, promoters, passives, detractors, n == 0 ? null : 100.0 * (promoters - detractors) / n);
    }
}
