// TierUpQueue: compiles hot blocks to IL on a background thread; the vCPU never waits.
// A block is queued once (TierUpQueued), compiled, and published through DecodedBlock.Compiled
// (a volatile write); the interpreter picks it up at the block's next entry. A block invalidated
// meanwhile is skipped. Locking: the BlockingCollection is the only shared structure.
using System.Collections.Concurrent;
using System.Diagnostics;
using Fast.Runtime.Observability;
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

public sealed class TierUpQueue : IDisposable
{
    readonly BlockingCollection<DecodedBlock> pending = new();
    readonly Thread worker;

    public long BlocksCompiled;
    public long CompileTicks;
    public long Failures;
    /// <summary>Optional: names a block's method (e.g. guest!image!symbol+0x10); default guest!0xPC.</summary>
    public Func<ulong, string>? Namer { get; init; }

    public TierUpQueue()
    {
        worker = new Thread(Work) { IsBackground = true, Name = "Fast tier-1 compiler" };
        worker.Start();
    }

    int inFlight;   // queued and not yet compiled

    public void Enqueue(DecodedBlock block)
    {
        if (Interlocked.Exchange(ref block.TierUpQueued, 1) != 0 || pending.IsAddingCompleted) return;
        Interlocked.Increment(ref inFlight);
        pending.Add(block);
    }

    /// <summary>Waits until everything queued so far is compiled (tests and `fast explain`).</summary>
    public void Drain()
    {
        while (Volatile.Read(ref inFlight) > 0) Thread.Sleep(1);
    }

    void Work()
    {
        foreach (var block in pending.GetConsumingEnumerable())
        {
            try { Compile(block); }
            finally { Interlocked.Decrement(ref inFlight); }
        }
    }

    void Compile(DecodedBlock block)
    {
        if (!block.Valid) return;
        long start = Stopwatch.GetTimestamp();
        if (FastEventSource.Log.IsEnabled()) FastEventSource.Log.RegionCompileStart(block.Pc, block.Count);
        try
        {
            block.Compiled = BlockCompiler.Compile(block, Namer?.Invoke(block.Pc));
            Interlocked.Increment(ref BlocksCompiled);
        }
        catch (Exception e) when (e is InvalidProgramException or InvalidOperationException or NotSupportedException)
        {
            Interlocked.Increment(ref Failures);
        }
        long ticks = Stopwatch.GetTimestamp() - start;
        Interlocked.Add(ref CompileTicks, ticks);
        if (FastEventSource.Log.IsEnabled()) FastEventSource.Log.RegionCompileStop(block.Pc, block.Count, ticks);
    }

    public void Dispose() => pending.CompleteAdding();
}
