// Service: what a name in the nameserver points to — a server's listening object. A lookup
// creates a channel and queues the server's end here; the server accepts it (blocking, or as
// one of the handles of a wait-any loop). A server process may own several services; each has
// its own accept queue, so the server knows which service a connection is for.
using Fast.Os.Ipc;
using Fast.Os.Vfs;

namespace Fast.Os.Nameserver;

public sealed class Service
{
    readonly Queue<ChannelEnd> pending = new();   // guarded by pending
    volatile bool closed;

    public string Name { get; }
    public int Core { get; }
    public int Pid { get; }
    public WaitQueue Acceptable { get; }
    /// <summary>For a service the kernel itself runs (os/Native/Services): takes each new connection's server end at once.</summary>
    public Action<ChannelEnd>? KernelAccept { get; init; }

    public Service(string name, int core, int pid)
    {
        Name = name;
        Core = core;
        Pid = pid;
        Acceptable = new WaitQueue(() => { lock (pending) return pending.Count > 0 || closed; });
    }

    public bool IsClosed => closed;
    public bool HasPending { get { lock (pending) return pending.Count > 0; } }

    /// <summary>Queues the server's end of a new connection; false if the service is gone.</summary>
    public bool Connect(ChannelEnd serverEnd)
    {
        if (KernelAccept is { } accept)
        {
            if (closed) return false;
            accept(serverEnd);
            return true;
        }
        lock (pending)
        {
            if (closed) return false;
            pending.Enqueue(serverEnd);
        }
        Acceptable.WakeAll();
        return true;
    }

    public bool TryAccept(out ChannelEnd end)
    {
        lock (pending) return pending.TryDequeue(out end!);
    }

    public void Close()
    {
        List<ChannelEnd> left;
        lock (pending)
        {
            closed = true;
            left = pending.ToList();
            pending.Clear();
        }
        foreach (var e in left) e.Close();
        Acceptable.WakeAll();
    }
}
