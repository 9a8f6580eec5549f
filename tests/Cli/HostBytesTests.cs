// `fast run` hands the guest the host's bytes, as qemu-aarch64 does: the program's arguments, the
// environment and the working directory, non-ASCII ones included. Before HostEnvironment, these
// went through .NET strings and came out Latin-1: "é" (C3 A9) reached the guest as the byte E9.
// The run is a child process (the environment Fast reads is its process's own) of the CLI.
using System.Diagnostics;
using Fast.Cli.Selftest;
using Fast.Tests.Os.Linux;

namespace Fast.Tests.Cli;

public sealed class HostBytesTests(DebianSysrootFixture debian) : IClassFixture<DebianSysrootFixture>
{
    [Fact]
    public void ArgumentsEnvironmentAndWorkingDirectoryReachTheGuestAsTheHostsBytes()
    {
        string sysroot = debian.Sysroot.Arm64;
        string cwd = Directory.CreateTempSubdirectory("fast-dé-").FullName;
        try
        {
            var (file, prefix) = GuestProcessRunner.FastCommand();
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cwd };
            foreach (var a in prefix) info.ArgumentList.Add(a);
            foreach (var a in new[] { "run", "-L", sysroot, "-E", "FAST_BYTES_E=ñ", Path.Combine(sysroot, "bin", "busybox"), "sh", "-c",
                "for v in \"$1\" \"$FAST_BYTES\" \"$FAST_BYTES_E\" \"$(pwd)\"; do printf %s \"$v\" | od -An -tx1 | tr -d ' \\n'; echo; done", "sh", "héllo" })
                info.ArgumentList.Add(a);
            info.Environment["FAST_BYTES"] = "wörld €";
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(120_000), "the run did not end");
            Assert.True(p.ExitCode == 0, stderr.Result);
            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["68c3a96c6c6f", "77c3b6726c6420e282ac", "c3b1", Hex(cwd)], lines);
        }
        finally
        {
            Directory.Delete(cwd);
        }
    }

    static string Hex(string s) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(s));
}
