// BenchmarkSamples: reads a results file into named samples (one value per run or iteration,
// smaller is better) for `fast bench compare`. Two formats are recognised by their content:
//   - `fast bench workloads --json` (WorkloadResults): one benchmark per workload and engine,
//     named "xz-6/fast", values are wall seconds of each run; engines without runs are skipped.
//   - BenchmarkDotNet's JSON export (perf micro suites, *-report-full.json or *-report.json):
//     one benchmark per FullName, values are Statistics.OriginalValues (ns per operation of
//     each workload iteration), else the Workload/Result measurements divided by operations.
using System.Text.Json;
using Fast.Perf.Workloads;

namespace Fast.Perf.Compare;

public sealed record BenchmarkSample(string Name, string Unit, IReadOnlyList<double> Values);

public static class BenchmarkSamples
{
    public static List<BenchmarkSample> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var kind) && kind.GetString() == WorkloadResults.KindTag)
            return FromWorkloads(WorkloadResults.Load(path));
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Benchmarks", out var benchmarks))
            return FromBenchmarkDotNet(benchmarks);
        throw new InvalidDataException($"{path}: neither `fast bench workloads --json` output nor a BenchmarkDotNet JSON export");
    }

    public static List<BenchmarkSample> FromWorkloads(WorkloadResults results) =>
        results.Workloads
            .SelectMany(w => w.Engines.Where(e => e.Value.Status == EngineResult.Ok && e.Value.Seconds.Count > 0)
                .Select(e => new BenchmarkSample($"{w.Name}/{e.Key}", "s", e.Value.Seconds)))
            .ToList();

    static List<BenchmarkSample> FromBenchmarkDotNet(JsonElement benchmarks)
    {
        var list = new List<BenchmarkSample>();
        foreach (var b in benchmarks.EnumerateArray())
        {
            string name = b.TryGetProperty("FullName", out var full) && full.GetString() is { } f ? f
                : $"{Str(b, "Type")}.{Str(b, "Method")}{Str(b, "Parameters")}";
            var values = new List<double>();
            if (b.TryGetProperty("Statistics", out var stats) && stats.ValueKind == JsonValueKind.Object
                && stats.TryGetProperty("OriginalValues", out var original) && original.ValueKind == JsonValueKind.Array)
                values.AddRange(original.EnumerateArray().Select(v => v.GetDouble()));
            if (values.Count == 0 && b.TryGetProperty("Measurements", out var measurements) && measurements.ValueKind == JsonValueKind.Array)
                foreach (var m in measurements.EnumerateArray())
                    if (Str(m, "IterationMode") == "Workload" && Str(m, "IterationStage") == "Result")
                        values.Add(m.GetProperty("Nanoseconds").GetDouble() / Math.Max(1, m.GetProperty("Operations").GetDouble()));
            if (values.Count > 0) list.Add(new BenchmarkSample(name, "ns", values));
        }
        return list;
    }

    static string Str(JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
}
