// `fast run` in a child process of the CLI (what it reads is its process's own: the environment, the
// working directory), against what qemu-aarch64 does:
// - the guest gets the host's bytes: the program's arguments, the environment and the working
//   directory, non-ASCII ones included. Before HostEnvironment these went through .NET strings and
//   came out Latin-1: "é" (C3 A9) reached the guest as the byte E9;
// - a relative program path is looked up from the working directory, and /proc/self/exe is absolute
//   (both failed before: init's directory was set only after its exec);
// - a trace session the environment sets up at start sees the guest's first events, and one that
//   attaches later sees the run's, though the `Fast` EventSource is otherwise made late (once a run
//   has lasted 100 ms, off the main thread).
using System.Diagnostics;
using Fast.Cli.Selftest;
using Fast.Tests.Os.Linux;

namespace Fast.Tests.Cli;

public sealed class RunCommandTests(DebianSysrootFixture debian) : IClassFixture<DebianSysrootFixture>
{
    string Busybox => Path.Combine(debian.Sysroot.Arm64, "bin", "busybox");

    [Fact]
    public void ArgumentsEnvironmentAndWorkingDirectoryReachTheGuestAsTheHostsBytes()
    {
        string cwd = Directory.CreateTempSubdirectory("fast-dé-").FullName;
        try
        {
            var (status, stdout, stderr) = RunFast(cwd, new() { ["FAST_BYTES"] = "wörld €" },
                ["-L", debian.Sysroot.Arm64, "-E", "FAST_BYTES_E=ñ", Busybox, "sh", "-c",
                 "for v in \"$1\" \"$FAST_BYTES\" \"$FAST_BYTES_E\" \"$(pwd)\"; do printf %s \"$v\" | od -An -tx1 | tr -d ' \\n'; echo; done", "sh", "héllo"]);
            Assert.True(status == 0, stderr);
            Assert.Equal(["68c3a96c6c6f", "77c3b6726c6420e282ac", "c3b1", Hex(cwd)], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(cwd);
        }
    }

    [Fact]
    public void ARelativeProgramIsFoundFromTheWorkingDirectoryAndItsExeIsAbsolute()
    {
        string cwd = Directory.CreateTempSubdirectory("fast-relative-").FullName;
        try
        {
            File.Copy(Busybox, Path.Combine(cwd, "readlink"));   // (busybox runs the applet its name says)
            var (status, stdout, stderr) = RunFast(cwd, [], ["./readlink", "/proc/self/exe"]);
            Assert.True(status == 0, stderr);
            Assert.Equal(Path.Combine(cwd, "readlink") + "\n", stdout);
        }
        finally
        {
            Directory.Delete(cwd, recursive: true);
        }
    }

    [Fact]
    public void ASessionSetUpFromTheEnvironmentSeesTheFirstSyscalls()
    {
        string dir = Directory.CreateTempSubdirectory("fast-envtrace-").FullName;
        try
        {
            string trace = Path.Combine(dir, "run.nettrace");
            var (status, _, stderr) = RunFast(dir, new()
            {
                ["DOTNET_EnableEventPipe"] = "1",
                ["DOTNET_EventPipeOutputPath"] = trace,
                ["DOTNET_EventPipeConfig"] = "Fast:0x10:4",   // the Syscall keyword
            }, ["-L", debian.Sysroot.Arm64, Busybox, "true"]);
            Assert.True(status == 0, stderr);
            var report = Fast.Perf.Tracing.TraceReport.Analyze(trace);
            // busybox true makes 15 system calls, the first (brk) within a millisecond of its start.
            Assert.True(report.Counts.GetValueOrDefault("SyscallStop") >= 14, string.Join(", ", report.Counts));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ASessionThatAttachesToARunningGuestSeesItsSyscalls()
    {
        var (file, prefix) = GuestProcessRunner.FastCommand();
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in prefix) info.ArgumentList.Add(a);
        foreach (var a in new[] { "run", "-L", debian.Sysroot.Arm64, Busybox, "sh", "-c", "while true; do echo > /dev/null; done" }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        try
        {
            Thread.Sleep(1000);   // (past the 100 ms after which the run makes its EventSource)
            var client = new Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient(p.Id);
            using var session = client.StartEventPipeSession(
                [new Microsoft.Diagnostics.NETCore.Client.EventPipeProvider("Fast", System.Diagnostics.Tracing.EventLevel.Informational, 0x10)],
                requestRundown: false);
            long syscalls = 0;
            using var source = new Microsoft.Diagnostics.Tracing.EventPipeEventSource(session.EventStream);
            source.Dynamic.All += e => { if (e.ProviderName == "Fast") Interlocked.Increment(ref syscalls); };
            var reading = Task.Run(source.Process);
            for (int i = 0; i < 100 && Interlocked.Read(ref syscalls) == 0; i++) Thread.Sleep(50);
            session.Stop();
            reading.Wait(TimeSpan.FromSeconds(10));
            Assert.True(syscalls > 0, "no Fast events reached the attached session");
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    static (int Status, string Stdout, string Stderr) RunFast(string cwd, Dictionary<string, string> env, string[] runArguments)
    {
        var (file, prefix) = GuestProcessRunner.FastCommand();
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cwd };
        foreach (var a in prefix) info.ArgumentList.Add(a);
        info.ArgumentList.Add("run");
        foreach (var a in runArguments) info.ArgumentList.Add(a);
        foreach (var (name, value) in env) info.Environment[name] = value;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "the run did not end");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    static string Hex(string s) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(s));
}
