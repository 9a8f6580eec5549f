// WorkloadRunner: the core of `fast bench workloads` (DESIGN.md section 7). For each workload:
// one untimed reference run with the native engine (it warms the page cache and defines the
// expected output), then N rounds in which every available engine runs once, the order rotating
// each round (fast, qemu, native; qemu, native, fast; ...) so slow drifts of the machine hit every
// engine alike. Each run's exit status and SHA-256 of stdout must equal the reference's; the
// first mismatch marks that engine "wrong-output" for the workload and it is not timed further.
// An engine that is unavailable (with the reason) or fails to start is reported, never fatal.
// The result holds every run's time, the medians, Fast/qemu and Fast/native per workload, and
// their geometric means over the throughput workloads (not the start-up one) where both sides ran
// correctly.
namespace Fast.Perf.Workloads;

public sealed class WorkloadRunner(IReadOnlyList<IEngine> engines, IEngine reference, WorkloadEnvironment env, int runs, Action<string>? progress = null)
{
    public WorkloadResults Run(IEnumerable<Workload> workloads)
    {
        var results = new WorkloadResults { Started = DateTimeOffset.UtcNow, Runs = runs };
        var unavailable = engines.ToDictionary(e => e.Name, e => e.Unavailable(env));
        foreach (var (name, reason) in unavailable)
            if (reason is not null) progress?.Invoke($"{name}: unavailable: {reason}");
        foreach (var workload in workloads) results.Workloads.Add(RunOne(workload, unavailable));
        var throughput = results.Workloads.Where(w => !w.StartUp).ToList();
        results.GeomeanFastOverQemu = Geomean(throughput.Select(w => w.FastOverQemu));
        results.GeomeanFastOverNative = Geomean(throughput.Select(w => w.FastOverNative));
        return results;
    }

    WorkloadResult RunOne(Workload workload, Dictionary<string, string?> unavailable)
    {
        var result = new WorkloadResult { Name = workload.Name, Description = workload.Description, StartUp = workload.StartUp };
        foreach (var e in engines)
            result.Engines[e.Name] = unavailable[e.Name] is { } why
                ? new EngineResult { Status = EngineResult.Unavailable, Reason = why } : new EngineResult();

        RunOutcome expected;
        try { expected = reference.Run(workload, env); }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            expected = new RunOutcome(0, -1, "", 0, ex.Message);
        }
        if (expected.ExitCode != 0)
        {
            foreach (var r in result.Engines.Values.Where(r => r.Status == EngineResult.Ok))
                (r.Status, r.Reason) = (EngineResult.Failed, $"the native reference run failed (exit {expected.ExitCode}): {Tail(expected.StderrTail)}");
            progress?.Invoke($"{workload.Name}: reference run failed (exit {expected.ExitCode}) {Tail(expected.StderrTail)}");
            return result;
        }

        for (int round = 0; round < runs; round++)
            for (int k = 0; k < engines.Count; k++)
            {
                var engine = engines[(round + k) % engines.Count];
                var r = result.Engines[engine.Name];
                if (r.Status != EngineResult.Ok) continue;
                RunOutcome outcome;
                try { outcome = engine.Run(workload, env); }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
                {
                    (r.Status, r.Reason) = (EngineResult.Failed, ex.Message);
                    continue;
                }
                string? problem = Check(outcome, expected);
                progress?.Invoke($"{workload.Name} {engine.Name} run {round + 1}/{runs}: {outcome.Seconds:F3} s{(problem is null ? "" : " " + problem)}");
                if (problem is null) r.Seconds.Add(Math.Round(outcome.Seconds, 6));
                else (r.Status, r.Reason) = (outcome.TimedOut ? EngineResult.Failed : EngineResult.WrongOutput, problem);
            }

        foreach (var r in result.Engines.Values)
            if (r.Status == EngineResult.Ok && r.Seconds.Count > 0) r.MedianSeconds = Math.Round(Median(r.Seconds), 6);
        result.FastOverQemu = Ratio(result, "fast", "qemu");
        result.FastOverNative = Ratio(result, "fast", "native");
        return result;
    }

    /// <summary>Null when the run matches the reference; otherwise what differs.</summary>
    public static string? Check(RunOutcome run, RunOutcome expected)
    {
        if (run.TimedOut) return "timed out";
        if (run.ExitCode != expected.ExitCode) return $"exit status {run.ExitCode}, expected {expected.ExitCode}: {Tail(run.StderrTail)}";
        if (run.StdoutSha256 != expected.StdoutSha256)
            return $"output differs from native ({run.StdoutBytes} bytes, sha256 {run.StdoutSha256[..Math.Min(12, run.StdoutSha256.Length)]}; " +
                   $"expected {expected.StdoutBytes} bytes, sha256 {expected.StdoutSha256[..Math.Min(12, expected.StdoutSha256.Length)]})";
        return null;
    }

    static string Tail(string stderr) => stderr.Trim().Split('\n').LastOrDefault()?.Trim() ?? "";

    static double? Ratio(WorkloadResult w, string numerator, string denominator) =>
        w.Engines.TryGetValue(numerator, out var n) && w.Engines.TryGetValue(denominator, out var d)
        && n.MedianSeconds is double a && d.MedianSeconds is double b && b > 0 ? Math.Round(a / b, 4) : null;

    public static double Median(IReadOnlyList<double> values) => Compare.BenchComparison.Median(values);

    public static double? Geomean(IEnumerable<double?> ratios)
    {
        var present = ratios.OfType<double>().Where(r => r > 0).ToList();
        return present.Count == 0 ? null : Math.Round(Math.Exp(present.Average(Math.Log)), 4);
    }
}
