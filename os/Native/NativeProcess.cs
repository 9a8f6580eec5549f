// NativeProcess: the native personality's per-process state — the handle table through which a
// guest names its capabilities, channel ends and services (small integers, the C library's
// capref / channel numbers), and the RAM it got from a core's memory manager (given back when the
// process exits). NativeThread: a thread's state across a restarted (blocking) native call.
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Memory;
using Fast.Os.Nameserver;

namespace Fast.Os.Native;

public sealed class NativeProcess
{
    readonly Dictionary<int, object> handles = new();   // guarded by handles
    int nextHandle = 1;
    public readonly List<(MemoryManager From, Capability Ram)> Allocations = new();   // guarded by handles
    /// <summary>Copies relayed into the boot core's database to map frames of other cores' databases (deleted at exit).</summary>
    public readonly List<Capability> Relayed = new();   // guarded by handles
    /// <summary>Next VA of the frame-mapping window (frames are mapped outside every Linux region).</summary>
    public ulong NextFrameVa = NativeKernel.FrameWindowBase;

    public int Add(object o)
    {
        lock (handles)
        {
            int h = nextHandle++;
            handles[h] = o;
            return h;
        }
    }

    public T? Get<T>(long handle) where T : class
    {
        lock (handles) return handle is > 0 and <= int.MaxValue && handles.TryGetValue((int)handle, out var o) ? o as T : null;
    }

    public object? Remove(long handle)
    {
        lock (handles) return handle is > 0 and <= int.MaxValue && handles.Remove((int)handle, out var o) ? o : null;
    }

    public object[] TakeAll()
    {
        lock (handles)
        {
            var all = handles.Values.ToArray();
            handles.Clear();
            return all;
        }
    }

    public object Lock => handles;
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
