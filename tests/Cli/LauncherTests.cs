// cli/Launcher/fast-launcher.c: built here with the host's C compiler into a directory of its own,
// with the configuration `fast launcher-config` writes (its app directory is this test's output,
// where fast.dll and the apphost are). It must run a guest program with the guest's output and
// exit status, and fall back to the apphost whenever its configuration is missing, malformed or
// names a runtime that is not installed.
using System.Diagnostics;
using Fast.Tests.Os.Linux;

namespace Fast.Tests.Cli;

public sealed class LauncherFixture : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fast-launcher").FullName;
    public string Launcher => Path.Combine(Directory, "fast-launch");
    public string Config => Path.Combine(Directory, "fast.launch");
    public string GoodConfig { get; }

    public LauncherFixture()
    {
        string source = Path.Combine(RepositoryRoot(), "cli", "Launcher", "fast-launcher.c");
        var build = LauncherTests.Run("cc", ["-O2", "-Wall", "-Werror", "-o", Launcher, source, "-ldl"]);
        if (build.Status != 0) throw new InvalidOperationException($"cc failed: {build.Stderr}");
        var config = LauncherTests.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "fast.dll"), "launcher-config", "--output", Config]);
        if (config.Status != 0) throw new InvalidOperationException($"launcher-config failed: {config.Stderr}");
        GoodConfig = File.ReadAllText(Config);
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fast.sln"))) return dir.FullName;
        throw new InvalidOperationException("Fast.sln not found above the test's directory");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(nameof(LauncherTests), DisableParallelization = true)]
public sealed class LauncherCollection : ICollectionFixture<LauncherFixture>, ICollectionFixture<DebianSysrootFixture>;

[Collection(nameof(LauncherTests))]
public sealed class LauncherTests(LauncherFixture launcher, DebianSysrootFixture debian)
{
    string Sysroot => debian.Sysroot.Arm64;

    [Fact]
    public void TheConfigurationCarriesTheHostsProperties()
    {
        var lines = launcher.GoodConfig.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("fast-launcher 1", lines[0]);
        Assert.True(File.Exists(Path.Combine(lines[1], "libcoreclr.so")), lines[1]);
        Assert.Equal(AppContext.BaseDirectory.TrimEnd('/'), lines[2]);
        var properties = lines.Skip(3).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        var trusted = properties["TRUSTED_PLATFORM_ASSEMBLIES"].Split(':');
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "fast.dll"), trusted);
        Assert.Contains(Path.Combine(lines[1], "System.Private.CoreLib.dll"), trusted);
        Assert.Equal("false", properties["System.GC.Concurrent"]);   // a configProperties entry of fast.runtimeconfig.json
    }

    [Fact]
    public void ItRunsAGuestProgramWithTheGuestsOutputAndStatus()
    {
        File.WriteAllText(launcher.Config, launcher.GoodConfig);
        var result = Run(launcher.Launcher, ["run", "-L", Sysroot, Path.Combine(Sysroot, "bin", "busybox"), "sh", "-c", "echo launched $0; exit 7"],
            verbose: true);
        Assert.Equal("launched sh\n", result.Stdout);
        Assert.Equal(7, result.Status);
        Assert.DoesNotContain("fast-launcher", result.Stderr);   // (it did not fall back)
    }

    [Theory]
    [InlineData("a runtime that is not installed", "the runtime fast.launch names is not installed")]
    [InlineData("a property line without '='", "a malformed fast.launch")]
    public void ItFallsBackToTheApphost(string change, string message)
    {
        var lines = launcher.GoodConfig.Split('\n').ToList();
        switch (change)
        {
            case "a runtime that is not installed": lines[1] = "/nonexistent/Microsoft.NETCore.App/0.0.0"; break;
            default: lines.Insert(3, "NOT_A_PROPERTY"); break;
        }
        File.WriteAllText(launcher.Config, string.Join('\n', lines));
        try
        {
            var result = Run(launcher.Launcher, ["run", "-L", Sysroot, Path.Combine(Sysroot, "bin", "busybox"), "sh", "-c", "echo fell back; exit 5"],
                verbose: true);
            Assert.Contains(message, result.Stderr);
            Assert.Contains(Path.Combine(AppContext.BaseDirectory, "fast"), result.Stderr);
            Assert.Equal("fell back\n", result.Stdout);
            Assert.Equal(5, result.Status);
        }
        finally
        {
            File.WriteAllText(launcher.Config, launcher.GoodConfig);
        }
    }

    // Without a configuration it knows no app directory, and looks for the apphost beside itself.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithoutAUsableConfigurationOrAnApphostItSaysWhyAndFails(bool anotherFormat)
    {
        if (anotherFormat) File.WriteAllText(launcher.Config, launcher.GoodConfig.Replace("fast-launcher 1", "fast-launcher 0"));
        else File.Delete(launcher.Config);
        try
        {
            var result = Run(launcher.Launcher, ["--version"]);
            Assert.Equal(127, result.Status);
            Assert.Contains("no usable fast.launch", result.Stderr);
            Assert.Contains("cannot be started", result.Stderr);
        }
        finally
        {
            File.WriteAllText(launcher.Config, launcher.GoodConfig);
        }
    }

    internal sealed record Output(int Status, string Stdout, string Stderr);

    internal static Output Run(string file, string[] args, bool verbose = false)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (verbose) info.Environment["FAST_LAUNCHER_VERBOSE"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"{file} timed out"); }
        return new Output(p.ExitCode, stdout.Result, stderr.Result);
    }
}
