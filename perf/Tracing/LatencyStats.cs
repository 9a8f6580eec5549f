// LatencyStats: collects durations (in Stopwatch ticks of the recording machine) and summarises
// them as count, mean, p50/p90/p99 (nearest rank on the sorted values) and max, in microseconds.
// Exact, not a sketch: traces hold at most millions of events and a long[] of them is cheap.
namespace Fast.Perf.Tracing;

public sealed record LatencySummary(long Count, double MeanUs, double P50Us, double P90Us, double P99Us, double MaxUs);

public sealed class LatencyStats
{
    readonly List<long> ticks = new();

    public int Count => ticks.Count;

    public void Add(long durationTicks) => ticks.Add(Math.Max(0, durationTicks));

    /// <summary>Nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    public static long Percentile(IReadOnlyList<long> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public LatencySummary Summarise(double ticksPerSecond)
    {
        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        double us(long t) => t * 1e6 / ticksPerSecond;
        double mean = sorted.Length == 0 ? 0 : sorted.Average(t => (double)t) * 1e6 / ticksPerSecond;
        return new LatencySummary(sorted.Length, Math.Round(mean, 3),
            Math.Round(us(Percentile(sorted, 50)), 3), Math.Round(us(Percentile(sorted, 90)), 3),
            Math.Round(us(Percentile(sorted, 99)), 3), Math.Round(us(sorted.Length == 0 ? 0 : sorted[^1]), 3));
    }
}
