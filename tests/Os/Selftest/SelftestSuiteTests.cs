// Runs the guest test programs of os/user/tests under Fast (the `fast selftest` suite) and
// asserts each passes. Programs that cannot pass yet are listed, with the reason, in
// cli/Selftest/KnownFailures.cs; their failure is accepted, and their passing fails this test
// so that the list is kept honest.
using Fast.Cli.Commands;
using Fast.Cli.Selftest;
using Xunit.Abstractions;

namespace Fast.Tests.Os.Selftest;

public class SelftestSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryGuestTestProgramPasses()
    {
        var suite = new SelftestSuite(new UserPrograms());
        var log = new StringWriter();
        // Two at a time, each bounded: the whole suite takes about 10 s on these machines.
        var options = new SelftestOptions { Jobs = 2, Timeout = TimeSpan.FromSeconds(120) };
        var results = suite.Run(options, log);
        output.WriteLine(log.ToString());

        Assert.NotEmpty(results);
        var unexpected = results.Where(r => !r.Passed && r.KnownReason is null).Select(r => r.Name).ToList();
        var stale = results.Where(r => r.Passed && r.KnownReason is not null).Select(r => r.Name).ToList();
        Assert.True(unexpected.Count == 0, $"failed: {string.Join(", ", unexpected)}\n{log}");
        Assert.True(stale.Count == 0, $"listed in KnownFailures but passing now (remove them): {string.Join(", ", stale)}");
        Assert.Equal($"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed",
            log.ToString().TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void KnownFailuresNameExistingPrograms()
    {
        var names = new UserPrograms().Tests().Select(p => p.Name).ToHashSet();
        foreach (var (name, reason) in KnownFailures.Reasons)
        {
            Assert.Contains(name, names);
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    [Fact]
    public void BuildsAreCachedByContent()
    {
        var programs = new UserPrograms();
        var program = programs.Tests().First(p => p.Name == "raw_syscalls");
        string first = programs.Build(program);
        Assert.True(File.Exists(first));
        Assert.Equal(first, programs.Build(program));
        Assert.StartsWith(Path.Combine(programs.CacheDir, "aarch64", "raw_syscalls-"), first);
    }

    [Fact]
    public void FailingProgramIsReportedWithItsFailedChecks()
    {
        // A freestanding program that prints a failed check and exits 1, built in a scratch os/user tree.
        string root = Directory.CreateTempSubdirectory("fast-selftest-").FullName;
        try
        {
            var real = new UserPrograms();
            Directory.CreateDirectory(Path.Combine(root, "tests"));
            Directory.CreateDirectory(Path.Combine(root, "include"));
            foreach (var h in Directory.GetFiles(real.IncludeDir)) File.Copy(h, Path.Combine(root, "include", Path.GetFileName(h)));
            File.WriteAllText(Path.Combine(root, "tests", "always_fails.c"),
                "// fast-build: -nostdlib -ffreestanding -fno-builtin -fno-stack-protector\n#include \"raw.h\"\n" +
                "int main(int argc, char **argv, char **envp) { RCHECK(0, \"deliberately\"); return 1; }\n");
            var suite = new SelftestSuite(new UserPrograms(root, real.CacheDir));
            var log = new StringWriter();
            var results = suite.Run(new SelftestOptions { Timeout = TimeSpan.FromSeconds(120) }, log);
            var r = Assert.Single(results);
            Assert.False(r.Passed);
            Assert.Equal(1, r.Run.ExitCode);
            string text = log.ToString();
            Assert.Contains("FAIL  always_fails", text);
            Assert.Contains("FAIL - deliberately", text);
            Assert.EndsWith("0 passed, 1 failed", text.TrimEnd());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void BenchOutputParses()
    {
        var values = KernelBench.Parse("getppid              89.5 ns/op  (100 ops)\nminor_fault        2001.0 ns/op  (5 ops)\n");
        Assert.Equal(89.5, values["getppid"]);
        Assert.Equal(2001.0, values["minor_fault"]);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--tier", "fast")]
    [InlineData("-j", "0")]
    public void UsageErrorsExitWith2(params string[] args) =>
        Assert.Equal(2, SelftestCommand.Main(args, new StringWriter()));
}
