// DebianSysroot: fetches the Debian packages the workloads run and unpacks them into a cache
// (default ~/.cache/fast/sysroot, or $FAST_CACHE/sysroot): an arm64 sysroot for the guest (the
// programs, libc6 and the libraries they need; its loader is lib/ld-linux-aarch64.so.1) and an
// amd64 tree of the same package versions for the native runs (without libc6: native programs use
// the host's C library, which a foreign libc under LD_LIBRARY_PATH would break).
//
// Steps, each skipped when done: `dpkg --add-architecture arm64` and `apt-get update` (root;
// once), the newest version published for BOTH architectures (`apt-cache madison`; a binNMU
// suffix "+bN" may differ between architectures, the source version may not), `apt-get download
// PKG:ARCH=VERSION` into debs/, `dpkg -x` into the tree. sysroot/versions.json records what is
// unpacked; a package whose version changed is unpacked again into fresh trees.
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fast.Perf.Workloads;

public sealed partial class DebianSysroot(string cacheDir, Action<string>? log = null)
{
    public string Root { get; } = Path.Combine(cacheDir, "sysroot");
    public string Arm64 => Path.Combine(Root, "arm64");
    public string Amd64 => Path.Combine(Root, "amd64");
    public string Debs => Path.Combine(Root, "debs");
    string StampFile => Path.Combine(Root, "versions.json");
    public string GuestLoader => Path.Combine(Arm64, "lib", "ld-linux-aarch64.so.1");

    /// <summary>The amd64 library directories to put in LD_LIBRARY_PATH for native runs.</summary>
    public string NativeLibraryPath => string.Join(':',
        Path.Combine(Amd64, "lib/x86_64-linux-gnu"), Path.Combine(Amd64, "usr/lib/x86_64-linux-gnu"));

    public static string DefaultCache =>
        Environment.GetEnvironmentVariable("FAST_CACHE") is { Length: > 0 } c ? c
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "fast");

    /// <summary>Package → "arm64-version amd64-version" (amd64 "-" when not unpacked natively).</summary>
    public SortedDictionary<string, string> Versions { get; private set; } = new();

    static readonly HashSet<string> hostOnly = ["libc6", "libgcc-s1"];

    public void Ensure(IEnumerable<string> packages)
    {
        var wanted = packages.Distinct().Order(StringComparer.Ordinal).ToList();
        Versions = File.Exists(StampFile)
            ? JsonSerializer.Deserialize<SortedDictionary<string, string>>(File.ReadAllText(StampFile)) ?? new() : new();
        if (wanted.All(Versions.ContainsKey) && File.Exists(GuestLoader)) return;

        EnsureArchitecture();
        Directory.CreateDirectory(Debs);
        foreach (string package in wanted)
        {
            var (arm, amd) = CommonVersion(package);
            bool native = !hostOnly.Contains(package);
            string entry = $"{arm} {(native ? amd : "-")}";
            if (Versions.TryGetValue(package, out var had) && had == entry) continue;
            log?.Invoke($"sysroot: {package} {entry}");
            Unpack(Download(package, "arm64", arm), Arm64);
            if (native) Unpack(Download(package, "amd64", amd), Amd64);
            Versions[package] = entry;
            File.WriteAllText(StampFile, JsonSerializer.Serialize(Versions, new JsonSerializerOptions { WriteIndented = true }));
        }
        if (!File.Exists(GuestLoader)) throw new InvalidOperationException($"{GuestLoader} missing after unpacking libc6:arm64");
    }

    /// <summary>
    /// A directory of symlinks to the sysroot's busybox, one per applet (busybox-static must be in
    /// the sysroot): the PATH a guest shell searches. The applet list comes from running busybox
    /// --list under qemu-aarch64.
    /// </summary>
    public string BusyboxApplets()
    {
        string busybox = Path.Combine(Arm64, "bin", "busybox");
        string dir = Path.Combine(Root, "busybox-applets");
        if (File.Exists(Path.Combine(dir, "sh"))) return dir;
        var list = Run("qemu-aarch64", [busybox, "--list"], check: true).Output;
        Directory.CreateDirectory(dir);
        foreach (var applet in list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string link = Path.Combine(dir, applet);
            if (!File.Exists(link)) File.CreateSymbolicLink(link, busybox);
        }
        return dir;
    }

    void EnsureArchitecture()
    {
        string foreign = Run("dpkg", ["--print-foreign-architectures"]).Output;
        if (!foreign.Split('\n', StringSplitOptions.TrimEntries).Contains("arm64"))
        {
            log?.Invoke("sysroot: dpkg --add-architecture arm64");
            Run("dpkg", ["--add-architecture", "arm64"], check: true);
            AptUpdate();
        }
        else if (Madison("libc6", "arm64").Count == 0) AptUpdate();
    }

    void AptUpdate()
    {
        log?.Invoke("sysroot: apt-get update");
        Run("apt-get", ["update", "-qq"], check: true);
    }

    (string Arm64, string Amd64) CommonVersion(string package)
    {
        var arm = Madison(package, "arm64");
        var amd = Madison(package, "amd64");
        foreach (var v in arm) if (amd.Contains(v)) return (v, v);
        foreach (var v in arm)
            if (amd.FirstOrDefault(a => WithoutBinNmu(a) == WithoutBinNmu(v)) is { } match) return (v, match);
        throw new InvalidOperationException(
            $"no common version of {package} for arm64 ({string.Join(", ", arm)}) and amd64 ({string.Join(", ", amd)})");
    }

    static string WithoutBinNmu(string version) => BinNmu().Replace(version, "");

    [GeneratedRegex(@"\+b\d+$")]
    private static partial Regex BinNmu();

    /// <summary>Versions apt can fetch for package:arch, newest first.</summary>
    List<string> Madison(string package, string arch) =>
        Run("apt-cache", ["madison", $"{package}:{arch}"]).Output.Split('\n')
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(f => f.Length >= 3 && f[2].EndsWith($" {arch} Packages", StringComparison.Ordinal))
            .Select(f => f[1]).Distinct().ToList();

    string Download(string package, string arch, string version)
    {
        string file = Path.Combine(Debs, $"{package}_{version.Replace(":", "%3a")}_{arch}.deb");
        if (!File.Exists(file)) Run("apt-get", ["download", "-qq", $"{package}:{arch}={version}"], check: true, workingDirectory: Debs);
        if (!File.Exists(file)) throw new InvalidOperationException($"apt-get download {package}:{arch}={version} did not produce {file}");
        return file;
    }

    void Unpack(string deb, string tree)
    {
        Directory.CreateDirectory(tree);
        Run("dpkg", ["-x", deb, tree], check: true);
    }

    static (int Exit, string Output) Run(string file, string[] args, bool check = false, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result.Trim()}");
        return (process.ExitCode, output);
    }
}
