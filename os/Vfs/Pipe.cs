// Pipes: a bounded ring buffer (64 KiB, as Linux) shared by a read end and a write end.
// Reads of an empty pipe return 0 once every writer has closed, -EAGAIN otherwise; writes return
// -EPIPE once every reader has closed (the kernel also sends SIGPIPE), and -EAGAIN when the data
// does not fit: writes of at most PIPE_BUF bytes are atomic (all or -EAGAIN), larger ones need PIPE_BUF
// free bytes (Linux: a free page slot), write what fits and return the count (a blocking writer waits and continues with the rest, as Linux does).
// One lock guards the ring and the reader/writer counts; wake-ups run after it is released.
//
// Cores: the ring is the reader's side. A writer on the reader's core copies into it directly (the
// local path, LMP-like: one kernel copies); a writer on another core sends its bytes as messages
// over the pipe's UMP channel instead (Pipe.CrossCore.cs), which the reader's kernel drains into
// the ring when it reads. Capacity is accounted in Used (ring bytes + bytes in flight), reserved
// atomically by writers of either path, so the ring always has room for what arrives.
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

/// <summary>A fixed-capacity byte FIFO (not thread-safe; the owner locks).</summary>
public sealed class ByteRing
{
    byte[] buf;
    int head, count;

    public ByteRing(int capacity) => buf = new byte[capacity];

    public int Capacity => buf.Length;
    public int Count => count;
    public int Free => buf.Length - count;

    public int Write(ReadOnlySpan<byte> data)
    {
        int n = Math.Min(data.Length, Free);
        int tail = (head + count) % buf.Length;
        int first = Math.Min(n, buf.Length - tail);
        data[..first].CopyTo(buf.AsSpan(tail));
        data[first..n].CopyTo(buf);
        count += n;
        return n;
    }

    public int Read(Span<byte> dst)
    {
        int n = Math.Min(dst.Length, count);
        int first = Math.Min(n, buf.Length - head);
        buf.AsSpan(head, first).CopyTo(dst);
        buf.AsSpan(0, n - first).CopyTo(dst[first..]);
        head = (head + n) % buf.Length;
        count -= n;
        return n;
    }

    /// <summary>Changes the capacity (not below Count).</summary>
    public void Resize(int capacity)
    {
        var nb = new byte[capacity];
        int n = Read(nb);
        buf = nb; head = 0; count = n;
    }
}

public sealed partial class Pipe
{
    static long nextIno = 1000;
    readonly object gate = new();
    readonly ByteRing ring = new(PipeAbi.DefaultCapacity);
    volatile int readers, writers;   // written under gate
    volatile int capacity = PipeAbi.DefaultCapacity;   // written under gate
    int used;   // bytes in the ring plus bytes in flight on the UMP channel (Interlocked)

    /// <param name="crossCore">Makes the UMP channel (from the writer's core to the reader's) when they first differ; null: always local.</param>
    public Pipe(Func<int, int, Ipc.Channel?>? crossCore = null)
    {
        this.crossCore = crossCore;
        Ino = (ulong)Interlocked.Increment(ref nextIno);
        Readable = new WaitQueue(() => { lock (gate) return ring.Count > 0 || Volatile.Read(ref inflight) > 0 || writers == 0; });
        // Writers wake when a PIPE_BUF-sized chunk fits (Linux: a free page slot) or readers are gone.
        Writable = new WaitQueue(() => (capacity - Volatile.Read(ref used) >= PipeAbi.PIPE_BUF && UmpHasRoom) || readers == 0);
    }

    public ulong Ino { get; }
    public WaitQueue Readable { get; }
    public WaitQueue Writable { get; }

    /// <summary>Creates the two ends (pipe2's flags O_NONBLOCK/O_DIRECT land in their status flags).</summary>
    public static (PipeEnd Read, PipeEnd Write) Create(int flags = 0, Func<int, int, Ipc.Channel?>? crossCore = null)
    {
        var p = new Pipe(crossCore);
        int extra = flags & (int)(OpenFlags.O_NONBLOCK | OpenFlags.O_DIRECT);
        lock (p.gate) { p.readers = 1; p.writers = 1; }
        return (new PipeEnd(p, false, (int)OpenFlags.O_RDONLY | extra), new PipeEnd(p, true, (int)OpenFlags.O_WRONLY | extra));
    }

    public int Capacity { get { lock (gate) return ring.Capacity; } }
    public int Available
    {
        get
        {
            int n;
            lock (gate) { Drain(); n = ring.Count; }
            Writable.WakeAll();   // draining may have freed channel slots a writer waits for
            return n;
        }
    }

    internal long Read(Span<byte> dst)
    {
        long n;
        NoteReader();
        lock (gate)
        {
            if (dst.Length == 0) return 0;
            Drain();
            if (ring.Count == 0) return writers == 0 && Volatile.Read(ref inflight) == 0 ? 0 : Errno.EAGAIN.Neg();
            n = ring.Read(dst);
            Interlocked.Add(ref used, (int)-n);
        }
        Writable.WakeAll();
        return n;
    }

    internal long Write(ReadOnlySpan<byte> data)
    {
        if (CrossCoreWriter()) return WriteCrossCore(data);
        long n;
        lock (gate)
        {
            if (readers == 0) return Errno.EPIPE.Neg();
            if (data.Length == 0) return 0;
            n = Reserve(data.Length);
            if (n == 0) return Errno.EAGAIN.Neg();
            ring.Write(data[..(int)n]);
        }
        Readable.WakeAll();
        return n;
    }

    /// <summary>Claims room for up to want bytes (all of them if want &lt;= PIPE_BUF, else at least PIPE_BUF); 0 if there is none.</summary>
    int Reserve(int want)
    {
        int atLeast = Math.Min(want, PipeAbi.PIPE_BUF);
        while (true)
        {
            int u = Volatile.Read(ref used), free = capacity - u;
            if (free < atLeast) return 0;
            int n = Math.Min(want, free);
            if (Interlocked.CompareExchange(ref used, u + n, u) == u) return n;
        }
    }

    internal long SetCapacity(int size)
    {
        if (size <= 0 || size > 1 << 20) return Errno.EINVAL.Neg();
        int cap = Math.Max(4096, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size));
        lock (gate)
        {
            Drain();
            if (cap < Volatile.Read(ref used)) return Errno.EBUSY.Neg();
            ring.Resize(cap);
            capacity = cap;
        }
        Writable.WakeAll();
        return cap;
    }

    internal void Closed(bool writeEnd)
    {
        lock (gate)
        {
            if (writeEnd) writers--; else readers--;
            if (readers == 0 && writers == 0) CloseChannel();
        }
        // Readers see EOF, writers see EPIPE: wake both sides.
        Readable.WakeAll();
        Writable.WakeAll();
    }

    internal void Opened(bool writeEnd)
    {
        lock (gate) { if (writeEnd) writers++; else readers++; }
    }
}

/// <summary>One end of a pipe, an open file description.</summary>
public sealed class PipeEnd : OpenFile
{
    public PipeEnd(Pipe pipe, bool writeEnd, int flags) : base(flags, $"pipe:[{pipe.Ino}]")
    {
        Pipe = pipe;
        IsWriteEnd = writeEnd;
    }

    public Pipe Pipe { get; }
    public bool IsWriteEnd { get; }

    public override long Read(Span<byte> buffer) => IsWriteEnd ? Errno.EBADF.Neg() : Pipe.Read(buffer);
    public override long Write(ReadOnlySpan<byte> data) => IsWriteEnd ? Pipe.Write(data) : Errno.EBADF.Neg();
    public override IWaitable? ReadWaitable => IsWriteEnd ? null : Pipe.Readable;
    public override IWaitable? WriteWaitable => IsWriteEnd ? Pipe.Writable : null;

    public override long Stat(out StatInfo st)
    {
        st = StatInfo.Synthetic(StatMode.S_IFIFO | 0x180, Pipe.Ino);
        st.DevMinor = 0xd;
        st.BlkSize = 4096;
        return 0;
    }

    public override long Ioctl(uint request, Span<byte> arg)
    {
        if (request == IoctlCmd.FIONREAD && arg.Length >= 4)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(arg, Pipe.Available);
            return 0;
        }
        return Errno.ENOTTY.Neg();
    }

    protected override void OnLastClose() => Pipe.Closed(IsWriteEnd);
}
