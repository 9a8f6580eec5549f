// StartupWarmer: `fast run` starts up mostly single-threaded (type loads, ReadyToRun fix-ups,
// some JIT), and the host has more than one CPU. While the main thread boots the OS, this thread
// does first what the run needs later, so that the main thread finds it done (or waits for the
// rest of one initialiser already under way), in the order the run reaches them: the decoder's row
// table, the ELF reader (on a tiny image made here), the semantics of the instructions a program's
// start-up runs (SemanticsWarmer: their first calls), the syscall table and the core ticker's
// thread (a thread start the main thread would otherwise wait for when it starts core 0).
//
// Observability: the `Fast` EventSource and the run's metrics source are made here, and only once the
// run has lasted MetricsAfter: the EventSource costs ~1.6 ms (its GUID, its registration with
// EventPipe) and the Meter ~4 ms (System.Diagnostics.Metrics and its EventSource); nothing can
// listen before dotnet-trace or dotnet-counters attaches (the EventSource's guards read false until
// it exists), and a short run (busybox true) ends without ever paying for them. A session listening
// from the start has GuestRunner make the EventSource at once.
// `--stats` asks for the registration at once (RegisterNow). Nothing here has effects beyond these
// initialisers, the ticker's (sleeping) thread, the EventSource and that registration.
using System.Buffers.Binary;
using System.Diagnostics;
using Fast.Os.Linux.Syscalls;
using Fast.Runtime.Elf;
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
            _ = Fast.Os.Process.ElfLoader.Read(TinyElf(), "(warming)");
            StartupPhases.Mark("warm elf");
            SemanticsWarmer.Run(SemanticsWarmer.StartupRows);
            StartupPhases.Mark("warm semantics");
            _ = SyscallTable.Instance;
            StartupPhases.Mark("warm syscalls");
            Fast.Os.Kernel.CoreTicker.Prestart();   // (a thread start the main thread would wait for as it starts core 0)
            StartupPhases.Mark("warm ticker");
        }
        catch (Exception)
        {
            // An initialiser that failed here fails again, with its error, on the thread that needs it.
        }
        bool lasted;
        lock (this)
        {
            while (!ended)
            {
                if (metrics is null) { Monitor.Wait(this); continue; }   // (RegisterMetrics pulses)
                var left = MetricsAfter - Stopwatch.GetElapsedTime(started);
                if (now || left <= TimeSpan.Zero) break;
                Monitor.Wait(this, left);
            }
            lasted = !ended;
        }
        if (!lasted) return;
        FastEventSource.Create();   // (outside the lock: the run's end need not wait for it)
        lock (this)
            if (!ended) registration = FastMetrics.Register(metrics!);
    }

    /// <summary>A minimal AArch64 executable (header and one PT_LOAD of itself) for the ELF reader to warm on.</summary>
    static byte[] TinyElf()
    {
        var b = new byte[ElfConstants.HeaderSize + ElfConstants.ProgramHeaderSize];
        var s = b.AsSpan();
        b[0] = 0x7F; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F'; b[4] = 2; b[5] = 1; b[6] = 1;   // ELF64, little-endian, v1
        BinaryPrimitives.WriteUInt16LittleEndian(s[16..], 2);                                    // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(s[18..], ElfConstants.MachineAArch64);
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(s[24..], 0x40_0000);                            // e_entry
        BinaryPrimitives.WriteUInt64LittleEndian(s[32..], ElfConstants.HeaderSize);              // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(s[52..], ElfConstants.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(s[54..], ElfConstants.ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(s[56..], 1);
        var p = s[ElfConstants.HeaderSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(p, 1);                                          // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(p[4..], 5);                                     // R+X
        BinaryPrimitives.WriteUInt64LittleEndian(p[16..], 0x40_0000);                            // p_vaddr
        BinaryPrimitives.WriteUInt64LittleEndian(p[24..], 0x40_0000);
        BinaryPrimitives.WriteUInt64LittleEndian(p[32..], (ulong)b.Length);                      // p_filesz
        BinaryPrimitives.WriteUInt64LittleEndian(p[40..], (ulong)b.Length);                      // p_memsz
        BinaryPrimitives.WriteUInt64LittleEndian(p[48..], 0x1000);
        return b;
    }
}
