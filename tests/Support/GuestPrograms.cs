// GuestPrograms: builds guest C programs with aarch64-linux-gnu-gcc (static, cached by the hash
// of their source) and runs them to exit on a fresh machine with Fast's OS, capturing output.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Fast.Os.Kernel;
using Fast.Os.Vfs;
using Fast.Runtime;

namespace Fast.Tests.Support;

public static class GuestPrograms
{
    static readonly string cache = Path.Combine(Path.GetTempPath(), "fast-test-guests");

    /// <summary>The path of the static AArch64 executable built from source.</summary>
    public static string Build(string source, string extraFlags = "")
    {
        Directory.CreateDirectory(cache);
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source + extraFlags)))[..16];
        string exe = Path.Combine(cache, hash);
        if (File.Exists(exe)) return exe;
        string c = exe + ".c";
        File.WriteAllText(c, source);
        var info = new ProcessStartInfo("aarch64-linux-gnu-gcc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in $"-O1 -static {extraFlags} -o {exe}.tmp {c}".Split(' ', StringSplitOptions.RemoveEmptyEntries)) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        string errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"aarch64-linux-gnu-gcc failed: {errors}");
        File.Move(exe + ".tmp", exe, overwrite: true);
        return exe;
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr, string Log);

    /// <summary>
    /// Runs a program on Fast's kernel with the interpreter (with jitThreshold, tier 1 compiles blocks
    /// entered that often); the timeout guards the test, not the guest.
    /// </summary>
    public static Result Run(string program, string[]? args = null, TimeSpan? timeout = null, string? sysroot = null, int cores = 1,
        int? jitThreshold = null, Action<Machine>? inspect = null, bool synchronousJit = false)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var log = new StringWriter();
        // synchronousJit: the vCPU compiles each region when it forms it, so what runs compiled does not
        // depend on how fast the compiler thread keeps up (a loaded CI host).
        using var tierUp = jitThreshold is null ? null : new Fast.Translator.Jit.TierUpQueue { Synchronous = synchronousJit };
        var engine = jitThreshold is int t
            ? new Fast.Translator.Interpreter.Interpreter { TierUp = tierUp, TierUpThreshold = t }
            : new Fast.Translator.Interpreter.Interpreter();
        using var machine = new Machine(256UL << 20, engine);
        using var os = new FastOs(machine, VirtualFileSystem.WithSysroot(sysroot),
            new OsOptions { Stdio = (null, stdout, stderr), Log = TextWriter.Synchronized(log), Cores = cores });
        os.SpawnInit(program, [program, .. args ?? []], ["PATH=/bin:/usr/bin", "HOME=/"]);
        int status = os.RunUntilInitExits(timeout ?? TimeSpan.FromSeconds(60));
        inspect?.Invoke(machine);
        return new Result(FastOs.ExitCodeOf(status), Encoding.Latin1.GetString(stdout.ToArray()), Encoding.Latin1.GetString(stderr.ToArray()), log.ToString());
    }
}
