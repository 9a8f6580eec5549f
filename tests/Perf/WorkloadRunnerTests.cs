using Fast.Perf.Compare;
using Fast.Perf.Workloads;

namespace Fast.Tests.Perf;

public class WorkloadRunnerTests
{
    /// <summary>An engine that "runs" instantly with scripted times and outputs, and logs its calls.</summary>
    sealed class FakeEngine(string name, Func<Workload, int, RunOutcome> run, string? unavailable = null) : IEngine
    {
        public readonly List<string> Calls = new();
        int count;
        public string Name => name;
        public string? Unavailable(WorkloadEnvironment env) => unavailable;
        public RunOutcome Run(Workload workload, WorkloadEnvironment env)
        {
            lock (Calls) Calls.Add($"{workload.Name}/{name}");
            return run(workload, count++);
        }
    }

    static readonly WorkloadEnvironment Env = new("/nonexistent/arm64", "/nonexistent/amd64", "", "/tmp");
    static readonly Workload A = new("a", "", "usr/bin/a", [], []), B = new("b", "", "usr/bin/b", [], []);
    static RunOutcome Ok(double seconds, string hash = "good") => new(seconds, 0, hash, 10, "");

    [Fact]
    public void RunsAlternatelyChecksOutputsAndComputesRatios()
    {
        var log = new List<string>();
        var native = new FakeEngine("native", (w, i) => Ok(w == A ? 1.0 + i * 0.01 : 2.0));
        var qemu = new FakeEngine("qemu", (w, i) => Ok(w == A ? 4.0 : 8.0 + i));
        // Fast: right on a (5x native, 1.25x qemu), wrong on b at its second run.
        var fast = new FakeEngine("fast", (w, i) => w == A ? Ok(5.0) : i == 4 ? Ok(40, "bad") : Ok(40));
        var reference = new FakeEngine("reference", (w, _) => Ok(0));
        var results = new WorkloadRunner([fast, qemu, native], reference, Env, runs: 3, log.Add).Run([A, B]);

        // Rotation: round 0 fast,qemu,native; round 1 qemu,native,fast; round 2 native,fast,qemu.
        Assert.Equal(["a/fast", "a/fast", "a/fast", "b/fast", "b/fast"], fast.Calls);
        Assert.Equal("a/native", native.Calls[0]);
        Assert.Equal(["a", "b"], reference.Calls.Select(c => c.Split('/')[0]));

        var a = results.Workloads[0];
        Assert.Equal([5.0, 5.0, 5.0], a.Engines["fast"].Seconds);
        Assert.Equal(1.01, a.Engines["native"].MedianSeconds);
        Assert.Equal(1.25, a.FastOverQemu);
        Assert.Equal(Math.Round(5 / 1.01, 4), a.FastOverNative);

        var b = results.Workloads[1];
        Assert.Equal(EngineResult.WrongOutput, b.Engines["fast"].Status);
        Assert.Contains("output differs from native", b.Engines["fast"].Reason);
        Assert.Equal([40.0], b.Engines["fast"].Seconds);   // the good run before the bad one
        Assert.Null(b.Engines["fast"].MedianSeconds);
        Assert.Null(b.FastOverQemu);
        Assert.Equal(12.0, b.Engines["qemu"].MedianSeconds);   // its calls 3..5 (the count runs on from a): 11, 12, 13

        // Only a has both ratios: the geometric mean is its ratio.
        Assert.Equal(1.25, results.GeomeanFastOverQemu);
        Assert.Contains(log, l => l.StartsWith("b fast run 2/3", StringComparison.Ordinal) && l.Contains("output differs"));
    }

    /// <summary>A start-up workload (busybox true) is timed and shown, but its ratio stays out of the geometric means.</summary>
    [Fact]
    public void AStartUpWorkloadIsReportedButNotInTheMeans()
    {
        var startUp = new Workload("s", "", "bin/s", [], [], StartUp: true);
        var qemu = new FakeEngine("qemu", (w, _) => Ok(w == A ? 4.0 : 0.005));
        var fast = new FakeEngine("fast", (w, _) => Ok(w == A ? 2.0 : 0.015));
        var reference = new FakeEngine("reference", (_, _) => Ok(0));
        var results = new WorkloadRunner([fast, qemu], reference, Env, runs: 3).Run([A, startUp]);
        Assert.Equal(3.0, results.Workloads[1].FastOverQemu);
        Assert.True(results.Workloads[1].StartUp);
        Assert.Equal(0.5, results.GeomeanFastOverQemu);
        var text = new StringWriter();
        WorkloadTable.Write(results, text);
        Assert.Contains("0.0150", text.ToString());   // short times keep their milliseconds
        Assert.Contains("geometric mean (without start-up)", text.ToString());
    }

    [Fact]
    public void UnavailableEngineIsReportedNotRun()
    {
        var fast = new FakeEngine("fast", (_, _) => throw new InvalidOperationException("must not run"), unavailable: "`fast run` does not exist in this build yet");
        var native = new FakeEngine("native", (_, _) => Ok(1));
        var results = new WorkloadRunner([fast, native], native, Env, runs: 2).Run([A]);
        var r = results.Workloads[0].Engines["fast"];
        Assert.Equal(EngineResult.Unavailable, r.Status);
        Assert.Contains("does not exist", r.Reason);
        Assert.Empty(fast.Calls);
        Assert.Null(results.GeomeanFastOverNative);

        var text = new StringWriter();
        WorkloadTable.Write(results, text);
        Assert.Contains("unavailable", text.ToString());
        Assert.Contains("fast: unavailable: `fast run` does not exist", text.ToString());
        // The results round-trip through JSON into comparable samples (only engines that ran).
        string file = Path.Combine(Path.GetTempPath(), $"fast-wl-{Guid.NewGuid():N}.json");
        try
        {
            results.Save(file);
            Assert.Equal(["a/native"], BenchmarkSamples.Load(file).Select(s => s.Name));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ExitStatusAndTimeoutAreChecked()
    {
        var expected = Ok(1);
        Assert.Null(WorkloadRunner.Check(Ok(2), expected));
        Assert.Contains("exit status 139", WorkloadRunner.Check(new RunOutcome(1, 139, "good", 10, "Segmentation fault"), expected));
        Assert.Equal("timed out", WorkloadRunner.Check(new RunOutcome(600, -1, "", 0, "", TimedOut: true), expected));
        Assert.Equal(Math.Round(Math.Sqrt(2.0 * 8.0), 4), WorkloadRunner.Geomean([2.0, null, 8.0]));
    }

    [Fact]
    public void GeneratedInputIsDeterministic()
    {
        string dir = Directory.CreateTempSubdirectory("fast-input-").FullName;
        try
        {
            InputGenerator.WriteText(Path.Combine(dir, "1"), 100_000);
            InputGenerator.WriteText(Path.Combine(dir, "2"), 100_000);
            var one = File.ReadAllBytes(Path.Combine(dir, "1"));
            Assert.Equal(100_000, one.Length);
            Assert.Equal(one, File.ReadAllBytes(Path.Combine(dir, "2")));
            Assert.Equal((byte)'\n', one[^1]);
            Assert.All(one, b => Assert.True(b == '\n' || b >= 0x20 && b < 0x7F));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ProcessTimingHashesStdout()
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "printf abc; echo oops >&2; exit 3" } };
        var outcome = ProcessTiming.Run(start, TimeSpan.FromSeconds(30));
        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal(3, outcome.StdoutBytes);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", outcome.StdoutSha256); // sha256("abc")
        Assert.Contains("oops", outcome.StderrTail);
    }
}
