// KernelBench: `fast selftest --bench` runs os/user/bench/kbench.c natively (built with the host's
// gcc), under qemu-aarch64 and under Fast, and prints the three columns side by side with the
// targets of the OS issue.
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
        return columns.Any(c => c.Title == "fast" && c.Error is not null) ? 1 : 0;
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
