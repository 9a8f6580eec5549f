// Channel: a bidirectional message channel between two ends, each owned by one process on one
// core. Both cores equal: LMP (each end receives into its own LmpEndpoint, the kernel copies);
// different cores: UMP (one ring per direction in one shared 4 KiB frame, 32 slots each). The
// ends look the same to everything above (the native API, the C library's message-passing
// layer): Send puts a message into the peer's receive queue, Receive takes one from the own.
//
// Capabilities in flight: on LMP, a kernel-held copy (CapSystem.Copy to SlotRef.KernelHeld) made by
// the sending kernel, handed to the receiving process, or deleted if the channel closes first. On
// UMP each end belongs to its core's kernel and capability database (ChannelEnd.Caps): the sending
// kernel serializes the capability into the message (CapSystem.Export, the ring's side line) and
// the receiving kernel re-creates it in its own database when the message is taken (Import) —
// capability transfer relayed by the kernels, so no capability object is shared between cores.
//
// Waiting receivers: a thread that blocks receiving parks a ReceiveWaiter on its end (one slot per
// end; further receivers wait on Inbox.Readable). A sender takes the waiter after publishing its
// message and wakes it (an IPI when it sleeps on another core). On the waiter's own core the
// kernel may instead hand the message straight to the parked thread's registers and switch to it
// (NativeKernel.Fastpath: the LMP handoff), bypassing the receive buffer.
//
// Events: every send and receive raises FastEventSource.IpcSend/IpcReceive (channel id,
// transport, bytes, cores, pid, latency from send to receive) when the Ipc keyword is enabled.
using System.Diagnostics;
using Fast.Os.Capabilities;
using Fast.Os.Memory;
using Fast.Runtime.Observability;

namespace Fast.Os.Ipc;

public sealed class ChannelEnd
{
    public Channel Channel { get; }
    public int Side { get; }
    public int Core { get; }
    public int Pid { get; }
    /// <summary>The capability database of this end's core kernel (where received capabilities are re-created).</summary>
    public CapSystem Caps { get; }
    public IMessageQueue Inbox { get; }
    public ChannelEnd Peer => Side == 0 ? Channel.B : Channel.A;
    /// <summary>The Endpoint capability naming this end's LMP receive buffer (null for UMP).</summary>
    public Capability? EndpointCap { get; internal set; }
    public ulong Id => (ulong)Channel.Id * 2 + (ulong)Side;
    public Transport Transport => Channel.Transport;
    /// <summary>Serialises whole multi-unit sends of several threads (the C library takes it per message).</summary>
    public long Sends, Receives;
    bool closed;
    int waiter;   // the parked receiver's ReceiveWaiter.Id, 0: none (an int, so parking is a plain CAS, no GC write barrier)

    internal ChannelEnd(Channel channel, int side, int core, int pid, CapSystem caps, IMessageQueue inbox)
    {
        Channel = channel;
        Side = side;
        Core = core;
        Pid = pid;
        Caps = caps;
        Inbox = inbox;
        if (inbox is UmpRing ring)
        {
            ring.Import = wire => caps.Import(wire, out var cap) == Err.Ok ? cap : null;
            ring.Discard = wire => caps.Discard(wire);
        }
    }

    public bool IsClosed => Volatile.Read(ref closed);

    /// <summary>Puts a message into the peer's queue (never blocks). The capability, if any, must be kernel-held already.</summary>
    public IpcStatus Send(in IpcMessage message)
    {
        if (IsClosed) return IpcStatus.Closed;
        var m = message;
        bool traced = FastEventSource.IpcEnabled;
        if (traced) m.SentTicks = Stopwatch.GetTimestamp();
        var status = m.Cap is { } cap && Peer.Inbox is UmpRing ring ? Relay(ring, m, cap) : Peer.Inbox.TryEnqueue(m);
        if (status == IpcStatus.Ok)
        {
            Sends++;
            if (traced) FastEventSource.Log.IpcSend(Id, (int)Transport, m.Length * 8, Core, Pid, Peer.Core);
            Interlocked.MemoryBarrier();   // the message is visible before we look for a parked receiver (it re-checks after parking)
            Peer.TakeWaiter()?.Wake();
        }
        return status;
    }

    /// <summary>UMP with a capability: serialized into the message for the peer core's kernel; our kernel-held copy goes once it is out.</summary>
    IpcStatus Relay(UmpRing ring, in IpcMessage m, Capability cap)
    {
        int to = Peer.Caps.CoreId;
        if (cap.System.Export(cap, to, out var wire) != Err.Ok) return IpcStatus.CapError;
        var status = ring.TryEnqueue(m, wire, true);
        if (status != IpcStatus.Ok) cap.System.Unexport(wire, to);   // the caller still owns (and deletes) the copy
        else cap.System.Delete(cap);
        return status;
    }

    /// <summary>Counts and traces a message the kernel handed straight to a parked receiver of the peer end.</summary>
    public void SentDirect(in IpcMessage m)
    {
        Sends++;
        Peer.Receives++;
        if (FastEventSource.IpcEnabled)
        {
            FastEventSource.Log.IpcSend(Id, (int)Transport, m.Length * 8, Core, Pid, Peer.Core);
            FastEventSource.Log.IpcReceive(Peer.Id, (int)Transport, m.Length * 8, Peer.Core, Peer.Pid, 0);
        }
    }

    /// <summary>Parks a receiver on this end; false if another one is parked already.</summary>
    public bool TryPark(ReceiveWaiter w) => Interlocked.CompareExchange(ref waiter, w.Id, 0) == 0;

    /// <summary>The parked receiver, if any (it stays parked).</summary>
    public ReceiveWaiter? ParkedWaiter => ReceiveWaiter.Find(Volatile.Read(ref waiter));

    /// <summary>Takes this particular waiter off the end; false if someone else took it first.</summary>
    public bool Unpark(ReceiveWaiter w) => Interlocked.CompareExchange(ref waiter, 0, w.Id) == w.Id;

    /// <summary>Takes whatever receiver is parked (the caller must wake it).</summary>
    public ReceiveWaiter? TakeWaiter()
    {
        int id = Volatile.Read(ref waiter);
        return id != 0 && Interlocked.CompareExchange(ref waiter, 0, id) == id ? ReceiveWaiter.Find(id) : null;
    }

    /// <summary>Takes a waiting message, if any (UMP: after a bounded spin of spinMicroseconds).</summary>
    public bool TryReceive(out IpcMessage message, int spinMicroseconds = 0)
    {
        bool got = spinMicroseconds > 0 && Inbox is UmpRing ring ? ring.SpinDequeue(out message, spinMicroseconds) : Inbox.TryDequeue(out message);
        if (!got) return false;
        Receives++;
        if (FastEventSource.IpcEnabled)
            FastEventSource.Log.IpcReceive(Id, (int)Transport, message.Length * 8, Core, Pid,
                message.SentTicks == 0 ? 0 : Stopwatch.GetTimestamp() - message.SentTicks);
        return true;
    }

    /// <summary>Closes this end: the peer's sends fail from now on; undelivered capabilities are deleted.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref closed, true)) return;
        foreach (var m in Inbox.Close())
        {
            if (m.Cap is { } cap) cap.System.OnOwnCore(() => cap.System.Delete(cap));
            m.Bulk?.Return();
        }
        Peer.Inbox.Writable.WakeAll();   // a sender blocked on our full buffer sees Closed
        TakeWaiter()?.Wake();
        Peer.TakeWaiter()?.Wake();       // a receiver parked on the other end sees Closed
        if (EndpointCap is { } ep) ep.System.OnOwnCore(() => ep.System.Delete(ep));   // (its core's database: by message from elsewhere)
        Channel.EndClosed();
    }
}

/// <summary>A thread blocked receiving on one channel end: who it is (for a direct handoff on its core) and how to wake it.</summary>
public sealed class ReceiveWaiter
{
    // Every waiter has a small id (ends park ids, not references); one per thread that ever received,
    // kept for the life of the machine.
    static ReceiveWaiter?[] registry = new ReceiveWaiter?[64];   // replaced (bigger) under registryLock; read lock-free
    static int lastId;                                          // guarded by registryLock
    static readonly object registryLock = new();

    public int Id { get; }

    public ReceiveWaiter()
    {
        lock (registryLock)
        {
            Id = ++lastId;
            if (Id >= registry.Length)
            {
                var bigger = new ReceiveWaiter?[registry.Length * 2];
                registry.CopyTo(bigger, 0);
                Volatile.Write(ref registry, bigger);
            }
            Volatile.Write(ref registry[Id], this);
        }
    }

    /// <summary>The waiter with this id (0: none).</summary>
    public static ReceiveWaiter? Find(int id) => id == 0 ? null : Volatile.Read(ref registry)[id];

    public required Kernel.GuestThread Thread { get; init; }
    /// <summary>The personality's per-thread state (the native API's handle table and block generation).</summary>
    public required object Owner { get; init; }
    /// <summary>Makes the thread runnable; its receive re-executes (a no-op if it was woken otherwise already).</summary>
    public required Action Wake { get; init; }
}

public sealed class Channel
{
    static long nextId;
    public const int UmpSlotsPerDirection = 32;

    public long Id { get; } = Interlocked.Increment(ref nextId);
    public Transport Transport { get; }
    public ChannelEnd A { get; private set; } = null!;
    public ChannelEnd B { get; private set; } = null!;
    /// <summary>The database of the core that made the channel (an LMP channel's core; a UMP channel's frame).</summary>
    public CapSystem Caps { get; }
    /// <summary>UMP: the shared frame holding both rings, and the RAM it came from.</summary>
    public Capability? Frame { get; private set; }
    Capability? ram;
    MemoryManager? memory;
    int openEnds = 2;

    Channel(CapSystem caps, Transport transport)
    {
        Caps = caps;
        Transport = transport;
    }

    /// <summary>A same-core channel: each end receives into an LMP endpoint.</summary>
    public static Channel CreateLmp(CapSystem caps, int coreA, int pidA, int coreB, int pidB, int slots = LmpEndpoint.DefaultSlots)
    {
        var ch = new Channel(caps, Transport.Lmp);
        ch.A = new ChannelEnd(ch, 0, coreA, pidA, caps, new LmpEndpoint(slots));
        ch.B = new ChannelEnd(ch, 1, coreB, pidB, caps, new LmpEndpoint(slots));
        return ch;
    }

    /// <summary>A UMP channel whose two ends use one database (unit tests of a single core's kernel).</summary>
    public static Err CreateUmp(CapSystem caps, MemoryManager memory, int coreA, int pidA, int coreB, int pidB, out Channel channel) =>
        CreateUmp(caps, caps, memory, coreA, pidA, coreB, pidB, out channel);

    /// <summary>
    /// A cross-core channel: two rings in one frame allocated from memory (the creating core's memory
    /// manager, whose database is capsA); end A belongs to capsA's core kernel, end B to capsB's.
    /// </summary>
    public static unsafe Err CreateUmp(CapSystem capsA, CapSystem capsB, MemoryManager memory, int coreA, int pidA, int coreB, int pidB, out Channel channel)
    {
        channel = null!;
        var caps = capsA;
        const ulong ringBytes = UmpSlotsPerDirection * UmpRing.SlotBytes;
        const ulong size = 4 * ringBytes;   // 8 KiB: page 0 the two rings, page 1 their capability side lines
        var e = memory.Alloc(size, size, out var ram);
        if (e != Err.Ok) return e;
        e = caps.Retype(ram, 0, CapType.Frame, size, 1, SlotRef.KernelHeld, out var frames);   // zeroed by retype
        if (e != Err.Ok) { memory.Free(ram); return e; }
        var ch = new Channel(caps, Transport.Ump) { Frame = frames[0], ram = ram, memory = memory };
        byte* p = caps.Ram.HostPointer(frames[0].Base);
        // Ring 0 carries A → B (B receives from it), ring 1 B → A.
        ch.A = new ChannelEnd(ch, 0, coreA, pidA, capsA, new UmpRing(p + ringBytes, p + 3 * ringBytes, UmpSlotsPerDirection));
        ch.B = new ChannelEnd(ch, 1, coreB, pidB, capsB, new UmpRing(p, p + 2 * ringBytes, UmpSlotsPerDirection));
        channel = ch;
        return Err.Ok;
    }

    internal void EndClosed()
    {
        if (Interlocked.Decrement(ref openEnds) != 0) return;
        if (Frame is { } f)
        {
            var (mm, r) = (memory!, ram!);
            f.System.OnOwnCore(() =>
            {
                f.System.Delete(f);
                mm.Free(r);
            });
        }
    }
}
