// UmpRing: one direction of a cross-core channel (Barrelfish's UMP): a ring of 64-byte
// cache-line slots in a frame both sides share. A slot is 7 payload words and a control word;
// the sender fills the payload, then publishes the control word last (a release store after a
// full barrier), and the receiver reads the control word with an acquire load before the
// payload, then frees the slot by clearing the control word (the acknowledgement the sender
// polls before reusing it). Exactly one producer and one consumer touch the ring at a time
// (the channel ends serialise senders and receivers of several threads with a lock each).
//
// Capabilities are relayed by the kernels (CapSystem.Remote): the sending kernel serializes the
// capability (a CapWire) into the slot's side line — a second cache line at the same index in the
// frame's second page, written before the control word like the payload — and the receiving
// kernel re-creates it in its own database (Import) as it takes the message. A bulk buffer (the
// kernel's host copy of a large message) rides in a side table indexed by slot.
//
// Notification: a receiver that finds the ring empty spins for a bounded time, then blocks on
// Readable; the sender wakes Readable's waiters after publishing, and the channel turns that
// wake into an inter-processor notification to the receiver's core (Channel.cs).
using System.Runtime.CompilerServices;
using Fast.Os.Capabilities;
using Fast.Os.Vfs;

namespace Fast.Os.Ipc;

public sealed unsafe class UmpRing : IMessageQueue
{
    public const int SlotBytes = 64;
    const ulong Valid = 1UL << 63, HasCap = 1UL << 8, HasBulk = 1UL << 9;

    readonly ulong* slots;      // the shared frame, as the host sees it
    readonly ulong* capLines;   // one side line per slot for a serialized capability
    readonly int slotCount;
    readonly BulkBuffer?[] bulksInFlight;
    readonly long[] sentTicks;
    int sendIndex, receiveIndex;          // private to the producer / the consumer
    readonly object producer = new(), consumer = new();
    volatile bool closed;

    /// <summary>The receiving kernel's relay: re-creates a serialized capability in its database (null: refused).</summary>
    public Func<CapWire, Capability?>? Import { get; set; }
    /// <summary>The receiving kernel's answer to a serialized capability never received (the channel closed).</summary>
    public Action<CapWire>? Discard { get; set; }

    /// <param name="memory">Host pointer to slotCount * 64 bytes of the shared frame, zeroed.</param>
    /// <param name="capLines">Host pointer to slotCount * 64 more bytes of it, for serialized capabilities.</param>
    public UmpRing(byte* memory, byte* capLines, int slotCount)
    {
        if ((((ulong)memory | (ulong)capLines) & 63) != 0) throw new ArgumentException("a UMP ring must be cache-line aligned");
        slots = (ulong*)memory;
        this.capLines = (ulong*)capLines;
        this.slotCount = slotCount;
        bulksInFlight = new BulkBuffer?[slotCount];
        sentTicks = new long[slotCount];
        Readable = new WaitQueue(() => HasMessage || closed);
        Writable = new WaitQueue(() => HasRoom || closed);
    }

    public Transport Transport => Transport.Ump;
    public WaitQueue Readable { get; }
    public WaitQueue Writable { get; }
    public bool IsClosed => closed;
    public int SlotCount => slotCount;

    ulong* Control(int slot) => slots + slot * 8 + 7;

    public bool HasMessage => (Volatile.Read(ref *Control(Volatile.Read(ref receiveIndex))) & Valid) != 0;
    public bool HasRoom => (Volatile.Read(ref *Control(Volatile.Read(ref sendIndex))) & Valid) == 0;

    /// <summary>A message without a capability (one with a capability goes through the relaying overload).</summary>
    public IpcStatus TryEnqueue(in IpcMessage message) =>
        message.Cap is null ? TryEnqueue(message, default, false) : IpcStatus.Invalid;

    /// <summary>Publishes a message, with a serialized capability in the slot's side line if hasCap.</summary>
    public IpcStatus TryEnqueue(in IpcMessage message, in CapWire cap, bool hasCap)
    {
        if ((uint)message.Length > IpcMessage.Words) return IpcStatus.Invalid;
        lock (producer)
        {
            if (closed) return IpcStatus.Closed;
            int slot = sendIndex;
            ulong* control = Control(slot);
            if ((Volatile.Read(ref *control) & Valid) != 0) return IpcStatus.BufferFull;   // not yet acknowledged
            ulong* p = slots + slot * 8;
            for (int i = 0; i < IpcMessage.Words; i++) p[i] = message.W[i];
            if (hasCap) cap.Write(capLines + slot * 8);
            bulksInFlight[slot] = message.Bulk;
            sentTicks[slot] = message.SentTicks;
            Interlocked.MemoryBarrier();   // payload before control word (dmb ish)
            Volatile.Write(ref *control, Valid | (hasCap ? HasCap : 0) | (message.Bulk is null ? 0 : HasBulk) | (uint)message.Length);
            sendIndex = (slot + 1) % slotCount;
        }
        Readable.WakeAll();
        return IpcStatus.Ok;
    }

    /// <summary>Takes a message; a serialized capability in it is relayed by Import into message.Cap.</summary>
    public bool TryDequeue(out IpcMessage message)
    {
        if (!TryDequeue(out message, out var wire, out bool hasCap)) return false;
        if (hasCap) message.Cap = Import?.Invoke(wire);
        return true;
    }

    bool TryDequeue(out IpcMessage message, out CapWire cap, out bool hasCap)
    {
        message = default;
        cap = default;
        hasCap = false;
        lock (consumer)
        {
            int slot = receiveIndex;
            ulong* control = Control(slot);
            ulong c = Volatile.Read(ref *control);   // acquire: the payload is visible after this
            if ((c & Valid) == 0) return false;
            ulong* p = slots + slot * 8;
            for (int i = 0; i < IpcMessage.Words; i++) message.W[i] = p[i];
            message.Length = (int)(c & 0xF);
            if ((c & HasCap) != 0) { cap = CapWire.Read(capLines + slot * 8); hasCap = true; }
            if ((c & HasBulk) != 0) { message.Bulk = bulksInFlight[slot]; bulksInFlight[slot] = null; }
            message.SentTicks = sentTicks[slot];
            Interlocked.MemoryBarrier();   // payload read before the slot is handed back
            Volatile.Write(ref *control, 0);
            Volatile.Write(ref receiveIndex, (slot + 1) % slotCount);
        }
        Writable.WakeAll();
        return true;
    }

    /// <summary>Polls for a message for at most spinMicroseconds of host time (the bounded spin before blocking).</summary>
    public bool SpinDequeue(out IpcMessage message, int spinMicroseconds)
    {
        // SpinOnce backs off and, after a few rounds, yields the host CPU: on an overcommitted host the
        // sender's vCPU thread may need the very CPU this receiver spins on.
        long until = System.Diagnostics.Stopwatch.GetTimestamp() + spinMicroseconds * System.Diagnostics.Stopwatch.Frequency / 1_000_000;
        var spinner = new SpinWait();
        while (true)
        {
            if (HasMessage && TryDequeue(out message)) return true;
            if (closed || System.Diagnostics.Stopwatch.GetTimestamp() >= until) return TryDequeue(out message);
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    public IpcMessage[] Close()
    {
        closed = true;
        var left = new IpcMessage[4];
        int n = 0;
        while (TryDequeue(out var m, out var wire, out bool hasCap))
        {
            if (hasCap) Discard?.Invoke(wire);
            if (n == left.Length)
            {
                var grown = new IpcMessage[n * 2];
                Array.Copy(left, grown, n);
                left = grown;
            }
            left[n++] = m;
        }
        if (n != left.Length)
        {
            var exact = new IpcMessage[n];
            Array.Copy(left, exact, n);
            left = exact;
        }
        Readable.WakeAll();
        Writable.WakeAll();
        return left;
    }
}
