// IpcMessage: the unit every channel carries — a fixed number of 64-bit words (Words = 7, so that
// a UMP slot is exactly one 64-byte cache line: 7 payload words and a control word) plus at most
// one capability. Longer messages are the message-passing layer's business (os/user/lib/aos_rpc.c
// splits them into several units, or into a frame for large payloads).
//
// BulkBuffer: a large message's bytes in flight. The sending kernel copies them out of the
// sender's address space into a pooled host buffer that rides on one unit (like a capability);
// the receiving kernel copies them into the receiver's memory when it asks (NativeKernel.Bulk),
// so a large RPC costs two host memcpys instead of a guest copy word by word.
//
// IpcStatus: the results the native API returns to guests (negative numbers in X0); the values
// are the ones os/user/include/aos/aos.h declares.
using System.Runtime.CompilerServices;
using Fast.Os.Capabilities;

namespace Fast.Os.Ipc;

public enum Transport : byte { Lmp = 1, Ump = 2 }

public enum IpcStatus
{
    Ok = 0,
    /// <summary>The receiver's buffer is full (non-blocking send): the sender sees this error.</summary>
    BufferFull = -1,
    /// <summary>No message is waiting (non-blocking receive).</summary>
    Empty = -2,
    /// <summary>The other end was closed (its process exited or it closed the channel).</summary>
    Closed = -3,
    /// <summary>Too many words, or another malformed argument.</summary>
    Invalid = -4,
    /// <summary>The handle names nothing, or the wrong kind of object.</summary>
    BadHandle = -5,
    NotFound = -6,
    Exists = -7,
    OutOfMemory = -8,
    TimedOut = -9,
    CapError = -10,
    Fault = -11,
}

[InlineArray(IpcMessage.Words)]
public struct MessageWords
{
    ulong first;
}

public struct IpcMessage
{
    public const int Words = 7;
    public const int Bytes = Words * 8;

    public MessageWords W;
    /// <summary>How many of the words are meaningful (0..Words).</summary>
    public int Length;
    /// <summary>The capability in flight: a kernel-held copy made by the sending kernel.</summary>
    public Capability? Cap;
    /// <summary>A bulk payload in flight (the kernel's copy of a large message's bytes), or null.</summary>
    public BulkBuffer? Bulk;
    /// <summary>Host timestamp of the send (for the IpcReceive latency event).</summary>
    public long SentTicks;

    public static IpcMessage Of(params ulong[] words)
    {
        if (words.Length > Words) throw new ArgumentException("too many words");
        var m = new IpcMessage { Length = words.Length };
        for (int i = 0; i < words.Length; i++) m.W[i] = words[i];
        return m;
    }
}

public sealed class BulkBuffer(byte[] data, int length)
{
    public byte[] Data { get; private set; } = data;
    public int Length { get; } = length;

    public static BulkBuffer Rent(int length) => new(System.Buffers.ArrayPool<byte>.Shared.Rent(length), length);

    /// <summary>Gives the buffer back to the pool (once; the object is dead afterwards).</summary>
    public void Return()
    {
        var d = Data;
        Data = [];
        if (d.Length > 0) System.Buffers.ArrayPool<byte>.Shared.Return(d);
    }
}
