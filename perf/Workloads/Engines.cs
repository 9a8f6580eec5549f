// Engines: the ways `fast bench workloads` runs one workload. An engine says whether it can run
// at all (and why not), and runs a workload once, returning the wall time, the exit status and a
// SHA-256 of standard output (what the runner checks against the native run).
//   native  the amd64 build of the same package version, LD_LIBRARY_PATH into the amd64 tree
//   qemu    qemu-aarch64 -L SYSROOT PROGRAM ARGS
//   fast    FAST run -L SYSROOT [EXTRA] PROGRAM ARGS (FAST defaults to this executable); reported
//           unavailable, with the reason, while that build has no `run` command
// Programs are host paths into the trees (as qemu-aarch64 -L takes them). Every engine runs with
// the work directory (the generated inputs) as its current directory and LC_ALL=C.
using System.Diagnostics;
using System.Security.Cryptography;

namespace Fast.Perf.Workloads;

public sealed record WorkloadEnvironment(string Arm64Root, string Amd64Root, string NativeLibraryPath, string WorkDir);

public sealed record RunOutcome(double Seconds, int ExitCode, string StdoutSha256, long StdoutBytes, string StderrTail, bool TimedOut = false);

public interface IEngine
{
    string Name { get; }
    /// <summary>Null when the engine can run workloads here, else why not.</summary>
    string? Unavailable(WorkloadEnvironment env);
    RunOutcome Run(Workload workload, WorkloadEnvironment env);
}

public abstract class ProcessEngine : IEngine
{
    public abstract string Name { get; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
    public abstract string? Unavailable(WorkloadEnvironment env);
    public abstract ProcessStartInfo Command(Workload workload, WorkloadEnvironment env);

    public RunOutcome Run(Workload workload, WorkloadEnvironment env)
    {
        var start = Command(workload, env);
        start.WorkingDirectory = env.WorkDir;
        start.Environment["LC_ALL"] = "C";
        return ProcessTiming.Run(start, Timeout);
    }

    protected static ProcessStartInfo Start(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>The full path of an executable found on PATH, or null.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}

public sealed class NativeEngine : ProcessEngine
{
    public override string Name => "native";
    public override string? Unavailable(WorkloadEnvironment env) =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? null : "the native runs use the amd64 packages; this host is not x86-64";

    public override ProcessStartInfo Command(Workload w, WorkloadEnvironment env)
    {
        var start = Start(Path.Combine(env.Amd64Root, w.Program), w.Args);
        start.Environment["LD_LIBRARY_PATH"] = env.NativeLibraryPath;
        return start;
    }
}

public sealed class QemuEngine(string? qemu = null) : ProcessEngine
{
    readonly string? path = qemu ?? OnPath("qemu-aarch64");
    public override string Name => "qemu";
    public override string? Unavailable(WorkloadEnvironment env) => path is null ? "qemu-aarch64 is not on PATH (apt-get install qemu-user)" : null;
    public override ProcessStartInfo Command(Workload w, WorkloadEnvironment env) =>
        Start(path!, ["-L", env.Arm64Root, Path.Combine(env.Arm64Root, w.Program), .. w.Args]);
}

public sealed class FastEngine(string fast, IReadOnlyList<string> extraArgs) : ProcessEngine
{
    string? unavailable;
    bool probed;

    public override string Name => "fast";

    /// <summary>
    /// Probes `FAST run --help` once. A build without the run command prints the root command's
    /// help instead (System.CommandLine answers --help even after an unknown token), so the
    /// probe looks for the run command's own usage line.
    /// </summary>
    public override string? Unavailable(WorkloadEnvironment env)
    {
        if (probed) return unavailable;
        probed = true;
        if (!File.Exists(fast)) return unavailable = $"{fast} does not exist";
        var start = Start(fast, ["run", "--help"]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string help = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // The run command's usage line reads "  fast run [options] <program> ..."; the root's reads "  fast [command] [options]".
        if (process.ExitCode != 0 || !System.Text.RegularExpressions.Regex.IsMatch(help, @"^\s+\S+ run(\s|$)", System.Text.RegularExpressions.RegexOptions.Multiline))
            unavailable = $"`{Path.GetFileName(fast)} run` does not exist in this build yet (its --help shows no run command: exit {process.ExitCode}{(stderr.Result.Trim() is { Length: > 0 } e ? ", " + FirstLine(e) : "")})";
        return unavailable;
    }

    static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    public override ProcessStartInfo Command(Workload w, WorkloadEnvironment env) =>
        Start(fast, ["run", "-L", env.Arm64Root, .. extraArgs, Path.Combine(env.Arm64Root, w.Program), .. w.Args]);
}

/// <summary>Runs a process to completion: wall time, exit code, SHA-256 of stdout, the tail of stderr.</summary>
public static class ProcessTiming
{
    public static RunOutcome Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var hashing = Task.Run(() =>
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long total = 0;
            int n;
            var stream = process.StandardOutput.BaseStream;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) { sha.AppendData(buffer, 0, n); total += n; }
            return (Convert.ToHexStringLower(sha.GetHashAndReset()), total);
        });
        bool exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        var (hash, bytes) = hashing.Result;
        string err = stderr.Result;
        if (err.Length > 2000) err = err[^2000..];
        return new RunOutcome(seconds, exited ? process.ExitCode : -1, hash, bytes, err, TimedOut: !exited);
    }
}
