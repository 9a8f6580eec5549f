// KernelBench: `fast selftest --bench` runs os/user/bench/kbench.c natively (built with the host's
// gcc), under qemu-aarch64 and under Fast, and prints the three columns side by side with the
// targets of the OS issue; then os/user/bench/ipcbench.c (the native IPC API, Fast only) with the
// targets of the multikernel issue.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Fast.Cli.Selftest;

public static partial class KernelBench
{
    static readonly (string Name, string Label, double TargetNs)[] Rows =
    [
        ("getppid", "trivial syscall (getppid)", 100),
        ("minor_fault", "minor page fault", 2_000),
        ("pipe_rtt", "pipe round trip", 5_000),
        ("fork_exit_wait", "fork+exit+wait", 1_000_000),
    ];

    [GeneratedRegex(@"^(\w+)\s+([0-9.]+) ns/op", RegexOptions.Multiline)]
    private static partial Regex Line();

    public static Dictionary<string, double> Parse(string output) =>
        Line().Matches(output).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    public static int Run(UserPrograms programs, IReadOnlyList<string> runOptions, TimeSpan timeout, TextWriter output)
    {
        var source = programs.Bench();
        string guest = programs.Build(source);
        var columns = new List<(string Title, Dictionary<string, double>? Values, string? Error)>();

        string? host = null;
        try { host = programs.Build(source, host: true); }
        catch (SelftestException e) { columns.Add(("native", null, e.Message.Split('\n')[0])); }
        if (host is not null) columns.Add(Column("native", GuestProcessRunner.Run(host, [], timeout)));

        string? qemu = FindOnPath("qemu-aarch64") ?? FindOnPath("qemu-aarch64-static");
        if (qemu is not null) columns.Add(Column("qemu-aarch64", GuestProcessRunner.Run(qemu, [guest], timeout)));
        else columns.Add(("qemu-aarch64", null, "qemu-aarch64 not found"));

        columns.Add(Column("fast", GuestProcessRunner.RunUnderFast(runOptions, guest, [], timeout)));

        output.WriteLine($"{"ns per operation",-28}{string.Concat(columns.Select(c => $"{c.Title,14}"))}{"target",12}");
        foreach (var (name, label, target) in Rows)
        {
            output.Write($"{label,-28}");
            foreach (var c in columns)
                output.Write(c.Values is not null && c.Values.TryGetValue(name, out double v) ? $"{Format(v),14}" : $"{"-",14}");
            output.WriteLine($"{"≤ " + Format(target),12}");
        }
        foreach (var c in columns.Where(c => c.Error is not null)) output.WriteLine($"{c.Title}: {c.Error}");
        int ipc = RunIpc(programs, runOptions, timeout, output);
        return columns.Any(c => c.Title == "fast" && c.Error is not null) || ipc != 0 ? 1 : 0;
    }

    static readonly (string Name, string Label, double TargetNs)[] IpcRows =
    [
        ("lmp_call_rtt", "LMP round trip, call", 500),
        ("lmp_rtt", "LMP round trip, send+recv", 500),
        ("ump_call_rtt", "UMP round trip, call", 2_000),
        ("ump_rtt", "UMP round trip, send+recv", 2_000),
        ("ns_rpc_lmp", "nameserver RPC, 1 core", double.NaN),
        ("ns_rpc_ump", "nameserver RPC, 2 cores", double.NaN),
    ];

    [GeneratedRegex(@"^(\w+)\s+([0-9.]+) MB/s", RegexOptions.Multiline)]
    private static partial Regex Rate();

    /// <summary>The IPC table: guest-measured round trips (ns) and large-message RPC rates (MB/s, target ≥ 1 GB/s).</summary>
    static int RunIpc(UserPrograms programs, IReadOnlyList<string> runOptions, TimeSpan timeout, TextWriter output)
    {
        var options = runOptions.Contains("--cores") ? runOptions : [.. runOptions, "--cores", "2"];
        var r = GuestProcessRunner.RunUnderFast(options, programs.Build(programs.Bench("ipcbench")), [], timeout);
        var values = Parse(r.Output);
        output.WriteLine();
        output.WriteLine($"{"IPC, from a guest program",-28}{"fast",14}{"target",12}");
        foreach (var (name, label, target) in IpcRows)
            output.WriteLine($"{label,-28}{(values.TryGetValue(name, out double v) ? Format(v) : "-"),14}{(double.IsNaN(target) ? "" : "≤ " + Format(target)),12}");
        foreach (Match m in Rate().Matches(r.Output))
            output.WriteLine($"{"large RPC " + m.Groups[1].Value[4..],-28}{m.Groups[2].Value + " MB/s",14}{"≥ 1000 MB/s",12}");
        if (r.TimedOut || r.ExitCode != 0)
        {
            output.WriteLine($"ipcbench: {(r.TimedOut ? "timed out" : $"exit {r.ExitCode}")}: {r.Output.Trim().Split('\n').LastOrDefault()}");
            return 1;
        }
        return 0;
    }

    static (string, Dictionary<string, double>?, string?) Column(string title, RunResult r)
    {
        var values = Parse(r.Output);
        string? error = r.TimedOut ? "timed out" : r.ExitCode != 0 ? $"exit {r.ExitCode}: {r.Output.Trim().Split('\n').LastOrDefault()}" : null;
        return (title, values, error);
    }

    static string Format(double ns) => ns switch
    {
        >= 1_000_000 => $"{ns / 1e6:F2} ms",
        >= 10_000 => $"{ns / 1e3:F1} µs",
        >= 1_000 => $"{ns / 1e3:F2} µs",
        _ => $"{ns:F0} ns",
    };

    static string? FindOnPath(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
