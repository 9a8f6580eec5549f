// GuestRunner: boots a machine with Fast's OS and runs one Linux program to its exit — the body
// of `fast run`, shared by selftest and the benchmark runner. It wires the pieces the design
// names: runtime (Machine), translator (interpreter, tier 1), os (FastOs + VFS).
using System.Diagnostics;
using Fast.Os.Kernel;
using Fast.Os.Process;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Translator.Interpreter;
using Fast.Translator.Jit;

namespace Fast.Cli.Run;

public sealed class GuestRunner : IDisposable
{
    public Machine Machine { get; }
    public FastOs Os { get; }
    public Interpreter Engine { get; }
    public TierUpQueue? TierUp { get; }
    readonly RunOptions options;
    readonly Stopwatch clock = new();

    public GuestRunner(RunOptions options, TextWriter? log = null)
    {
        this.options = options;
        TierUp = options.Tier == "jit" ? new TierUpQueue() : null;
        Engine = new Interpreter { TierUp = TierUp };
        Machine = new Machine(options.MemoryBytes, Engine);
        var vfs = options.Root is not null ? VirtualFileSystem.Confined(Path.GetFullPath(options.Root)) : VirtualFileSystem.WithSysroot(options.Sysroot);
        Os = new FastOs(Machine, vfs, new OsOptions { Cores = options.Cores, Strace = options.Strace, Log = log ?? Console.Error });
    }

    /// <summary>Runs the program; returns its exit code as a shell would see it (128 + signal if killed).</summary>
    public int Run()
    {
        var env = new Dictionary<string, string>();
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables()) env[(string)e.Key] = (string?)e.Value ?? "";
        foreach (var assignment in options.Environment)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0) throw new UsageException($"-E wants VAR=VALUE, not '{assignment}'");
            env[assignment[..eq]] = assignment[(eq + 1)..];
        }
        var args = new List<string> { options.Program };
        args.AddRange(options.Arguments);
        clock.Start();
        var process = Os.SpawnInit(options.Program, args, env.Select(kv => $"{kv.Key}={kv.Value}").ToList());
        if (options.Root is null) process.Files.Cwd = Directory.GetCurrentDirectory();
        int status = Os.RunUntilInitExits();
        clock.Stop();
        if (options.Stats) PrintStats(Console.Error);
        return FastOs.ExitCodeOf(status);
    }

    public void PrintStats(TextWriter w)
    {
        ulong retired = 0;
        long walks = 0, misses = 0, exceptions = 0, switches = 0;
        foreach (var core in Os.Cores)
        {
            unsafe { retired += core.Cpu.State->Retired; }
            walks += core.Cpu.PageWalks;
            misses += core.Cpu.Tlb.Misses;
            exceptions += core.Cpu.Exceptions;
            switches += core.ContextSwitches;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        w.WriteLine($"fast: {retired:N0} guest instructions in {seconds:F3} s ({retired / Math.Max(seconds, 1e-9) / 1e6:F1} MIPS)");
        w.WriteLine($"fast: blocks decoded {Engine.Cache.BlocksDecoded:N0}, invalidated {Engine.Cache.BlocksInvalidated:N0}; " +
            $"tier-1 blocks {TierUp?.BlocksCompiled ?? 0:N0} in {(TierUp is null ? 0 : TierUp.CompileTicks * 1000.0 / Stopwatch.Frequency):F1} ms");
        w.WriteLine($"fast: TLB slow paths {misses:N0}, page walks {walks:N0}; exceptions {exceptions:N0}, syscalls {Os.Linux.SyscallCount:N0}, context switches {switches:N0}");
    }

    public void Dispose()
    {
        Os.Dispose();
        TierUp?.Dispose();
        Machine.Dispose();
    }
}
