// Pipe, part two: a pipe whose writer and reader run on different cores carries its bytes over the
// message layer — a UMP channel (os/Ipc: cache-line slots in a frame both cores share, published
// with barriers, the reader's core notified by IPI) made by the writer's core kernel the first time
// a write happens on another core than the one the reader last read on.
//
// A write on the UMP path reserves capacity (Used), then sends one message: the byte count in
// word 0 and up to 48 bytes inline in words 1..6, or, for more, the bytes as a bulk buffer riding
// on the message (the kernel's copy of a large message, NativeKernel.Bulk's mechanism). The
// reader's kernel drains the channel into the ring (under the pipe's lock, so there is one consumer)
// before every read; bytes still in flight (InFlight) keep a reader from seeing EOF and keep later
// writes on the UMP path, so a writer that moves to the reader's core cannot overtake its own
// bytes. The ring has 32 slots: when all are in flight a write is EAGAIN (a blocking writer waits
// on Writable, which also requires a free slot).
//
// Where code runs is Core.ExecutingId (the calling core's host thread); off any core (unit tests,
// the host) everything takes the local path unless a test plays a core.
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public sealed partial class Pipe
{
    readonly Func<int, int, Channel?>? crossCore;
    Channel? ump;              // made once under gate; its A end sends (writers), B receives (the reader, under gate)
    int inflight;              // bytes sent over ump not yet drained into the ring (Interlocked)
    volatile int readerCore = -1;
    public long UmpMessages, UmpBytes;

    /// <summary>True once bytes have travelled over the UMP channel (tests and /proc report it).</summary>
    public bool CrossedCores => Volatile.Read(ref UmpMessages) > 0;

    bool UmpHasRoom => ump?.B.Inbox is not UmpRing r || r.HasRoom;

    void NoteReader()
    {
        int me = Core.ExecutingId;
        if (me >= 0 && readerCore != me) readerCore = me;
    }

    bool CrossCoreWriter()
    {
        if (crossCore is null) return false;
        if (Volatile.Read(ref inflight) > 0) return true;   // keep order behind our own bytes in flight
        int me = Core.ExecutingId, reader = readerCore;
        return me >= 0 && reader >= 0 && me != reader;
    }

    long WriteCrossCore(ReadOnlySpan<byte> data)
    {
        if (readers == 0) return Errno.EPIPE.Neg();
        if (data.Length == 0) return 0;
        var ch = ump;
        if (ch is null)
        {
            lock (gate)
            {
                ump ??= crossCore!(Math.Max(Core.ExecutingId, 0), Math.Max(readerCore, 0));
                ch = ump;
            }
            if (ch is null) return WriteLocalFallback(data);   // no memory for a channel: the ring still works
        }
        int n = Reserve(data.Length);
        if (n == 0) return Errno.EAGAIN.Neg();
        var m = new IpcMessage { Length = IpcMessage.Words };
        m.W[0] = (ulong)n;
        if (n <= 6 * 8)
        {
            Span<byte> inline = stackalloc byte[6 * 8];
            data[..n].CopyTo(inline);
            for (int i = 0; i < 6; i++) m.W[1 + i] = BitConverter.ToUInt64(inline[(i * 8)..]);
        }
        else
        {
            m.Bulk = BulkBuffer.Rent(n);
            data[..n].CopyTo(m.Bulk.Data);
        }
        Interlocked.Add(ref inflight, n);
        var status = ch.A.Send(m);
        if (status != IpcStatus.Ok)
        {
            Interlocked.Add(ref inflight, -n);
            Interlocked.Add(ref used, -n);
            m.Bulk?.Return();
            return status == IpcStatus.Closed ? Errno.EPIPE.Neg() : Errno.EAGAIN.Neg();
        }
        Interlocked.Increment(ref UmpMessages);
        Interlocked.Add(ref UmpBytes, n);
        Readable.WakeAll();
        return n;
    }

    long WriteLocalFallback(ReadOnlySpan<byte> data)
    {
        long n;
        lock (gate)
        {
            n = Reserve(data.Length);
            if (n == 0) return Errno.EAGAIN.Neg();
            ring.Write(data[..(int)n]);
        }
        Readable.WakeAll();
        return n;
    }

    /// <summary>Moves arrived messages into the ring (under gate: the single consumer of the channel).</summary>
    void Drain()
    {
        var ch = ump;
        if (ch is null) return;
        Span<byte> inline = stackalloc byte[6 * 8];
        while (ch.B.TryReceive(out var m))
        {
            int n = (int)m.W[0];
            if (m.Bulk is { } bulk)
            {
                ring.Write(bulk.Data.AsSpan(0, n));
                bulk.Return();
            }
            else
            {
                for (int i = 0; i < 6; i++) BitConverter.TryWriteBytes(inline[(i * 8)..], m.W[1 + i]);
                ring.Write(inline[..n]);
            }
            Interlocked.Add(ref inflight, -n);
        }
    }

    /// <summary>Both sides closed: the channel's frame goes back (under gate).</summary>
    void CloseChannel()
    {
        if (ump is not { } ch) return;
        ch.A.Close();
        ch.B.Close();
    }
}
