using Fast.Perf.Compare;
using Fast.Perf.Workloads;

namespace Fast.Tests.Perf;

public class BenchComparisonTests
{
    static BenchmarkSample S(string name, params double[] values) => new(name, "s", values);

    [Fact]
    public void ExactPValues()
    {
        // Completely separated samples of 5 and 5: only 2 of C(10,5) = 252 arrangements are as extreme.
        Assert.Equal(2.0 / 252, MannWhitney.TwoSidedP([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]), 12);
        // 3 and 3 can never reach p < 0.05: the documented reason to run at least 5 times.
        Assert.Equal(0.1, MannWhitney.TwoSidedP([1, 2, 3], [4, 5, 6]), 12);
        // U = 5 of 12 for x = {1,2,5,7}, y = {3,4,6}; by enumeration p = 0.857.
        Assert.Equal(5, MannWhitney.U([1, 2, 5, 7], [3, 4, 6]));
        Assert.Equal(0.857142857, MannWhitney.TwoSidedP([1, 2, 5, 7], [3, 4, 6]), 6);
        Assert.Equal(252, MannWhitney.Distribution(5, 5).Sum());
    }

    [Fact]
    public void NormalApproximationWithTies()
    {
        // U = 6, tie-corrected variance 89.733, z = 2.6919 with continuity correction: p = 0.0071.
        double p = MannWhitney.TwoSidedP([1, 2, 2, 3, 4, 5, 6, 7], [5, 6, 6, 7, 8, 9, 10, 11]);
        Assert.Equal(0.007104, p, 5);
        Assert.Equal(1.0, MannWhitney.TwoSidedP([3, 3, 3], [3, 3, 3]));
    }

    [Fact]
    public void VerdictsAgainstTheThreshold()
    {
        double[] baseline = [10.0, 10.1, 9.9, 10.2, 10.05];
        var old = new[]
        {
            S("slow", baseline), S("fast", baseline), S("noise", baseline), S("small", baseline), S("gone", baseline),
        };
        var @new = new[]
        {
            S("slow", 11.0, 11.2, 10.9, 11.1, 11.05),    // +10 %, every run slower: must be flagged
            S("fast", 8.0, 8.1, 7.9, 8.2, 8.05),         // -20 %
            S("noise", 10.05, 9.95, 10.15, 10.0, 10.1),  // interleaved with the old runs
            S("small", 10.3, 10.35, 10.25, 10.4, 10.32), // +2.5 %, significant but within 5 %
            S("added", 1, 2, 3),
        };
        var changes = BenchComparison.Compare(old, @new).ToDictionary(c => c.Name);
        Assert.Equal(Verdict.Regression, changes["slow"].Verdict);
        Assert.Equal(10.0, changes["slow"].ChangePercent!.Value, 1);
        Assert.True(changes["slow"].P < 0.01);
        Assert.Equal(Verdict.Improvement, changes["fast"].Verdict);
        Assert.Equal(Verdict.Unchanged, changes["noise"].Verdict);
        Assert.Equal(Verdict.SlowerWithinThreshold, changes["small"].Verdict);
        Assert.Equal(Verdict.OnlyOld, changes["gone"].Verdict);
        Assert.Equal(Verdict.OnlyNew, changes["added"].Verdict);

        // A looser threshold lets the 10 % slowdown through; three runs each can never be significant.
        var loose = BenchComparison.Compare(old, @new, thresholdPercent: 15).Single(c => c.Name == "slow");
        Assert.Equal(Verdict.SlowerWithinThreshold, loose.Verdict);
        var few = BenchComparison.Compare([S("x", 1, 1.01, 0.99)], [S("x", 2, 2.01, 1.99)]).Single();
        Assert.Equal(Verdict.Unchanged, few.Verdict);
    }

    [Fact]
    public void LoadsWorkloadResultsAndBenchmarkDotNetExports()
    {
        string dir = Directory.CreateTempSubdirectory("fast-compare-").FullName;
        try
        {
            var results = new WorkloadResults { Runs = 2 };
            var w = new WorkloadResult { Name = "gzip-9" };
            w.Engines["native"] = new EngineResult { Seconds = [0.5, 0.6], MedianSeconds = 0.55 };
            w.Engines["fast"] = new EngineResult { Status = EngineResult.Unavailable, Reason = "no run command" };
            results.Workloads.Add(w);
            results.Save(Path.Combine(dir, "w.json"));
            var samples = BenchmarkSamples.Load(Path.Combine(dir, "w.json"));
            var only = Assert.Single(samples);
            Assert.Equal("gzip-9/native", only.Name);
            Assert.Equal([0.5, 0.6], only.Values);

            File.WriteAllText(Path.Combine(dir, "bdn.json"), """
                {"Title":"x","Benchmarks":[
                  {"FullName":"Fast.Perf.Micro.InterpreterBenchmarks.Integer","Statistics":{"OriginalValues":[1.5,1.6,1.4]}},
                  {"FullName":"Fast.Perf.Micro.TlbBenchmarks.Hit","Statistics":null,"Measurements":[
                    {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":40},
                    {"IterationMode":"Workload","IterationStage":"Warmup","Operations":4,"Nanoseconds":400},
                    {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":48}]}]}
                """);
            var bdn = BenchmarkSamples.Load(Path.Combine(dir, "bdn.json"));
            Assert.Equal([1.5, 1.6, 1.4], bdn[0].Values);
            Assert.Equal([10.0, 12.0], bdn[1].Values);
            Assert.Equal("ns", bdn[1].Unit);
        }
        finally { Directory.Delete(dir, true); }
    }
}
