// GuestProcessRunner: runs one program under `fast run` in a child process, so that the guest's
// stdout and stderr can be captured and a crash or hang of one program cannot stop the others.
using System.Diagnostics;
using System.Text;

namespace Fast.Cli.Selftest;

public sealed record RunResult(int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut);

public static class GuestProcessRunner
{
    /// <summary>The command that starts this CLI: $FAST_BIN if set, the `fast` apphost beside this assembly, else `dotnet fast.dll`.</summary>
    public static (string File, List<string> Prefix) FastCommand()
    {
        if (System.Environment.GetEnvironmentVariable("FAST_BIN") is { Length: > 0 } overridden) return (overridden, new List<string>());
        string dll = typeof(GuestProcessRunner).Assembly.Location;
        string dir = Path.GetDirectoryName(dll)!;
        string apphost = Path.Combine(dir, OperatingSystem.IsWindows() ? "fast.exe" : "fast");
        if (File.Exists(apphost)) return (apphost, new List<string>());
        return ("dotnet", new List<string> { dll });
    }

    /// <summary>Runs `fast run RUNOPTIONS PROGRAM ARGS`, capturing stdout and stderr interleaved.</summary>
    public static RunResult RunUnderFast(IReadOnlyList<string> runOptions, string program, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var (file, prefix) = FastCommand();
        var all = new List<string>(prefix) { "run" };
        all.AddRange(runOptions);
        all.Add(program);
        all.AddRange(args);
        return Run(file, all, timeout);
    }

    /// <summary>Runs a command with a timeout (the whole process tree is killed on expiry).</summary>
    public static RunResult Run(string file, IReadOnlyList<string> args, TimeSpan timeout, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        p.Start();
        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        bool timedOut = !p.WaitForExit(timeout);
        if (timedOut)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit(5000);
        }
        else p.WaitForExit(); // drains the output readers
        clock.Stop();
        string text;
        lock (output) text = output.ToString();
        return new RunResult(timedOut ? -1 : p.ExitCode, text, clock.Elapsed, timedOut);
    }
}
