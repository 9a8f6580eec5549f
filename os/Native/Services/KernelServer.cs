// KernelServer: an OS service run by one core's kernel (memory server, process manager, serial
// server) and reached exactly as a guest server is — its name is in the nameserver, a lookup
// makes a real LMP (same core) or UMP (other core) channel, and the client speaks the C
// library's message layer and RPC payloads over it (aos_rpc_get_ram_cap and friends in
// os/user/lib/aos.c). The server's end of each connection belongs to the kernel of the service's
// core: a message arriving on it posts a mailbox message to that core (an IPI, even from the same
// core), and the core drains the connection on its own thread — reassembling the units of a
// message (inline units, a kernel-copied bulk buffer, a frame; a capability on the first unit or
// in a unit of its own) — hands complete requests to Handle, and sends the replies back: one unit
// when the payload fits, else a bulk buffer. A handler may answer later (Reply) instead of at once
// (a process manager's wait).
//
// Threading: a connection's state is touched only on its service core's thread (Drain); Reply may
// be called from any thread (it only sends).
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Nameserver;

namespace Fast.Os.Native.Services;

public abstract class KernelServer
{
    const ulong Magic = 0xA05UL << 52, FrameFlag = 1UL << 48, CapUnit = 2UL << 48, BulkFlag = 4UL << 48, LengthMask = (1UL << 48) - 1;
    const int InlineBytes = 48, UnitBytes = 56;

    protected NativeKernel Native { get; }
    public CoreKernel Kernel { get; }
    public Service Service { get; }
    public long Requests;
    readonly List<Connection> connections = new();   // guarded by itself

    protected KernelServer(NativeKernel native, CoreKernel kernel, string name)
    {
        Native = native;
        Kernel = kernel;
        Service = new Service(name, kernel.Id, 0) { KernelAccept = Accept };
    }

    /// <summary>A complete request from the client process clientPid (capability, if any, kernel-held); null: the handler replies later.</summary>
    protected abstract Reply? Handle(Connection from, byte[] request, Capability? cap);

    public sealed record Reply(byte[] Payload, Capability? Cap = null);

    public sealed class Connection(KernelServer server, ChannelEnd end)
    {
        public KernelServer Server { get; } = server;
        public ChannelEnd End { get; } = end;
        public int ClientPid => End.Peer.Pid;
        public int ClientCore => End.Peer.Core;
        internal int Scheduled;
        // Reassembly of the message in progress (only on the service core's thread).
        internal byte[]? Buffer;
        internal int Have, Total;
        internal Capability? Cap;
        internal bool AwaitingCapUnit;
    }

    void Accept(ChannelEnd serverEnd)
    {
        var c = new Connection(this, serverEnd);
        lock (connections) connections.Add(c);
        Signal(c);
    }

    void Signal(Connection c)
    {
        if (Interlocked.Exchange(ref c.Scheduled, 1) == 0) Kernel.Post(() => Drain(c));
    }

    void Drain(Connection c)
    {
        Volatile.Write(ref c.Scheduled, 0);
        while (c.End.TryReceive(out var unit)) Take(c, unit);
        if (c.End.Peer.IsClosed)
        {
            Drop(c);
            return;
        }
        c.End.Inbox.Readable.AddWaiter(() => Signal(c));
    }

    void Drop(Connection c)
    {
        lock (connections) connections.Remove(c);
        if (c.Cap is { } cap) cap.System.Delete(cap);
        c.Cap = null;
        c.End.Close();
    }

    /// <summary>Closes the connections of a process that exited.</summary>
    public void OnProcessExit(int pid)
    {
        List<Connection> gone;
        lock (connections) gone = connections.Where(c => c.ClientPid == pid).ToList();
        foreach (var c in gone) Kernel.Post(() => Drop(c));
    }

    unsafe void Take(Connection c, IpcMessage unit)
    {
        if (c.AwaitingCapUnit)
        {
            c.AwaitingCapUnit = false;
            c.Cap = unit.Cap;
            Complete(c);
            return;
        }
        if (c.Buffer is null)
        {
            ulong head = unit.W[0];
            if ((head >> 52) != 0xA05 || unit.Length < 1)
            {
                Discard(unit);
                return;
            }
            c.Total = (int)Math.Min(head & LengthMask, int.MaxValue);
            c.Buffer = new byte[c.Total];
            c.Have = 0;
            if ((head & BulkFlag) != 0)
            {
                if (unit.Bulk is not { } bulk || bulk.Length < c.Total) { Discard(unit); c.Buffer = null; return; }
                bulk.Data.AsSpan(0, c.Total).CopyTo(c.Buffer);
                bulk.Return();
                c.Have = c.Total;
            }
            else if ((head & FrameFlag) != 0)
            {
                if (unit.Cap is not { Type: CapType.Frame } frame || frame.Size < (ulong)c.Total) { Discard(unit); c.Buffer = null; return; }
                new ReadOnlySpan<byte>(Native.Caps.Ram.HostPointer(frame.Base), c.Total).CopyTo(c.Buffer);
                frame.System.Delete(frame);
                c.Have = c.Total;
                unit.Cap = null;
            }
            else
            {
                c.Cap = unit.Cap;
                c.Have = Math.Min(c.Total, InlineBytes);
                Words(unit).AsSpan(8, c.Have).CopyTo(c.Buffer);
            }
            if ((head & (BulkFlag | FrameFlag)) != 0 && (head & CapUnit) != 0)
            {
                c.AwaitingCapUnit = true;
                return;
            }
        }
        else
        {
            int n = Math.Min(UnitBytes, c.Total - c.Have);
            Words(unit).AsSpan(0, n).CopyTo(c.Buffer.AsSpan(c.Have));
            c.Have += n;
            Discard(unit);
        }
        if (c.Have == c.Total) Complete(c);
    }

    static byte[] Words(in IpcMessage unit)
    {
        var b = new byte[IpcMessage.Bytes];
        for (int i = 0; i < IpcMessage.Words; i++) BitConverter.TryWriteBytes(b.AsSpan(i * 8), unit.W[i]);
        return b;
    }

    void Discard(in IpcMessage unit)
    {
        if (unit.Cap is { } cap) cap.System.Delete(cap);
        unit.Bulk?.Return();
    }

    void Complete(Connection c)
    {
        var request = c.Buffer!;
        var cap = c.Cap;
        c.Buffer = null;
        c.Cap = null;
        Interlocked.Increment(ref Requests);
        Reply? reply;
        try { reply = Handle(c, request, cap); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            reply = new Reply(new RpcWriter().I64((long)IpcStatus.Invalid).ToArray());
        }
        if (reply is not null) Send(c, reply);
    }

    /// <summary>Answers a request (now or later, from any thread).</summary>
    public void Send(Connection c, Reply reply)
    {
        var p = reply.Payload;
        var m = new IpcMessage();
        if (p.Length <= InlineBytes)
        {
            m.Length = 1 + (p.Length + 7) / 8;
            m.W[0] = Magic | (ulong)p.Length;
            var padded = new byte[InlineBytes];
            p.CopyTo(padded, 0);
            for (int i = 1; i < m.Length; i++) m.W[i] = BitConverter.ToUInt64(padded, (i - 1) * 8);
            m.Cap = reply.Cap;
            Post(c, m);
            return;
        }
        var bulk = BulkBuffer.Rent(p.Length);
        p.CopyTo(bulk.Data, 0);
        m.Length = 2;
        m.W[0] = Magic | BulkFlag | (reply.Cap is null ? 0 : CapUnit) | (ulong)p.Length;
        m.W[1] = (ulong)p.Length;
        m.Bulk = bulk;
        Post(c, m);
        if (reply.Cap is { } cap) Post(c, new IpcMessage { Cap = cap });
    }

    void Post(Connection c, in IpcMessage m)
    {
        // A client keeps one request outstanding per channel (the RPC layer's lock), so its buffer has room.
        if (c.End.Send(m) == IpcStatus.Ok) return;
        Discard(m);
    }

    protected static Reply Status(IpcStatus s) => new(new RpcWriter().I64((long)s).ToArray());
}
