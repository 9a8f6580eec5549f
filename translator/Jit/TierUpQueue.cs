// TierUpQueue: compiles regions to IL on a background thread; the vCPU never waits. A region is
// formed on the vCPU thread when its entry block gets hot (the entry block's TierUpQueued makes
// that happen once), compiled here, hottest first, and published through DecodedBlock.Region (a
// volatile write); the run loop picks it up at the entry block's next lookup. A region invalidated
// meanwhile is skipped. Locking: the queue (a list under its lock) is the only shared structure.
using System.Diagnostics;
using Fast.Runtime.Observability;

namespace Fast.Translator.Jit;

public sealed class TierUpQueue : IDisposable
{
    // Queued regions; the compiler takes the hottest first (its entry block's entry count, which keeps
    // growing in the interpreter while the region waits): when a short program outruns the compiler
    // (xz -d forms regions faster than RyuJIT compiles them), the code that matters most comes first.
    readonly List<Region> pending = new();
    readonly SemaphoreSlim available = new(0);
    volatile bool closed;
    Thread? worker;   // started at the first Enqueue (guarded by pending): a short run never queues a region

    /// <summary>Regions compiled (the name predates regions: it feeds the RegionsCompiled metric).</summary>
    public long BlocksCompiled;
    public long RegionsCompiled => Interlocked.Read(ref BlocksCompiled);
    public long InstructionsCompiled;
    public long CompileTicks;
    /// <summary>Of CompileTicks, the time RyuJIT took (the rest is region IL emission).</summary>
    public long JitTicks;
    /// <summary>CPU time of the compiler thread (wall ticks above include time the machine gave to others).</summary>
    public TimeSpan CompilerCpu;
    public long Failures;
    /// <summary>The last compile failure (the region then keeps running in the interpreter).</summary>
    public string? LastFailure;
    /// <summary>Optional: names a region's method (e.g. guest!image!symbol+0x10); default guest!0xPC.</summary>
    public Func<ulong, string>? Namer { get; init; }
    /// <summary>Keep each region's IL as text (fast explain).</summary>
    public bool KeepListings { get; set; }
    /// <summary>Raised on the compiler thread after a region is published.</summary>
    public event Action<Region>? Compiled;

    int inFlight;   // queued and not yet compiled
    readonly ManualResetEventSlim running = new(true);

    /// <summary>While held the compiler takes nothing from the queue (tests: what happens while code waits for it).</summary>
    public bool Held
    {
        get => !running.IsSet;
        set { if (value) running.Reset(); else running.Set(); }
    }

    /// <summary>FAST_JIT_SYNC=1: the vCPU compiles a region itself when it forms it and waits, so a run
    /// does the same work every time (instruction counts comparable between builds; not for speed).</summary>
    public bool Synchronous { get; init; } = Environment.GetEnvironmentVariable("FAST_JIT_SYNC") == "1";

    /// <summary>FAST_JIT_STATS=2: one line per compiled region on stderr (size, IL, RyuJIT's CPU time).</summary>
    static readonly bool ReportEach = Environment.GetEnvironmentVariable("FAST_JIT_STATS") == "2";
    /// <summary>When this queue was made (FAST_JIT_STATS=2 lines say when each region was ready, from here).</summary>
    readonly long createdAt = Stopwatch.GetTimestamp();

    public void Enqueue(Region region)
    {
        if (closed) return;
        region.QueuedAt = Stopwatch.GetTimestamp();
        if (Synchronous) { Compile(region); return; }
        Interlocked.Increment(ref inFlight);
        lock (pending)
        {
            pending.Add(region);
            StartWorker();
        }
        available.Release();
    }

    void StartWorker()
    {
        if (worker is not null) return;
        worker = new Thread(Work) { IsBackground = true, Name = "Fast tier-1 compiler" };
        worker.Start();
    }

    int prewarm;   // 1: asked for, 2: taken by the compiler thread

    /// <summary>
    /// Compiles a made-up region now (RegionWarmer) so that the first real one does not pay the
    /// compiler's one-time costs while its code runs in the interpreter. Once per queue; not in
    /// synchronous mode (its runs must not depend on when this comes).
    /// </summary>
    public void Prewarm()
    {
        if (Synchronous || Interlocked.CompareExchange(ref prewarm, 1, 0) != 0) return;
        lock (pending) StartWorker();
        available.Release();
    }

    /// <summary>The made-up region was compiled (tests).</summary>
    public bool Prewarmed { get; private set; }

    /// <summary>Waits until everything queued so far is compiled (tests and `fast explain`).</summary>
    public void Drain()
    {
        while (Volatile.Read(ref inFlight) > 0) Thread.Sleep(1);
    }

    void Work()
    {
        while (true)
        {
            available.Wait();
            if (closed) return;
            running.Wait();
            if (Interlocked.CompareExchange(ref prewarm, 2, 1) == 1) { CompileWarmUp(); continue; }
            Region region;
            lock (pending)
            {
                int hottest = 0;
                for (int i = 1; i < pending.Count; i++)
                    if (pending[i].Entry.EntryCount > pending[hottest].Entry.EntryCount) hottest = i;
                region = pending[hottest];
                pending.RemoveAt(hottest);
            }
            try { Compile(region); }
            finally { Interlocked.Decrement(ref inFlight); }
        }
    }

    void Compile(Region region)
    {
        if (!region.Valid) return;
        long start = Stopwatch.GetTimestamp();
        if (FastEventSource.CompileEnabled) FastEventSource.Log.RegionCompileStart(region.EntryPc, region.InstructionCount);
        try
        {
            if (Namer is not null) region.Name = Namer(region.EntryPc);
            var (code, method) = RegionCompiler.Compile(region, KeepListings);
            long emitted = Stopwatch.GetTimestamp();
            var cpuBefore = ReportEach ? ThreadCpu.Current() : default;
            WarmUp(code);
            long jitted = Stopwatch.GetTimestamp();
            Interlocked.Add(ref JitTicks, jitted - emitted);
            if (ReportEach)
                Console.Error.WriteLine($"jit: {region.Name}: {region.InstructionCount} instructions, {region.BlockStarts.Length} blocks, " +
                    $"IL {region.IlBytes} bytes, {region.IlLocals} locals, emit {Stopwatch.GetElapsedTime(start, emitted).TotalMilliseconds:F1} ms, " +
                    $"RyuJIT {(ThreadCpu.Current() - cpuBefore).TotalMilliseconds:F1} ms CPU, queued at {Stopwatch.GetElapsedTime(createdAt, region.QueuedAt).TotalMilliseconds:F1} ms, ready at {Stopwatch.GetElapsedTime(createdAt).TotalMilliseconds:F1} ms, " +
                    $"entry block run {region.Entry.EntryCount} times");
            region.Publish(code, Emit.RegionEmitter.EntryPoint(method));
            if (region.Valid)
            {
                region.Entry.Region = region;
                // Its other blocks are entries too: the interpreter reaching one (a return site, a
                // region exit's target) runs the region from there rather than forming another.
                foreach (var source in region.Sources) region.InstallAt(source);
            }
            Interlocked.Increment(ref BlocksCompiled);
            Interlocked.Add(ref InstructionsCompiled, region.InstructionCount);
            Compiled?.Invoke(region);
        }
        catch (Exception e) when (e is InvalidProgramException or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            Interlocked.Increment(ref Failures);
            LastFailure = $"{region.Name}: {e.GetType().Name}: {e.Message}";
        }
        long ticks = Stopwatch.GetTimestamp() - start;
        Interlocked.Add(ref CompileTicks, ticks);
        CompilerCpu = ThreadCpu.Current();
        if (FastEventSource.CompileEnabled) FastEventSource.Log.RegionCompileStop(region.EntryPc, region.InstructionCount, ticks);
    }

    void CompileWarmUp()
    {
        try
        {
            long start = Stopwatch.GetTimestamp();
            var cpuBefore = ReportEach ? ThreadCpu.Current() : default;
            var region = RegionWarmer.Build();
            long built = Stopwatch.GetTimestamp();
            var (code, _) = RegionCompiler.Compile(region);
            long emitted = Stopwatch.GetTimestamp();
            WarmUp(code);
            Prewarmed = true;
            if (ReportEach)
                Console.Error.WriteLine($"jit: warm-up region compiled from {Stopwatch.GetElapsedTime(createdAt, start).TotalMilliseconds:F1} to " +
                    $"{Stopwatch.GetElapsedTime(createdAt).TotalMilliseconds:F1} ms, {(ThreadCpu.Current() - cpuBefore).TotalMilliseconds:F1} ms CPU " +
                    $"(decode {Stopwatch.GetElapsedTime(start, built).TotalMilliseconds:F1} ms, emit {Stopwatch.GetElapsedTime(built, emitted).TotalMilliseconds:F1} ms, RyuJIT {Stopwatch.GetElapsedTime(emitted).TotalMilliseconds:F1} ms)");
        }
        catch (Exception e) when (e is InvalidProgramException or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            LastFailure = $"warm-up: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Forces RyuJIT now, on this thread, rather than at the first call on the vCPU: a
    /// region returns at once when Retired is already past its limit.</summary>
    static unsafe void WarmUp(RegionCode code)
    {
        var state = (Fast.Runtime.CpuState*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)Fast.Runtime.CpuState.Size);
        try { state->Retired = 1; code(state, 0); }   // BudgetEnd 0: the entry check returns
        finally { System.Runtime.InteropServices.NativeMemory.Free(state); }
    }

    public void Dispose()
    {
        closed = true;
        available.Release();
    }
}

/// <summary>CPU time consumed by the calling thread (CLOCK_THREAD_CPUTIME_ID).</summary>
static class ThreadCpu
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out Timespec ts);

    struct Timespec { public long Seconds, Nanoseconds; }

    public static TimeSpan Current() =>
        ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts) == 0 ? TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100) : TimeSpan.Zero;
}
