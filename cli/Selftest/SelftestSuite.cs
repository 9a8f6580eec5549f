// SelftestSuite: builds the guest test programs of os/user/tests and runs each under Fast (a
// child `fast run` per program, see GuestProcessRunner), one line per program and, last,
// "N passed, M failed". A program passes when it exits 0 and printed its "PASSED:" summary.
using System.Diagnostics;

namespace Fast.Cli.Selftest;

public sealed record ProgramResult(string Name, bool Passed, RunResult Run, string? KnownReason)
{
    /// <summary>The lines worth showing for a failure: failed checks and the kernel's messages.</summary>
    public IEnumerable<string> FailureLines()
    {
        var lines = Run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var interesting = lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal) || l.StartsWith("fast", StringComparison.Ordinal)).ToList();
        return interesting.Count > 0 ? interesting.Take(20) : lines.TakeLast(10);
    }
}

public sealed class SelftestOptions
{
    public List<string> RunOptions { get; } = new();
    public List<string> Filters { get; } = new();
    public int Jobs { get; set; } = 1;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);
    public bool Verbose { get; set; }
}

public sealed class SelftestSuite(UserPrograms programs)
{
    /// <summary>Extra arguments for particular programs (none need them by default).</summary>
    static readonly Dictionary<string, string[]> Arguments = new();

    public IReadOnlyList<UserProgram> Select(IReadOnlyList<string> filters) =>
        programs.Tests().Where(p => filters.Count == 0 || filters.Any(f => p.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();

    public List<ProgramResult> Run(SelftestOptions options, TextWriter output)
    {
        var selected = Select(options.Filters);
        if (selected.Count == 0) throw new SelftestException($"no test program matches {string.Join(", ", options.Filters)}");
        // Build first (sequentially: the compiler is the slow part only on the first run).
        var binaries = selected.ToDictionary(p => p.Name, p => programs.Build(p));
        var results = new ProgramResult?[selected.Count];
        int width = selected.Max(p => p.Name.Length);
        var gate = new object();
        Parallel.For(0, selected.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs) }, i =>
        {
            var p = selected[i];
            var run = GuestProcessRunner.RunUnderFast(WithDefaultCores(p.Name, options.RunOptions), binaries[p.Name], Arguments.GetValueOrDefault(p.Name, []), options.Timeout);
            bool passed = !run.TimedOut && run.ExitCode == 0 && run.Output.Contains("PASSED:", StringComparison.Ordinal);
            var result = new ProgramResult(p.Name, passed, run, KnownFailures.Reasons.GetValueOrDefault(p.Name));
            results[i] = result;
            lock (gate) Print(output, result, width, options.Verbose);
        });
        var list = results.Select(r => r!).ToList();
        int passedCount = list.Count(r => r.Passed);
        output.WriteLine($"{passedCount} passed, {list.Count - passedCount} failed");
        return list;
    }

    /// <summary>
    /// Selftest runs on 2 cores unless --cores is given (the multikernel programs need two); a program
    /// checking one core's round robin runs on 1 — on two cores its children need not share a core,
    /// and their shares would measure the host's scheduling of the vCPU threads, not Fast's.
    /// </summary>
    static IReadOnlyList<string> WithDefaultCores(string program, IReadOnlyList<string> runOptions) =>
        runOptions.Contains("--cores") ? runOptions : [.. runOptions, "--cores", SingleCorePrograms.Contains(program) ? "1" : "2"];

    static readonly HashSet<string> SingleCorePrograms = ["sched_fair"];

    static void Print(TextWriter w, ProgramResult r, int width, bool verbose)
    {
        string status = r.Passed ? "PASS" : "FAIL";
        string why = r.Passed ? "" : r.Run.TimedOut ? "  timed out" : $"  exit {r.Run.ExitCode}";
        string known = r.KnownReason is null ? "" : r.Passed ? "  (listed as a known failure, but passed)" : $"  (known: {r.KnownReason})";
        w.WriteLine($"{status}  {r.Name.PadRight(width)}  {r.Run.Elapsed.TotalSeconds,6:F2} s{why}{known}");
        if (verbose)
            foreach (var line in r.Run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)) w.WriteLine($"      {line}");
        else if (!r.Passed)
            foreach (var line in r.FailureLines()) w.WriteLine($"      {line}");
        w.Flush();
    }
}
