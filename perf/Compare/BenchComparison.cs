// BenchComparison: `fast bench compare OLD.json NEW.json [--threshold PCT] [--alpha P]`.
// For every benchmark present in both files: the medians, the change of the median in percent
// (positive = slower, every value is a time), and the two-sided Mann-Whitney p-value over the
// runs (MannWhitney.cs says why that test). Verdicts:
//   regression   change > +threshold and p < alpha   → the command exits 1
//   improvement  change < -threshold and p < alpha
//   slower/faster (small)  significant but within the threshold
//   unchanged    p ≥ alpha (the difference is within the noise of the runs)
// Default threshold 5 %: run-to-run noise of the workloads on a quiet machine is 1-3 %, so a
// median shift beyond 5 % that is also significant is a real change; smaller significant
// shifts are shown but do not fail a build. Default alpha 0.05. Exit codes: 0 no regression,
// 1 at least one regression, 2 unreadable input.
namespace Fast.Perf.Compare;

public enum Verdict { Unchanged, Regression, Improvement, SlowerWithinThreshold, FasterWithinThreshold, OnlyOld, OnlyNew }

public sealed record BenchmarkChange(string Name, string Unit, int OldRuns, int NewRuns, double? OldMedian, double? NewMedian,
    double? ChangePercent, double? P, Verdict Verdict);

public static class BenchComparison
{
    public const double DefaultThresholdPercent = 5;
    public const double DefaultAlpha = 0.05;

    public static List<BenchmarkChange> Compare(IEnumerable<BenchmarkSample> old, IEnumerable<BenchmarkSample> @new,
        double thresholdPercent = DefaultThresholdPercent, double alpha = DefaultAlpha)
    {
        var olds = old.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last());
        var news = @new.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last());
        var result = new List<BenchmarkChange>();
        foreach (var name in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
        {
            olds.TryGetValue(name, out var o);
            news.TryGetValue(name, out var n);
            if (o is null || n is null)
            {
                var only = (o ?? n)!;
                result.Add(new BenchmarkChange(name, only.Unit, o?.Values.Count ?? 0, n?.Values.Count ?? 0,
                    o is null ? null : Median(o.Values), n is null ? null : Median(n.Values), null, null, o is null ? Verdict.OnlyNew : Verdict.OnlyOld));
                continue;
            }
            double om = Median(o.Values), nm = Median(n.Values);
            double change = om == 0 ? 0 : (nm / om - 1) * 100;
            double p = MannWhitney.TwoSidedP(o.Values, n.Values);
            var verdict = p >= alpha ? Verdict.Unchanged
                : change > thresholdPercent ? Verdict.Regression
                : change < -thresholdPercent ? Verdict.Improvement
                : change >= 0 ? Verdict.SlowerWithinThreshold : Verdict.FasterWithinThreshold;
            result.Add(new BenchmarkChange(name, o.Unit, o.Values.Count, n.Values.Count, om, nm, Math.Round(change, 2), p, verdict));
        }
        return result;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Describe(Verdict v) => v switch
    {
        Verdict.Regression => "REGRESSION",
        Verdict.Improvement => "improvement",
        Verdict.SlowerWithinThreshold => "slower (within threshold)",
        Verdict.FasterWithinThreshold => "faster (within threshold)",
        Verdict.OnlyOld => "only in old",
        Verdict.OnlyNew => "only in new",
        _ => "unchanged",
    };

    /// <summary>Rows for ConsoleTable: benchmark, old, new, change, p, verdict.</summary>
    public static (string[] Headers, List<string[]> Rows) Table(IEnumerable<BenchmarkChange> changes)
    {
        string[] headers = ["benchmark", "old median", "new median", "change", "p", "runs", "verdict"];
        var rows = changes.Select(c => new[]
        {
            c.Name,
            c.OldMedian is double o ? Format(o, c.Unit) : "-",
            c.NewMedian is double n ? Format(n, c.Unit) : "-",
            c.ChangePercent is double ch ? $"{ch:+0.00;-0.00;0.00}%" : "-",
            c.P is double p ? (p < 0.001 ? "<0.001" : $"{p:F3}") : "-",
            $"{c.OldRuns}/{c.NewRuns}",
            Describe(c.Verdict),
        }).ToList();
        return (headers, rows);
    }

    static string Format(double value, string unit) => unit switch
    {
        "s" => $"{value:F3} s",
        "ns" => value >= 1e6 ? $"{value / 1e6:F3} ms" : value >= 1e3 ? $"{value / 1e3:F3} us" : $"{value:F3} ns",
        _ => $"{value:G4} {unit}",
    };
}
