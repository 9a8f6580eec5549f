// Workload: one real program run of `fast bench workloads` — which Debian program (a path inside
// the unpacked packages, the same for arm64 and amd64), its arguments (relative to the work
// directory, which holds the generated inputs), and the packages it needs. Standard lists them;
// Prepare writes the inputs once per work directory.
using System.Diagnostics;

namespace Fast.Perf.Workloads;

/// <summary>StartUp: the run is too short for its time to be the engine's speed (it is start-up and
/// exit); it is reported, but kept out of the geometric means of the throughput workloads.</summary>
public sealed record Workload(string Name, string Description, string Program, string[] Args, string[] Packages, bool StartUp = false);

public static class StandardWorkloads
{
    public const string Text = "input.txt", Compressed = "input.txt.xz", Script = "cpu.lua";

    const string AwkProgram =
        "{ for (i = 1; i <= NF; i++) { c[$i]++; t += length($i) } } END { n = 0; for (w in c) n++; print NR, n, t, c[\"the\"], c[\"kernel\"] }";

    /// <summary>Packages of the guest sysroot besides the programs': the C library and what lua5.4 links.</summary>
    public static readonly string[] BasePackages = ["libc6", "libgcc-s1"];

    public static readonly IReadOnlyList<Workload> All =
    [
        new("xz-6", "xz -6 compresses the 8 MB text", "usr/bin/xz", ["-6", "-T1", "-c", Text], ["xz-utils", "liblzma5"]),
        new("xz-d", "xz -d decompresses it", "usr/bin/xz", ["-d", "-T1", "-c", Compressed], ["xz-utils", "liblzma5"]),
        new("gzip-9", "gzip -9 compresses the 8 MB text", "bin/gzip", ["-9", "-n", "-c", Text], ["gzip"]),
        new("busybox-sha256sum", "busybox sha256sum of the 8 MB text, four times (32 MB)", "bin/busybox",
            ["sha256sum", Text, Text, Text, Text], ["busybox-static"]),
        new("busybox-awk", "busybox awk word statistics over the 8 MB text", "bin/busybox", ["awk", AwkProgram, Text], ["busybox-static"]),
        new("lua5.4", "lua5.4 on a CPU-bound script (sieve, fib, strings, sort)", "usr/bin/lua5.4", [Script], ["lua5.4", "libreadline8", "libtinfo6"]),
        // Start-up and exit: ~30 000 guest instructions, so the time is the engine's own (for Fast, the
        // .NET runtime's start, the OS's boot and the first calls of the interpreter's paths).
        new("busybox-true", "busybox true: start-up and exit", "bin/busybox", ["true"], ["busybox-static"], StartUp: true),
    ];

    public static IEnumerable<string> Packages(IEnumerable<Workload> workloads) =>
        BasePackages.Concat(workloads.SelectMany(w => w.Packages)).Distinct();

    /// <summary>Writes the text, the script, and (with the given native xz) the compressed text, unless present.</summary>
    public static void Prepare(string workDir, Func<string[], ProcessStartInfo>? nativeXz)
    {
        Directory.CreateDirectory(workDir);
        string text = Path.Combine(workDir, Text);
        if (!File.Exists(text) || new FileInfo(text).Length != InputGenerator.TextBytes) InputGenerator.WriteText(text);
        File.WriteAllText(Path.Combine(workDir, Script), InputGenerator.LuaScript);
        string xz = Path.Combine(workDir, Compressed);
        if (nativeXz is null || (File.Exists(xz) && File.GetLastWriteTimeUtc(xz) >= File.GetLastWriteTimeUtc(text))) return;
        var start = nativeXz(["-6", "-T1", "-c", Text]);
        start.WorkingDirectory = workDir;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        using (var output = File.Create(xz + ".tmp")) process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"native xz failed ({process.ExitCode}) preparing {Compressed}");
        File.Move(xz + ".tmp", xz, overwrite: true);
    }
}
