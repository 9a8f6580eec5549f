// RpcPayload: the C library's generic RPC payload format (os/user/lib/aos.c, aos_put_* / aos_get_*)
// read and written by the kernel's own servers: a sequence of tagged fields — 1 = u64 (8 bytes,
// little-endian), 2 = string (u64 length counting the NUL, then the bytes), 3 = byte buffer (u64
// length, bytes), 4 = capability (no bytes: the capability rides on the message). The framing of
// a payload into channel units is RpcFraming's.
using System.Buffers.Binary;
using System.Text;
using Fast.Runtime;

namespace Fast.Os.Native.Services;

public enum RpcTag : byte { U64 = 1, Str = 2, Bytes = 3, Cap = 4 }

/// <summary>Reads the fields of a received payload in order; a field of the wrong kind is a protocol error (false).</summary>
public ref struct RpcReader(ReadOnlySpan<byte> data)
{
    readonly ReadOnlySpan<byte> data = data;
    int at;

    public bool TryU64(out ulong value)
    {
        value = 0;
        if (at + 9 > data.Length || data[at] != (byte)RpcTag.U64) return false;
        value = BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 1)..]);
        at += 9;
        return true;
    }

    public bool TryStr(out string value)
    {
        value = "";
        if (at + 9 > data.Length || data[at] != (byte)RpcTag.Str) return false;
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 1)..]);
        if (n == 0 || n > (ulong)(data.Length - at - 9) || data[at + 9 + (int)n - 1] != 0) return false;
        value = Latin1Text.GetString(data.Slice(at + 9, (int)n - 1));
        at += 9 + (int)n;
        return true;
    }

    public bool TryCap()
    {
        if (at >= data.Length || data[at] != (byte)RpcTag.Cap) return false;
        at++;
        return true;
    }
}

/// <summary>Builds a payload to send (the reply of a kernel server).</summary>
public sealed class RpcWriter
{
    readonly MemoryStream buffer = new();

    public RpcWriter U64(ulong v)
    {
        Span<byte> b = stackalloc byte[9];
        b[0] = (byte)RpcTag.U64;
        BinaryPrimitives.WriteUInt64LittleEndian(b[1..], v);
        buffer.Write(b);
        return this;
    }

    public RpcWriter I64(long v) => U64(unchecked((ulong)v));

    public RpcWriter Str(string s)
    {
        var bytes = Latin1Text.GetBytes(s);
        Span<byte> b = stackalloc byte[9];
        b[0] = (byte)RpcTag.Str;
        BinaryPrimitives.WriteUInt64LittleEndian(b[1..], (ulong)bytes.Length + 1);
        buffer.Write(b);
        buffer.Write(bytes);
        buffer.WriteByte(0);
        return this;
    }

    public RpcWriter Cap()
    {
        buffer.WriteByte((byte)RpcTag.Cap);
        return this;
    }

    public byte[] ToArray() => buffer.ToArray();
}
