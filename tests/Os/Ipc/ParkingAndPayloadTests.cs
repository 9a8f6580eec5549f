// The pieces under the IPC fast paths, without guest code: a receiver parked on a channel end is
// woken exactly once by a send (from another host thread too) and by a close, a second receiver
// cannot take an occupied slot, bulk buffers ride UMP slots, and the kernel servers' RPC payload
// reader and writer agree with each other and reject malformed fields.
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Native.Services;
using Xunit;

namespace Fast.Tests.Os.Ipc;

public class ParkingAndPayloadTests
{
    static ReceiveWaiter Waiter(Action wake) => new() { Thread = new GuestThread(7), Owner = new object(), Wake = wake };

    [Fact]
    public void ASendWakesTheParkedReceiverOnceAndFreesTheSlot()
    {
        using var k = new TestKernel();
        var ch = Channel.CreateLmp(k.Caps, 0, 1, 0, 2);
        int wakes = 0;
        var w = Waiter(() => Interlocked.Increment(ref wakes));
        Assert.True(ch.B.TryPark(w));
        Assert.False(ch.B.TryPark(Waiter(() => { })));   // one slot per end
        Assert.Same(w, ch.B.ParkedWaiter);
        Assert.Equal(IpcStatus.Ok, ch.A.Send(IpcMessage.Of(1)));
        Assert.Equal(IpcStatus.Ok, ch.A.Send(IpcMessage.Of(2)));
        Assert.Equal(1, wakes);
        Assert.Null(ch.B.ParkedWaiter);
        Assert.False(ch.B.Unpark(w));                     // the sender took it
    }

    [Fact]
    public void UnparkingBeforeASendMeansNoWake()
    {
        using var k = new TestKernel();
        var ch = Channel.CreateLmp(k.Caps, 0, 1, 0, 2);
        int wakes = 0;
        var w = Waiter(() => wakes++);
        Assert.True(ch.B.TryPark(w));
        Assert.True(ch.B.Unpark(w));
        ch.A.Send(IpcMessage.Of(1));
        Assert.Equal(0, wakes);
    }

    [Fact]
    public void ClosingEitherEndWakesAParkedReceiver()
    {
        using var k = new TestKernel();
        var ch = Channel.CreateLmp(k.Caps, 0, 1, 0, 2);
        int wakes = 0;
        Assert.True(ch.B.TryPark(Waiter(() => wakes++)));
        ch.A.Close();
        Assert.Equal(1, wakes);
        Assert.Equal(IpcStatus.Closed, ch.A.Send(IpcMessage.Of(1)));
    }

    [Fact]
    public void AUmpSenderOnAnotherThreadWakesTheParkedReceiver()
    {
        using var k = new TestKernel();
        Assert.Equal(Fast.Os.Err.Ok, Channel.CreateUmp(k.Caps, k.Mm, 0, 1, 1, 2, out var ch));
        using var woken = new ManualResetEventSlim();
        Assert.True(ch.A.TryPark(Waiter(woken.Set)));
        var sender = new Thread(() => ch.B.Send(IpcMessage.Of(42)));
        sender.Start();
        Assert.True(woken.Wait(TimeSpan.FromSeconds(10)));
        sender.Join();
        Assert.True(ch.A.TryReceive(out var m));
        Assert.Equal(42UL, m.W[0]);
    }

    [Fact]
    public void BulkBuffersRideUmpSlots()
    {
        using var k = new TestKernel();
        Assert.Equal(Fast.Os.Err.Ok, Channel.CreateUmp(k.Caps, k.Mm, 0, 1, 1, 2, out var ch));
        var bulk = BulkBuffer.Rent(100_000);
        for (int i = 0; i < bulk.Length; i++) bulk.Data[i] = (byte)(i * 7);
        var m = new IpcMessage { Length = 2, Bulk = bulk };
        m.W[1] = 100_000;
        Assert.Equal(IpcStatus.Ok, ch.A.Send(m));
        Assert.Equal(IpcStatus.Ok, ch.A.Send(IpcMessage.Of(5)));
        Assert.True(ch.B.TryReceive(out var got));
        Assert.Same(bulk, got.Bulk);
        Assert.Equal(unchecked((byte)(99_999 * 7)), got.Bulk!.Data[99_999]);
        Assert.True(ch.B.TryReceive(out var plain));
        Assert.Null(plain.Bulk);
    }

    [Fact]
    public void PayloadWriterAndReaderAgree()
    {
        var bytes = new RpcWriter().I64(-6).U64(1UL << 40).Str("/core/1/proc").Cap().ToArray();
        // The C library's layout: tag byte, then 8 little-endian bytes; strings count their NUL.
        Assert.Equal(1 + 8 + 1 + 8 + 1 + 8 + 13 + 1, bytes.Length);
        var r = new RpcReader(bytes);
        Assert.True(r.TryU64(out ulong status));
        Assert.Equal(-6L, (long)status);
        Assert.False(r.TryStr(out _));                    // the next field is a number
        Assert.True(r.TryU64(out ulong big));
        Assert.Equal(1UL << 40, big);
        Assert.True(r.TryStr(out string s));
        Assert.Equal("/core/1/proc", s);
        Assert.True(r.TryCap());
        Assert.False(r.TryU64(out _));                    // nothing left
    }

    [Fact]
    public void PayloadReaderRejectsAStringWithoutItsNul()
    {
        var bytes = new RpcWriter().Str("abc").ToArray();
        bytes[^1] = (byte)'!';
        Assert.False(new RpcReader(bytes).TryStr(out _));
        Assert.False(new RpcReader(bytes.AsSpan(0, 5).ToArray()).TryStr(out _));   // truncated
    }
}
