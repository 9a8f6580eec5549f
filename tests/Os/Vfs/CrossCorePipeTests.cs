// Pipes whose reader and writer run on different cores (os/Vfs/Pipe.CrossCore.cs): the test plays
// the cores by setting Core.ExecutingId on its threads, as each core's host thread does.
using Fast.Os;
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;
using Xunit;

namespace Fast.Tests.Os.Vfs;

public sealed class CrossCorePipeTests : IDisposable
{
    readonly TestKernel k = new();
    readonly List<Channel> channels = new();

    public void Dispose()
    {
        Core.ExecutingId = -1;
        k.Dispose();
    }

    (PipeEnd R, PipeEnd W) Make()
    {
        var (r, w) = Pipe.Create(0, (from, to) =>
        {
            Assert.Equal(Err.Ok, Channel.CreateUmp(k.Caps, k.Mm, from, 0, to, 0, out var ch));
            lock (channels) channels.Add(ch);
            return ch;
        });
        r.AddRef();
        w.AddRef();
        return (r, w);
    }

    static byte[] Bytes(int n, int seed) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + seed)).ToArray();

    [Fact]
    public void AWriterOnAnotherCoreSendsUmpMessagesAndTheReaderGetsTheBytesInOrder()
    {
        var (r, w) = Make();
        var buf = new byte[70000];
        Core.ExecutingId = 1;
        Assert.Equal(Errno.EAGAIN.Neg(), r.Read(buf));    // the reader is on core 1 now
        Core.ExecutingId = 0;
        var small = Bytes(20, 1);
        var large = Bytes(5000, 2);
        Assert.Equal(20, w.Write(small));                 // inline in one message
        Assert.Equal(5000, w.Write(large));               // the kernel's bulk copy on one message
        Assert.True(w.Pipe.CrossedCores);
        Assert.Equal(2, w.Pipe.UmpMessages);
        Assert.Single(channels);
        Assert.Equal(0, k.Caps.Roots.Count(o => o.IsForeign));   // sanity: one database here

        // A writer now on the reader's core still goes behind its bytes in flight.
        Core.ExecutingId = 1;
        var tail = Bytes(10, 3);
        Assert.Equal(10, w.Write(tail));
        Assert.Equal(3, w.Pipe.UmpMessages);
        Assert.Equal(5030, r.Pipe.Available);
        Assert.Equal(5030, r.Read(buf));
        Assert.Equal(small.Concat(large).Concat(tail).ToArray(), buf[..5030]);

        // Nothing in flight: a same-core write takes the local path.
        Assert.Equal(4, w.Write(Bytes(4, 4)));
        Assert.Equal(3, w.Pipe.UmpMessages);
        Assert.Equal(4, r.Read(buf));
    }

    [Fact]
    public void CapacityCountsBytesInFlightAndEofWaitsForThem()
    {
        var (r, w) = Make();
        var buf = new byte[1 << 17];
        Core.ExecutingId = 1;
        r.Read(buf);
        Core.ExecutingId = 0;
        long total = 0, n;
        while ((n = w.Write(new byte[4096])) > 0) total += n;
        Assert.Equal(Errno.EAGAIN.Neg(), n);
        Assert.Equal(PipeAbi.DefaultCapacity, total);
        Assert.False(w.Pipe.Writable.IsReady);
        w.Release();                                       // the last writer closes with everything still in flight
        Core.ExecutingId = 1;
        Assert.True(r.Pipe.Readable.IsReady);
        long got = 0;
        while ((n = r.Read(buf)) > 0) got += n;
        Assert.Equal(0, n);                                // EOF only after the bytes in flight
        Assert.Equal(total, got);
        ulong freeBefore = k.Mm.Stats.Free;
        r.Release();                                       // both sides gone: the channel's frame is freed
        Assert.True(k.Mm.Stats.Free > freeBefore);
    }

    [Fact]
    public void TwoHostThreadsPlayingTwoCoresMoveAMegabyte()
    {
        var (r, w) = Make();
        const int total = 1 << 20;
        var data = Bytes(total, 9);
        var writer = new Thread(() =>
        {
            Core.ExecutingId = 0;
            int sent = 0;
            while (sent < total)
            {
                long n = w.Write(data.AsSpan(sent, Math.Min(7919, total - sent)));
                if (n > 0) sent += (int)n;
                else Thread.Yield();
            }
            w.Release();
        });
        Core.ExecutingId = 1;
        Assert.Equal(Errno.EAGAIN.Neg(), r.Read(new byte[1]));   // the reader is on core 1 before the writer starts
        writer.Start();
        var got = new MemoryStream();
        var buf = new byte[3001];
        while (true)
        {
            long n = r.Read(buf);
            if (n == 0) break;
            if (n > 0) got.Write(buf, 0, (int)n);
            else Thread.Yield();
        }
        writer.Join();
        Assert.Equal(data, got.ToArray());
        Assert.True(r.Pipe.UmpMessages > 100);
    }
}
