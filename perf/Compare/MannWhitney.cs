// MannWhitney: the two-sided Mann-Whitney U test (Wilcoxon rank-sum), the significance test of
// `fast bench compare`. Why this test and not Welch's t: run times are not normal — they are
// skewed to the right and carry outliers (a page-cache miss, another process on the core) —
// and a rank test needs no distribution assumption, loses little power when the data happen to
// be normal, and is not dragged by one slow run. BenchmarkDotNet's own threshold tests use it too.
//
// p-values: exact, from the distribution of U over all C(m+n, m) rank arrangements, when there
// are no ties and both samples have at most 20 values (the usual case: a handful of runs);
// otherwise the normal approximation with tie correction and continuity correction.
// Small samples limit what can be shown: with m = n = 3 the smallest two-sided p is 0.10, with
// 4 and 4 it is 0.029, with 5 and 5 it is 0.008 — so use at least 5 runs per side.
namespace Fast.Perf.Compare;

public static class MannWhitney
{
    /// <summary>U of the first sample (the number of pairs (x, y) with x &gt; y, ties counting one half).</summary>
    public static double U(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double u = 0;
        foreach (double a in x)
            foreach (double b in y)
                u += a > b ? 1 : a == b ? 0.5 : 0;
        return u;
    }

    /// <summary>The two-sided p-value of the hypothesis that x and y come from the same distribution.</summary>
    public static double TwoSidedP(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int m = x.Count, n = y.Count;
        if (m == 0 || n == 0) return 1;
        double u = U(x, y);
        bool ties = x.Concat(y).Distinct().Count() < m + n;
        if (!ties && m <= 20 && n <= 20) return ExactTwoSided(m, n, (int)u);
        return NormalTwoSided(x, y, u);
    }

    static double ExactTwoSided(int m, int n, int u)
    {
        double[] counts = Distribution(m, n);
        double total = counts.Sum();
        double lower = 0, upper = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            if (k <= u) lower += counts[k];
            if (k >= u) upper += counts[k];
        }
        return Math.Min(1, 2 * Math.Min(lower, upper) / total);
    }

    /// <summary>counts[u] = the number of arrangements of m x's and n y's whose U is u.</summary>
    public static double[] Distribution(int m, int n)
    {
        // f(i, j)[u]: arrangements of i x's and j y's; the largest value is an x (adding j to U) or a y.
        var f = new double[m + 1, n + 1][];
        for (int i = 0; i <= m; i++)
            for (int j = 0; j <= n; j++)
            {
                var row = new double[i * j + 1];
                if (i == 0 || j == 0) row[0] = 1;
                else
                {
                    var withX = f[i - 1, j];
                    var withY = f[i, j - 1];
                    for (int k = 0; k < withX.Length; k++) row[k + j] += withX[k];
                    for (int k = 0; k < withY.Length; k++) row[k] += withY[k];
                }
                f[i, j] = row;
            }
        return f[m, n];
    }

    static double NormalTwoSided(IReadOnlyList<double> x, IReadOnlyList<double> y, double u)
    {
        int m = x.Count, n = y.Count, total = m + n;
        double mean = m * (double)n / 2;
        double tieTerm = x.Concat(y).GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        double variance = m * (double)n / 12 * (total + 1 - tieTerm / (total * (double)(total - 1)));
        if (variance <= 0) return 1;
        double z = (Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return Math.Min(1, 2 * NormalUpperTail(Math.Max(0, z)));
    }

    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    static double Erfc(double x)
    {
        // Numerical Recipes' erfcc: Chebyshev fit, fractional error below 1.2e-7 everywhere.
        double t = 1 / (1 + 0.5 * Math.Abs(x));
        double r = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
