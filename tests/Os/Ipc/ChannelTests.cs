// LMP endpoints, UMP rings and channels, without guest code: ordering, a full buffer seen by the
// sender, capabilities in flight, closing, and a UMP ring driven by two host threads.
using Fast.Os;
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Nameserver;
using Xunit;

namespace Fast.Tests.Os.Ipc;

public class ChannelTests
{
    [Fact]
    public void LmpDeliversInOrderAndReportsAFullBuffer()
    {
        using var k = new TestKernel();
        var ch = Channel.CreateLmp(k.Caps, 0, 1, 0, 2, slots: 4);
        for (ulong i = 0; i < 4; i++) Assert.Equal(IpcStatus.Ok, ch.A.Send(IpcMessage.Of(i, i * 10)));
        Assert.Equal(IpcStatus.BufferFull, ch.A.Send(IpcMessage.Of(99)));
        for (ulong i = 0; i < 4; i++)
        {
            Assert.True(ch.B.TryReceive(out var m));
            Assert.Equal(2, m.Length);
            Assert.Equal(i, m.W[0]);
            Assert.Equal(i * 10, m.W[1]);
        }
        Assert.False(ch.B.TryReceive(out _));
        Assert.Equal(IpcStatus.Ok, ch.A.Send(IpcMessage.Of(5)));   // room again
    }

    [Fact]
    public void LmpRejectsTooManyWords()
    {
        using var k = new TestKernel();
        var ch = Channel.CreateLmp(k.Caps, 0, 1, 0, 2);
        var m = new IpcMessage { Length = IpcMessage.Words + 1 };
        Assert.Equal(IpcStatus.Invalid, ch.A.Send(m));
    }

    [Fact]
    public void CapabilityTravelsAndClosingDeletesUndeliveredOnes()
    {
        using var k = new TestKernel();
        var frame = k.Frame();
        var ch = Channel.CreateLmp(k.Caps, 0, 1, 0, 2);
        k.Caps.Copy(frame, SlotRef.KernelHeld, out var inFlight).ThrowIfFailed();
        Assert.Equal(IpcStatus.Ok, ch.A.Send(new IpcMessage { Length = 0, Cap = inFlight }));
        Assert.True(ch.B.TryReceive(out var got));
        Assert.Same(frame.Object, got.Cap!.Object);

        k.Caps.Copy(frame, SlotRef.KernelHeld, out var lost).ThrowIfFailed();
        Assert.Equal(IpcStatus.Ok, ch.A.Send(new IpcMessage { Cap = lost }));
        ch.B.Close();
        Assert.True(lost.Deleted);
        Assert.Equal(IpcStatus.Closed, ch.A.Send(IpcMessage.Of(1)));
        // Revoke through the original removes the delivered copy too.
        Assert.Equal(Err.Ok, k.Caps.Revoke(frame));
        Assert.True(got.Cap.Deleted);
    }

    [Fact]
    public void UmpRingsLiveInOneSharedFrameAndReportFull()
    {
        using var k = new TestKernel();
        Assert.Equal(Err.Ok, Channel.CreateUmp(k.Caps, k.Mm, 0, 1, 1, 2, out var ch));
        Assert.Equal(Transport.Ump, ch.A.Transport);
        Assert.Equal(CapType.Frame, ch.Frame!.Type);
        for (int i = 0; i < Channel.UmpSlotsPerDirection; i++) Assert.Equal(IpcStatus.Ok, ch.A.Send(IpcMessage.Of((ulong)i)));
        Assert.Equal(IpcStatus.BufferFull, ch.A.Send(IpcMessage.Of(0)));
        Assert.Equal(IpcStatus.Ok, ch.B.Send(IpcMessage.Of(7, 7, 7, 7, 7, 7, 7)));   // the other direction is independent
        Assert.True(ch.A.TryReceive(out var back));
        Assert.Equal(7, back.Length);
        for (int i = 0; i < Channel.UmpSlotsPerDirection; i++)
        {
            Assert.True(ch.B.TryReceive(out var m));
            Assert.Equal((ulong)i, m.W[0]);
        }
        ulong freeBefore = k.Mm.Stats.Free;
        ch.A.Close();
        ch.B.Close();
        Assert.True(k.Mm.Stats.Free > freeBefore);   // the frame went back to the memory manager
    }

    [Fact]
    public void UmpCarriesMessagesBetweenTwoHostThreadsInOrder()
    {
        using var k = new TestKernel();
        Assert.Equal(Err.Ok, Channel.CreateUmp(k.Caps, k.Mm, 0, 1, 1, 2, out var ch));
        const int count = 200_000;
        var producer = new Thread(() =>
        {
            for (ulong i = 0; i < count;)
            {
                var m = IpcMessage.Of(i, ~i, i * 3, i + 1, i + 2, i + 3, i ^ 0x5555);
                if (ch.A.Send(m) == IpcStatus.Ok) i++;
                else Thread.SpinWait(4);
            }
        });
        producer.Start();
        for (ulong i = 0; i < count;)
        {
            if (!ch.B.TryReceive(out var m, spinMicroseconds: 20)) continue;
            Assert.Equal(i, m.W[0]);
            Assert.Equal(~i, m.W[1]);
            Assert.Equal(i ^ 0x5555, m.W[6]);
            i++;
        }
        producer.Join();
    }

    [Fact]
    public void UmpRelaysCapabilities()
    {
        using var k = new TestKernel();
        Assert.Equal(Err.Ok, Channel.CreateUmp(k.Caps, k.Mm, 0, 1, 1, 2, out var ch));
        var frame = k.Frame();
        k.Caps.Copy(frame, SlotRef.KernelHeld, out var inFlight).ThrowIfFailed();
        Assert.Equal(IpcStatus.Ok, ch.B.Send(new IpcMessage { Length = 1, Cap = inFlight }));
        Assert.True(inFlight.Deleted);   // the sending kernel serialized it into the message
        Assert.True(ch.A.TryReceive(out var m));
        Assert.NotSame(inFlight, m.Cap);
        Assert.Same(frame.Object, m.Cap!.Object);   // one database: re-created as a copy of the same object
    }

    [Fact]
    public void NameserverReplicasRegisterLookupEnumerateAndForgetAnExitedProcess()
    {
        var r = new NameserverReplica(0);
        var echo = new Service("/demo/echo", 0, 5);
        Assert.True(r.ApplyRegister(new ServiceRecord("/demo/echo", echo, 0, 5)));
        Assert.True(r.ApplyRegister(new ServiceRecord("/demo/time", new Service("/demo/time", 1, 6), 1, 6)));
        Assert.True(r.ApplyRegister(new ServiceRecord("/net/udp", new Service("/net/udp", 1, 6), 1, 6)));
        Assert.False(r.ApplyRegister(new ServiceRecord("/demo/echo", new Service("/demo/echo", 1, 7), 1, 7)));
        Assert.Same(echo, r.Lookup("/demo/echo")!.Service);
        Assert.Equal(new[] { "/demo/echo", "/demo/time" }, r.Enumerate("/demo"));
        Assert.Equal(3, r.Enumerate("/").Count);
        Assert.Empty(r.Enumerate("/dem"));
        Assert.Equal(2, r.ApplyProcessExit(6));
        Assert.Equal(new[] { "/demo/echo" }, r.Enumerate(""));
        Assert.True(r.ApplyDeregister("/demo/echo"));
        Assert.Null(r.Lookup("/demo/echo"));
        Assert.False(NameserverReplica.IsValidName("demo"));
        Assert.False(NameserverReplica.IsValidName("/a//b"));
        Assert.True(NameserverReplica.IsValidName("/net/udp"));
    }
}
