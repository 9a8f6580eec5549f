// GuestRunner: boots a machine with Fast's OS and runs one Linux program to its exit — the body
// of `fast run`, shared by selftest and the benchmark runner. It wires the pieces the design
// names: runtime (Machine), translator (interpreter, tier 1), os (FastOs + VFS).
using System.Diagnostics;
using Fast.Os.Kernel;
using Fast.Os.Process;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Runtime.Observability;
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
    IDisposable? metrics;
    readonly StartupWarmer? warmer;

    public GuestRunner(RunOptions options, TextWriter? log = null)
    {
        this.options = options;
        StartupPhases.Mark("runner");
        warmer = StartupWarmer.Claim();
        // The EventSource: the warmer makes it 100 ms into the run; here, at once, when there is no warmer
        // or when a session may be listening from the start (one set up from the environment).
        if (warmer is null || SessionFromStart()) FastEventSource.Create();
        try
        {
            TierUp = options.Tier == "jit" ? new TierUpQueue() : null;
            // Tier 1 waits for the first 500k instructions (a few ms): short programs exit before it costs.
            Engine = new Interpreter { TierUp = TierUp, TierUpAfter = 500_000 };
            StartupPhases.Mark("engine");
            Machine = new Machine(options.MemoryBytes, Engine);
            var vfs = options.Root is not null ? VirtualFileSystem.Confined(HostPath(options.Root)) : VirtualFileSystem.WithSysroot(options.Sysroot is null ? null : HostPath(options.Sysroot));
            StartupPhases.Mark("machine");
            Os = new FastOs(Machine, vfs, new OsOptions { Cores = options.Cores, Strace = options.Strace, Log = log ?? StderrWriter.Instance });
            StartupPhases.Mark("os booted");
            var source = new FastMetrics.Source
        {
                InstructionsRetired = () => Os.Cores.Sum(c => (long)RetiredOn(c.Cpu)),
                // Hits: loads and stores executed minus those that took the slow path (an estimate: a pair or
                // vector access counts once, a straddling access twice).
                TlbHits = () => Math.Max(0, Os.Cores.Sum(c => Engine.MemoryInstructions(c.Cpu)) - Os.Cores.Sum(c => c.Cpu.AllTlbs.Sum(t => t.Misses))),
                TlbMisses = () => Os.Cores.Sum(c => c.Cpu.AllTlbs.Sum(t => t.Misses)),
                Faults = () => Os.PageFaults,
                Syscalls = () => Os.Linux.SyscallCount,
                ContextSwitches = () => Os.Cores.Sum(c => c.ContextSwitches),
                BlocksDecoded = () => Engine.Cache.BlocksDecoded,
                RegionsCompiled = () => TierUp?.BlocksCompiled ?? 0,
                CompileTicks = () => TierUp?.CompileTicks ?? 0,
            };
            metrics = warmer?.RegisterMetrics(source) ?? FastMetrics.Register(source);
            StartupPhases.Mark("metrics");
        }
        catch
        {
            warmer?.Abandon();   // (its thread would wait for the metrics source)
            throw;
        }
    }

    /// <summary>Whether an EventPipe session may have been listening since the process started: one the
    /// environment configures (DOTNET_EnableEventPipe), or a tool's that started this process suspended
    /// (dotnet-trace collect, through DOTNET_DiagnosticPorts).</summary>
    static bool SessionFromStart() =>
        Environment.GetEnvironmentVariable("DOTNET_EnableEventPipe") is "1" || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_DiagnosticPorts"));

    /// <summary>A host path from the command line as its bytes, made absolute.</summary>
    static string HostPath(string path) => Latin1Text.FromUtf16(Path.GetFullPath(path));

    static unsafe ulong RetiredOn(Vcpu cpu) => cpu.State->Retired;

    /// <summary>Runs the program; returns its exit code as a shell would see it (128 + signal if killed).</summary>
    public int Run()
    {
        // The guest's strings are the host's bytes (HostEnvironment): the command line's strings, which
        // the runtime decoded from UTF-8, go back to their bytes.
        var environment = HostEnvironment.Entries(options.Environment);
        string program = Latin1Text.FromUtf16(options.Program);
        var args = new List<string>(options.Arguments.Count + 1) { program };
        foreach (string a in options.Arguments) args.Add(Latin1Text.FromUtf16(a));
        clock.Start();
        using var sampler = options.Trace is not null ? new GuestSampler(Os) : null;
        // The host's working directory (--root: the root's /), before exec: `fast run ./prog` looks prog up there.
        Os.SpawnInit(program, args, environment, options.Root is null ? HostEnvironment.CurrentDirectory() ?? "/" : null);
        StartupPhases.Mark("spawned");
        int status = Os.RunUntilInitExits();
        clock.Stop();
        StartupPhases.Mark("init exited");
        if (options.Stats)
        {
            warmer?.RegisterNow();   // the metrics source is registered
            Console.Error.WriteLine(FastMetrics.Snapshot().Describe(clock.Elapsed));
            // The host side of start-up: methods ReadyToRun did not precompile (framework generics over
            // Fast's value types, methods using types outside the version bubble) and tier-1 regions.
            Console.Error.WriteLine($"fast: host JIT           {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1} ms");
        }
        return FastOs.ExitCodeOf(status);
    }

    public void Dispose()
    {
        metrics?.Dispose();
        Os.Dispose();
        TierUp?.Dispose();
        Machine.Dispose();
        StartupPhases.Mark("disposed");
        StartupPhases.Print();
    }
}
