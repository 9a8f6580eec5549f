// StartupWarmer: `fast run` starts up mostly single-threaded (type loads, ReadyToRun fix-ups,
// reflection), and the host has more than one CPU. While the main thread boots the OS, this thread
// runs the static initialisers the run needs later, so the main thread finds them done (or waits
// for the rest of one already under way): the syscall table (the first custom-attribute reflection
// of the process, ~4 ms), the metrics Meter (System.Diagnostics.Metrics and its EventSource, ~5 ms),
// the decoder's row table (a function-pointer fix-up per encoding). It also registers the run's
// metrics source, which nothing reads before the run ends (dotnet-counters attaches later).
// Nothing here has effects beyond those initialisers and that registration.
using Fast.Os.Linux.Syscalls;
using Fast.Runtime.Observability;

namespace Fast.Cli.Run;

sealed class StartupWarmer
{
    readonly Thread thread;
    FastMetrics.Source? metrics;
    IDisposable? registration;

    StartupWarmer()
    {
        thread = new Thread(Warm) { IsBackground = true, Name = "Fast start-up warmer" };
        thread.Start();
    }

    /// <summary>Starts warming on another thread; null on a single CPU (or FAST_WARM=0), where it could only delay the run.</summary>
    public static StartupWarmer? Start() =>
        Environment.ProcessorCount < 2 || Environment.GetEnvironmentVariable("FAST_WARM") == "0" ? null : new StartupWarmer();

    /// <summary>Registers a metrics source from the warming thread; disposing the result waits for it, then unregisters.</summary>
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
            warmer.Join();
            warmer.registration?.Dispose();
        }
    }

    void Warm()
    {
        try
        {
            // In the order the main thread reaches them.
            _ = SyscallTable.Instance;
            _ = FastMetrics.Meter;
            _ = Fast.Translator.Decoder.Decode(0xD503201F);   // NOP: builds the row table and one bucket
        }
        catch (Exception)
        {
            // An initialiser that failed here fails again, with its error, on the thread that needs it.
        }
        FastMetrics.Source source;
        lock (this)
        {
            while (metrics is null) Monitor.Wait(this);
            source = metrics;
        }
        registration = FastMetrics.Register(source);
    }
}
