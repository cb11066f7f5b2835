namespace TrustBridge.Core.Psychometrics;

/// <summary>
/// Item covariance accumulated one respondent at a time (Welford's co-moment update), so α over a million answers
/// keeps k² numbers in memory instead of every row.
/// </summary>
public sealed class ItemCovariance(int items)
{
    private readonly double[] _mean = new double[items];
    private readonly double[,] _comoment = new double[items, items];
    private readonly double[] _delta = new double[items];

    public int Items { get; } = items;
    public long N { get; private set; }

    public void Add(ReadOnlySpan<double> row)
    {
        if (row.Length != Items) throw new ArgumentException($"Expected {Items} items, got {row.Length}.", nameof(row));
        N++;
        for (var i = 0; i < Items; i++)
        {
            _delta[i] = row[i] - _mean[i];
            _mean[i] += _delta[i] / N;
        }
        for (var i = 0; i < Items; i++)
            for (var j = 0; j < Items; j++)
                _comoment[i, j] += _delta[i] * (row[j] - _mean[j]);
    }

    /// <summary>Sample covariance matrix (n − 1).</summary>
    public double[,] Covariance()
    {
        var c = new double[Items, Items];
        if (N < 2) return c;
        for (var i = 0; i < Items; i++)
            for (var j = 0; j < Items; j++)
                c[i, j] = _comoment[i, j] / (N - 1);
        return c;
    }

    /// <summary>Cronbach's α; null with fewer than 3 respondents or no total variance (MEASUREMENT.md).</summary>
    public double? Alpha() => N < 3 ? null : Reliability.AlphaFromCovariance(Covariance());

    /// <summary>Corrected item-total r from the covariance: cov(i, T−i) / √(var i · var(T−i)).</summary>
    public double? CorrectedItemTotal(int item)
    {
        if (N < 3) return null;
        var c = Covariance();
        double covRest = 0, varRest = 0;
        for (var j = 0; j < Items; j++)
        {
            if (j == item) continue;
            covRest += c[item, j];
            for (var k = 0; k < Items; k++)
                if (k != item) varRest += c[j, k];
        }
        var denominator = Math.Sqrt(c[item, item] * varRest);
        return denominator == 0 ? null : covRest / denominator;
    }
}
