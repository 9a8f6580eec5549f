// LmpEndpoint: the receive buffer of a same-core, kernel-mediated channel (Barrelfish's LMP
// endpoint). The sender's kernel copies the message words (and a kernel-held copy of the
// capability) straight into the buffer of the receiver's endpoint; a full buffer is an error the
// sender sees (IpcStatus.BufferFull) or, for a blocking send, waits on Writable.
//
// An endpoint is named by an Endpoint capability (retyped from the owner's Dispatcher
// capability, CapTypes); the capability object's Payload is the LmpEndpoint.
//
// Locking: one lock around the ring; the wait queues are woken outside it.
using Fast.Os.Vfs;

namespace Fast.Os.Ipc;

/// <summary>A bounded queue of messages one side of a channel receives from.</summary>
public interface IMessageQueue
{
    Transport Transport { get; }
    IpcStatus TryEnqueue(in IpcMessage message);
    bool TryDequeue(out IpcMessage message);
    /// <summary>Ready while a message is waiting (or the queue is closed).</summary>
    WaitQueue Readable { get; }
    /// <summary>Ready while there is room (or the queue is closed).</summary>
    WaitQueue Writable { get; }
    bool IsClosed { get; }
    bool HasMessage { get; }
    /// <summary>Closes the queue: further sends fail; waiters wake. Returns the messages never received
    /// (an array: List of this struct is a framework generic the runtime JIT-compiles at first use).</summary>
    IpcMessage[] Close();
}

public sealed class LmpEndpoint : IMessageQueue
{
    public const int DefaultSlots = 16;

    readonly IpcMessage[] ring;
    int head, count;            // guarded by ring
    volatile bool closed;

    public LmpEndpoint(int slots = DefaultSlots)
    {
        if (slots < 1) throw new ArgumentOutOfRangeException(nameof(slots));
        ring = new IpcMessage[slots];
        Readable = new WaitQueue(() => Volatile.Read(ref count) > 0 || closed);
        Writable = new WaitQueue(() => Volatile.Read(ref count) < ring.Length || closed);
    }

    public Transport Transport => Transport.Lmp;
    public WaitQueue Readable { get; }
    public WaitQueue Writable { get; }
    public bool IsClosed => closed;
    public bool HasMessage => Volatile.Read(ref count) > 0;
    public int Capacity => ring.Length;
    public int Count { get { lock (ring) return count; } }

    public IpcStatus TryEnqueue(in IpcMessage message)
    {
        if ((uint)message.Length > IpcMessage.Words) return IpcStatus.Invalid;
        lock (ring)
        {
            if (closed) return IpcStatus.Closed;
            if (count == ring.Length) return IpcStatus.BufferFull;
            ring[(head + count) % ring.Length] = message;
            Volatile.Write(ref count, count + 1);
        }
        Readable.WakeAll();
        return IpcStatus.Ok;
    }

    public bool TryDequeue(out IpcMessage message)
    {
        // Empty: no lock (a message being enqueued now is seen by the receiver's re-check after parking).
        if (Volatile.Read(ref count) == 0) { message = default; return false; }
        lock (ring)
        {
            if (count == 0) { message = default; return false; }
            message = ring[head];
            ring[head] = default;
            head = (head + 1) % ring.Length;
            Volatile.Write(ref count, count - 1);
        }
        Writable.WakeAll();
        return true;
    }

    public IpcMessage[] Close()
    {
        IpcMessage[] left;
        lock (ring)
        {
            closed = true;
            left = new IpcMessage[count];
            for (int i = 0; count > 0; i++)
            {
                left[i] = ring[head];
                ring[head] = default;
                head = (head + 1) % ring.Length;
                count--;
            }
        }
        Readable.WakeAll();
        Writable.WakeAll();
        return left;
    }
}
