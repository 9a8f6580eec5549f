// NativeKernel.Bulk: large messages copied by the kernel. ChanSendBulk (X0 = end, X1 = the unit's
// first word, X2 = address, X3 = length, X4 = flags) copies the sender's bytes into a pooled host
// buffer (BulkBuffer) and sends a two-word unit [X1, length] carrying it; the receiver gets the
// buffer as a handle in X1 (where a capability would be) and BulkRead (X0 = handle, X1 = address,
// X2 = length) copies it into its own memory and drops the handle. The C library's message layer
// uses this for payloads above AOS_FRAME_THRESHOLD; frames stay for memory both sides keep mapped.
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Process;
using Fast.Runtime;

namespace Fast.Os.Native;

public sealed unsafe partial class NativeKernel
{
    /// <summary>The largest bulk payload (larger ones go in frames).</summary>
    public const int MaxBulk = 256 << 20;

    Resume SendBulk(Vcpu cpu, Core core, GuestThread thread, GuestProcess process, NativeProcess np)
    {
        CpuState* c = cpu.State;
        var end = np.Get<ChannelEnd>((long)c->X[0]);
        if (end is null) return Done(c, (long)IpcStatus.BadHandle);
        ulong length = c->X[3];
        if (length > MaxBulk) return Done(c, (long)IpcStatus.Invalid);
        if (end.IsClosed || end.Peer.IsClosed) return Done(c, (long)IpcStatus.Closed);
        var bulk = BulkBuffer.Rent((int)length);
        if (process.User.Read(c->X[2], bulk.Data.AsSpan(0, (int)length)) != 0)
        {
            bulk.Return();
            return Done(c, (long)IpcStatus.Fault);
        }
        var m = new IpcMessage { Length = 2, Bulk = bulk };
        m.W[0] = c->X[1];
        m.W[1] = length;
        return SendMessage(cpu, core, thread, end, m, (c->X[4] & NativeCall.SendNonBlocking) != 0);
    }

    long ReadBulk(GuestProcess process, NativeProcess np, CpuState* c)
    {
        if (np.Remove((long)c->X[0]) is not BulkBuffer bulk) return (long)IpcStatus.BadHandle;
        int n = (int)Math.Min((ulong)bulk.Length, c->X[2]);
        long r = process.User.Write(c->X[1], bulk.Data.AsSpan(0, n)) != 0 ? (long)IpcStatus.Fault : bulk.Length;
        bulk.Return();
        return r;
    }

    static long DropBulk(BulkBuffer bulk)
    {
        bulk.Return();
        return 0;
    }
}
