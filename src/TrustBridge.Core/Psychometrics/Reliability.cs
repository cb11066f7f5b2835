namespace TrustBridge.Core.Psychometrics;

public sealed record ReliabilityReport(int Respondents, double? Alpha, IReadOnlyList<double?> AlphaIfDeleted, IReadOnlyList<double?> CorrectedItemTotal);

/// <summary>
/// Cronbach's α and corrected item-total correlations over complete respondents (MEASUREMENT.md, "Reliability"):
/// α = k/(k − 1)·(1 − Σ s_i² / s_T²) with sample variances; null with fewer than 3 respondents or s_T² = 0.
/// </summary>
public static class Reliability
{
    public const double AlphaWarning = 0.70;
    public const double ItemTotalWarning = 0.30;

    /// <param name="rows">One row per respondent, one column per item, already reverse-scored.</param>
    public static ReliabilityReport Of(IReadOnlyList<double[]> rows)
    {
        if (rows.Count == 0) return new ReliabilityReport(0, null, [], []);
        var k = rows[0].Length;
        var cov = Covariance(rows, k);
        var alpha = rows.Count < 3 ? null : AlphaFromCovariance(cov);
        var ifDeleted = Enumerable.Range(0, k).Select(i => rows.Count < 3 || k < 3 ? null : AlphaFromCovariance(Without(cov, i))).ToList();
        var itemTotal = Enumerable.Range(0, k).Select(i => rows.Count < 3 ? null : CorrectedItemTotal(rows, i)).ToList();
        return new ReliabilityReport(rows.Count, alpha, ifDeleted, itemTotal);
    }

    /// <summary>α from an item covariance matrix: Σ s_i² is its trace, s_T² the sum of all its cells.</summary>
    public static double? AlphaFromCovariance(double[,] cov)
    {
        var k = cov.GetLength(0);
        if (k < 2) return null;
        double trace = 0, total = 0;
        for (var i = 0; i < k; i++)
        {
            trace += cov[i, i];
            for (var j = 0; j < k; j++) total += cov[i, j];
        }
        if (total <= 0) return null;
        return k / (k - 1.0) * (1 - trace / total);
    }

    public static double[,] Without(double[,] cov, int item)
    {
        var k = cov.GetLength(0);
        var r = new double[k - 1, k - 1];
        for (int i = 0, ri = 0; i < k; i++)
        {
            if (i == item) continue;
            for (int j = 0, rj = 0; j < k; j++)
            {
                if (j == item) continue;
                r[ri, rj++] = cov[i, j];
            }
            ri++;
        }
        return r;
    }

    public static double[,] Covariance(IReadOnlyList<double[]> rows, int k)
    {
        var n = rows.Count;
        var means = new double[k];
        foreach (var row in rows) for (var i = 0; i < k; i++) means[i] += row[i] / n;
        var cov = new double[k, k];
        if (n < 2) return cov;
        foreach (var row in rows)
            for (var i = 0; i < k; i++)
                for (var j = 0; j < k; j++)
                    cov[i, j] += (row[i] - means[i]) * (row[j] - means[j]) / (n - 1);
        return cov;
    }

    /// <summary>Pearson r of an item with the sum of the other items.</summary>
    public static double? CorrectedItemTotal(IReadOnlyList<double[]> rows, int item)
    {
        var x = rows.Select(r => r[item]).ToArray();
        var y = rows.Select(r => r.Sum() - r[item]).ToArray();
        return Pearson(x, y);
    }

    public static double? Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }
}
