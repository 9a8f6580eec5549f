// StartupWarmer: `fast run` starts up mostly single-threaded (type loads, ReadyToRun fix-ups,
// reflection, some JIT), and the host has more than one CPU. While the main thread boots the OS,
// this thread does first what the run needs later, so that the main thread finds it done (or waits
// for the rest of one initialiser already under way): the syscall table (the first custom-attribute
// reflection of the process, ~4 ms), the decoder's row table (a function-pointer fix-up per
// encoding), the semantics of the instructions a program's start-up runs (SemanticsWarmer: their
// first calls, ~5 ms), then the metrics Meter (System.Diagnostics.Metrics and its EventSource,
// ~5 ms) and the run's metrics source, which nothing reads before the run ends (dotnet-counters
// attaches later). Nothing here has effects beyond those initialisers and that registration.
using Fast.Os.Linux.Syscalls;
using Fast.Runtime.Observability;
using Fast.Translator.Interpreter;

namespace Fast.Cli.Run;

sealed class StartupWarmer
{
    readonly Thread thread;
    FastMetrics.Source? metrics;   // guarded by this
    IDisposable? registration;     // guarded by this
    bool ended;                    // guarded by this: the run ended before the source was registered

    StartupWarmer()
    {
        thread = new Thread(Warm) { IsBackground = true, Name = "Fast start-up warmer" };
        thread.Start();
    }

    /// <summary>Starts warming on another thread; null on a single CPU (or FAST_WARM=0), where it could only delay the run.</summary>
    public static StartupWarmer? Start() =>
        Environment.ProcessorCount < 2 || Environment.GetEnvironmentVariable("FAST_WARM") == "0" ? null : new StartupWarmer();

    /// <summary>Registers a metrics source from the warming thread; disposing the result unregisters it (or cancels it).</summary>
    public IDisposable RegisterMetrics(FastMetrics.Source source)
    {
        lock (this)
        {
            metrics = source;
            Monitor.Pulse(this);
        }
        return new Unregister(this);
    }

    /// <summary>Waits until the warming thread is done (and the metrics source registered).</summary>
    public void Join() => thread.Join();

    /// <summary>The run will register no metrics (its set-up failed): the warming thread ends without.</summary>
    public void Abandon() => RegisterMetrics(new FastMetrics.Source()).Dispose();

    sealed class Unregister(StartupWarmer warmer) : IDisposable
    {
        public void Dispose()
        {
            // No wait: a run shorter than the warming ends without its metrics ever registered.
            lock (warmer)
            {
                warmer.ended = true;
                warmer.registration?.Dispose();
            }
        }
    }

    void Warm()
    {
        try
        {
            // In the order the main thread reaches them; the Meter last (only the registration needs it).
            _ = SyscallTable.Instance;
            _ = Fast.Translator.Decoder.Decode(0xD503201F);   // NOP: builds the row table and one bucket
            SemanticsWarmer.Run(SemanticsWarmer.StartupRows);
            _ = FastMetrics.Meter;
        }
        catch (Exception)
        {
            // An initialiser that failed here fails again, with its error, on the thread that needs it.
        }
        lock (this)
        {
            while (metrics is null) Monitor.Wait(this);
            if (!ended) registration = FastMetrics.Register(metrics);
        }
    }
}
