// NativeProcess: the native personality's per-process state — the handle table through which a
// guest names its capabilities, channel ends and services (small integers, the C library's
// capref / channel numbers; small integers never reused), and the RAM it got from a core's memory manager (given back when the
// process exits). NativeThread: a thread's state across a restarted (blocking) native call.
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Memory;
using Fast.Os.Nameserver;

namespace Fast.Os.Native;

public sealed class NativeProcess
{
    // Handles index an array that readers (every channel call) index without a lock; it is only
    // written under gate, replaced by a larger copy when full. Handles are never reused.
    readonly object gate = new();
    object?[] table = new object?[32];   // written under gate, read lock-free
    int nextHandle = 1;                  // guarded by gate
    public readonly List<(MemoryManager From, Capability Ram)> Allocations = new();   // guarded by Lock
    /// <summary>Copies relayed into the address space's home database to map frames of other cores' databases (deleted at exit, on that core).</summary>
    public readonly List<Capability> Relayed = new();   // guarded by Lock
    /// <summary>Next VA of the frame-mapping window (frames are mapped outside every Linux region).</summary>
    public ulong NextFrameVa = NativeKernel.FrameWindowBase;

    public int Add(object o)
    {
        lock (gate)
        {
            int h = nextHandle++;
            if (h >= table.Length)
            {
                var bigger = new object?[table.Length * 2];
                table.CopyTo(bigger, 0);
                Volatile.Write(ref table, bigger);
            }
            Volatile.Write(ref table[h], o);
            return h;
        }
    }

    public T? Get<T>(long handle) where T : class
    {
        var t = Volatile.Read(ref table);
        return (ulong)handle < (ulong)t.Length ? Volatile.Read(ref t[handle]) as T : null;
    }

    /// <summary>Get for the hottest kind (channel ends): a cast to a sealed class, no generic lookup.</summary>
    public ChannelEnd? GetEnd(long handle)
    {
        var t = Volatile.Read(ref table);
        return (ulong)handle < (ulong)t.Length ? Volatile.Read(ref t[handle]) as ChannelEnd : null;
    }

    public object? Remove(long handle)
    {
        lock (gate)
        {
            if ((ulong)handle >= (ulong)table.Length || handle == 0) return null;
            var o = table[handle];
            Volatile.Write(ref table[handle], null);
            return o;
        }
    }

    public object[] TakeAll()
    {
        lock (gate)
        {
            var all = table.Where(o => o is not null).ToArray();
            Array.Clear(table);
            return all!;
        }
    }

    public object Lock => gate;
}

public sealed class NativeThread
{
    /// <summary>A blocked call's generation: a wake for an older one is ignored.</summary>
    public int BlockGeneration;
    /// <summary>The deadline (Stopwatch ticks) of a blocked call with a timeout; 0 = none.</summary>
    public long Deadline;
    /// <summary>A cross-core request in flight (spawn), completed by a message back.</summary>
    public PendingRequest? Pending;
    /// <summary>The thread's record for parking on a channel end (made once; NativeKernel.Fastpath).</summary>
    public Ipc.ReceiveWaiter? Waiter;
    /// <summary>The block generation Waiter.Wake acts on.</summary>
    public int WaiterGeneration;
    /// <summary>The handle table of the thread's process (where a directly delivered capability goes).</summary>
    public NativeProcess? Process;
}

public sealed class PendingRequest
{
    public volatile bool Done;
    public long Result;
}
