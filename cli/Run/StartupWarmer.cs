// StartupWarmer: `fast run` starts up mostly single-threaded (type loads, ReadyToRun fix-ups,
// some JIT), and the host has more than one CPU. While the main thread boots the OS, this thread
// does first what the run needs later, so that the main thread finds it done (or waits for the
// rest of one initialiser already under way), in the order the run reaches them: the decoder's row
// table, the ELF reader (on WarmRun's executable), the semantics of the instructions a program's
// start-up runs (SemanticsWarmer: their first calls), the syscall table, the core ticker's thread
// (a thread start the main thread would otherwise wait for when it starts core 0), and a run of a
// tiny guest of its own (WarmRun: exec, faults, syscalls, exit). Then it makes the EventSource
// (~1.6 ms; nothing on the main thread needs it: its guards read false until it exists).
//
// Metrics: the run's source is registered here, and only once the run has lasted MetricsAfter: the
// Meter costs ~4 ms (System.Diagnostics.Metrics and its EventSource), nothing reads it before
// dotnet-counters attaches, and a short run (busybox true) ends without ever paying for it.
// `--stats` asks for the registration at once (RegisterNow). Nothing here has effects beyond these
// initialisers, the ticker's (sleeping) thread, the EventSource and that registration (WarmRun's
// machine and OS are its own, and gone when it returns).
using System.Diagnostics;
using Fast.Os.Linux.Syscalls;
using Fast.Runtime.Observability;
using Fast.Translator.Interpreter;

namespace Fast.Cli.Run;

sealed class StartupWarmer
{
    static readonly TimeSpan MetricsAfter = TimeSpan.FromMilliseconds(100);

    readonly Thread thread;
    readonly long started = Stopwatch.GetTimestamp();
    FastMetrics.Source? metrics;   // guarded by this
    IDisposable? registration;     // guarded by this
    bool ended, now;               // guarded by this: the run ended (no registration); register without waiting

    StartupWarmer()
    {
        thread = new Thread(Warm) { IsBackground = true, Name = "Fast start-up warmer" };
        thread.Start();
    }

    static StartupWarmer? early;
    static int begun;

    /// <summary>Starts warming on another thread, first thing in Main; the process's first GuestRunner claims it.
    /// Nothing on a single CPU (or FAST_WARM=0), where it could only delay the run.</summary>
    public static void Begin()
    {
        if (Environment.ProcessorCount < 2 || Environment.GetEnvironmentVariable("FAST_WARM") == "0") return;
        if (Interlocked.Exchange(ref begun, 1) == 0) early = new StartupWarmer();
    }

    /// <summary>The warmer for the process's first run (started now if Begin was not called); null for later runs.</summary>
    public static StartupWarmer? Claim()
    {
        Begin();
        return Interlocked.Exchange(ref early, null);
    }

    /// <summary>Has the warming thread register a metrics source (after MetricsAfter); disposing the result unregisters it, or cancels it.</summary>
    public IDisposable RegisterMetrics(FastMetrics.Source source)
    {
        lock (this)
        {
            metrics = source;
            Monitor.PulseAll(this);
        }
        return new Unregister(this);
    }

    /// <summary>Registers the metrics source now and waits for it (for --stats' totals).</summary>
    public void RegisterNow()
    {
        lock (this)
        {
            now = true;
            Monitor.PulseAll(this);
        }
        thread.Join();
    }

    /// <summary>The run will register no metrics (its set-up failed): the warming thread ends without.</summary>
    public void Abandon() => RegisterMetrics(new FastMetrics.Source()).Dispose();

    sealed class Unregister(StartupWarmer warmer) : IDisposable
    {
        public void Dispose()
        {
            lock (warmer)
            {
                warmer.ended = true;
                warmer.registration?.Dispose();
                Monitor.PulseAll(warmer);
            }
        }
    }

    void Warm()
    {
        try
        {
            _ = Fast.Translator.Decoder.Decode(0xD503201F);   // NOP: builds the row table and one bucket
            StartupPhases.Mark("warm decoder");
            _ = Fast.Os.Process.ElfLoader.Read(WarmRun.Executable(), "(warming)");
            StartupPhases.Mark("warm elf");
            SemanticsWarmer.Run(SemanticsWarmer.StartupRows);
            StartupPhases.Mark("warm semantics");
            _ = SyscallTable.Instance;
            StartupPhases.Mark("warm syscalls");
            Fast.Os.Kernel.CoreTicker.Prestart();   // (a thread start the main thread would wait for as it starts core 0)
            StartupPhases.Mark("warm ticker");
            WarmRun.Run();   // (the main thread is exec'ing by now: its own boot made this one's cheap)
            StartupPhases.Mark("warm run");
            FastEventSource.Create();   // (last: nothing waits for it, and its guards read false until it exists)
            StartupPhases.Mark("warm events");
        }
        catch (Exception)
        {
            // An initialiser that failed here fails again, with its error, on the thread that needs it.
        }
        lock (this)
        {
            while (!ended)
            {
                if (metrics is null) { Monitor.Wait(this); continue; }   // (RegisterMetrics pulses)
                var left = MetricsAfter - Stopwatch.GetElapsedTime(started);
                if (now || left <= TimeSpan.Zero) break;
                Monitor.Wait(this, left);
            }
            if (!ended) registration = FastMetrics.Register(metrics!);
        }
    }
}
