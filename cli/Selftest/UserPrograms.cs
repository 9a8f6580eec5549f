// UserPrograms: finds the guest programs of os/user and builds them with a C compiler, caching
// each binary under a name that hashes everything that went into it (compiler, flags, source,
// headers), so several worktrees and parallel runs share one cache safely.
//
// A source's first line may carry extra flags: `// fast-build: -nostdlib -ffreestanding`.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Fast.Cli.Selftest;

public sealed record UserProgram(string Name, string Source);

public sealed class UserPrograms
{
    public string Root { get; }
    public string TestsDir => Path.Combine(Root, "tests");
    public string BenchDir => Path.Combine(Root, "bench");
    public string IncludeDir => Path.Combine(Root, "include");
    /// <summary>Native-API programs (os/user/native), linked with the C library of os/user/lib.</summary>
    public string NativeDir => Path.Combine(Root, "native");
    public string LibDir => Path.Combine(Root, "lib");
    public string CacheDir { get; }

    public const string GuestCompiler = "aarch64-linux-gnu-gcc";
    public const string HostCompiler = "gcc";

    public UserPrograms(string? root = null, string? cacheDir = null)
    {
        Root = root ?? FindRoot() ?? throw new SelftestException(
            "cannot find os/user (the guest test sources); run from the repository or set FAST_USER_SRC");
        CacheDir = cacheDir ?? Path.Combine(
            System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
                : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache"),
            "fast", "user");
    }

    /// <summary>os/user, from FAST_USER_SRC, or found above the current directory or this assembly.</summary>
    public static string? FindRoot()
    {
        if (System.Environment.GetEnvironmentVariable("FAST_USER_SRC") is { Length: > 0 } env) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "os", "user");
                if (Directory.Exists(Path.Combine(candidate, "tests"))) return candidate;
            }
        }
        return null;
    }

    /// <summary>The test programs (os/user/tests/*.c), sorted by name.</summary>
    public IReadOnlyList<UserProgram> Tests() =>
        Directory.GetFiles(TestsDir, "*.c")
            .Concat(Directory.Exists(NativeDir) ? Directory.GetFiles(NativeDir, "*.c") : [])
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(f => new UserProgram(Path.GetFileNameWithoutExtension(f), f)).ToList();

    /// <summary>Programs of os/user/native, and any other one that includes the native API's header, link with os/user/lib.</summary>
    bool IsNative(UserProgram p) => Path.GetFullPath(Path.GetDirectoryName(p.Source)!) == Path.GetFullPath(NativeDir)
        || File.ReadAllText(p.Source).Contains("#include <aos/aos.h>", StringComparison.Ordinal);

    public UserProgram Bench(string name = "kbench") => new(name, Path.Combine(BenchDir, name + ".c"));

    /// <summary>Builds a program for the guest (static AArch64) or the host; returns the binary's path.</summary>
    public string Build(UserProgram program, bool host = false)
    {
        string compiler = host ? HostCompiler : GuestCompiler;
        var flags = new List<string> { "-O2", "-g0", "-Wall", "-Wno-unused-result", "-I", IncludeDir };
        if (!host) flags.Add("-static");
        string source = File.ReadAllText(program.Source);
        var extra = ExtraFlags(source);
        flags.AddRange(extra);
        bool freestanding = extra.Contains("-nostdlib");
        if (!freestanding) flags.Add("-pthread");
        if (host && freestanding) throw new SelftestException($"{program.Name} is freestanding AArch64 code; it has no host build");

        var libSources = IsNative(program) ? Directory.GetFiles(LibDir, "*.c").Order(StringComparer.Ordinal).ToList() : new List<string>();
        var hash = new StringBuilder().Append(compiler).Append('\0').AppendJoin(' ', flags.Where(f => f != IncludeDir)).Append('\0').Append(source);
        foreach (var header in Directory.GetFiles(IncludeDir, "*.h", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            hash.Append('\0').Append(Path.GetRelativePath(IncludeDir, header)).Append('\0').Append(File.ReadAllText(header));
        foreach (var lib in libSources) hash.Append('\0').Append(Path.GetFileName(lib)).Append('\0').Append(File.ReadAllText(lib));
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..16].ToLowerInvariant();
        string dir = Path.Combine(CacheDir, host ? "host" : "aarch64");
        string output = Path.Combine(dir, $"{program.Name}-{key}");
        if (File.Exists(output)) return output;

        Directory.CreateDirectory(dir);
        string temp = $"{output}.{System.Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var psi = new ProcessStartInfo(compiler) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var f in flags) psi.ArgumentList.Add(f);
        psi.ArgumentList.Add("-o");
        psi.ArgumentList.Add(temp);
        psi.ArgumentList.Add(program.Source);
        foreach (var lib in libSources) psi.ArgumentList.Add(lib);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SelftestException($"cannot run {compiler}: {e.Message} (install gcc-aarch64-linux-gnu)");
        }
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            File.Delete(temp);
            throw new SelftestException($"{compiler} failed on {program.Source}:\n{stdout.Result}{stderr.Result}");
        }
        File.Move(temp, output, overwrite: true);
        return output;
    }

    static List<string> ExtraFlags(string source)
    {
        const string marker = "// fast-build:";
        int end = source.IndexOf('\n');
        string first = end < 0 ? source : source[..end];
        return first.StartsWith(marker, StringComparison.Ordinal)
            ? first[marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : new List<string>();
    }
}

public sealed class SelftestException(string message) : Exception(message);
