using System.Buffers.Binary;
using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;

namespace Fast.Tests.Os.Vfs;

/// <summary>Descriptor table semantics (dup, dup3, close-on-exec, fcntl, fork) and pipes.</summary>
public class DescriptorAndPipeTests : VfsTestBase
{
    (int R, int W) MakePipe(int flags = 0)
    {
        Span<int> fds = stackalloc int[2];
        Assert.Equal(0, Fs.Pipe2(Ctx, fds, flags));
        return (fds[0], fds[1]);
    }

    [Fact]
    public void LowestFreeDescriptorAndDupSharing()
    {
        HostWrite("/f", "0123456789");
        int a = Open("/f", RDONLY), b = Open("/f", RDONLY);
        Assert.Equal((0, 1), (a, b));
        Assert.Equal(0, Fs.Close(Ctx, a));
        Assert.Equal(0, Open("/f", RDONLY)); // lowest free again
        int d = (int)Fs.Dup(Ctx, b);
        Assert.Equal(2, d);
        Fs.Read(Ctx, b, new byte[3]);
        Assert.Equal(3, Fs.Lseek(Ctx, d, 0, Whence.CUR)); // shared offset
        Assert.Equal(7, Fs.Dup2(Ctx, b, 7));
        Assert.Equal(7, Fs.Dup2(Ctx, 7, 7));
        Assert.Equal(E(Errno.EINVAL), Fs.Dup3(Ctx, 7, 7, 0));
        Assert.Equal(E(Errno.EINVAL), Fs.Dup3(Ctx, 7, 8, 0x1));
        Assert.Equal(E(Errno.EBADF), Fs.Dup2(Ctx, 50, 8));
        Assert.Equal(E(Errno.EBADF), Fs.Dup3(Ctx, 7, -1, 0));
        Assert.Equal(8, Fs.Fcntl(Ctx, b, FcntlCmd.F_DUPFD, 8));
        Assert.Equal(3, Fs.Fcntl(Ctx, b, FcntlCmd.F_DUPFD, 0));
        Assert.Equal(E(Errno.EINVAL), Fs.Fcntl(Ctx, b, FcntlCmd.F_DUPFD, -1));
        Assert.Equal(E(Errno.EBADF), Fs.Fcntl(Ctx, 60, FcntlCmd.F_GETFD, 0));
        Assert.Equal(E(Errno.EINVAL), Fs.Fcntl(Ctx, b, 9999, 0));
        Assert.Equal(0, Fs.Close(Ctx, b));
        Assert.Equal(E(Errno.EBADF), Fs.Close(Ctx, b));
        Assert.Equal(3, Fs.Lseek(Ctx, 7, 0, Whence.CUR)); // the description lives on
    }

    [Fact]
    public void CloseOnExecFlags()
    {
        HostWrite("/f", "x");
        int a = Open("/f", RDONLY | CLOEXEC), b = Open("/f", RDONLY);
        Assert.Equal(FcntlCmd.FD_CLOEXEC, Fs.Fcntl(Ctx, a, FcntlCmd.F_GETFD, 0));
        Assert.Equal(0, Fs.Fcntl(Ctx, b, FcntlCmd.F_GETFD, 0));
        int c = (int)Fs.Fcntl(Ctx, b, FcntlCmd.F_DUPFD_CLOEXEC, 0);
        Assert.Equal(FcntlCmd.FD_CLOEXEC, Fs.Fcntl(Ctx, c, FcntlCmd.F_GETFD, 0));
        int d = (int)Fs.Dup(Ctx, a); // dup clears close-on-exec
        Assert.Equal(0, Fs.Fcntl(Ctx, d, FcntlCmd.F_GETFD, 0));
        Assert.Equal(5, Fs.Dup3(Ctx, b, 5, CLOEXEC));
        Assert.Equal(0, Fs.Fcntl(Ctx, b, FcntlCmd.F_SETFD, FcntlCmd.FD_CLOEXEC));
        Assert.Equal(0, Fs.Ioctl(Ctx, d, IoctlCmd.FIOCLEX, Span<byte>.Empty));
        Assert.Equal(0, Fs.Ioctl(Ctx, 5, IoctlCmd.FIONCLEX, Span<byte>.Empty));
        Ctx.Fds.CloseOnExec();
        Assert.Equal([5], Ctx.Fds.Snapshot().Select(s => s.Fd));
    }

    [Fact]
    public void StatusFlags()
    {
        HostWrite("/f", "abc");
        int fd = Open("/f", WRONLY);
        Assert.Equal(WRONLY | (int)OpenFlags.O_LARGEFILE, Fs.Fcntl(Ctx, fd, FcntlCmd.F_GETFL, 0));
        Assert.Equal(0, Fs.Fcntl(Ctx, fd, FcntlCmd.F_SETFL, APPEND | NONBLOCK | RDWR));
        Assert.Equal(WRONLY | APPEND | NONBLOCK, Fs.Fcntl(Ctx, fd, FcntlCmd.F_GETFL, 0) & ~(int)OpenFlags.O_LARGEFILE);
        Write(fd, "d"); // O_APPEND set through fcntl reaches the host description
        Assert.Equal("abcd", File.ReadAllText(HostPath("/f")));
    }

    [Fact]
    public void EmfileAtTheLimitAndForkSharing()
    {
        HostWrite("/f", "0123");
        Ctx.Fds.Limit = 3;
        for (int i = 0; i < 3; i++) Open("/f", RDONLY);
        Assert.Equal(E(Errno.EMFILE), Fs.OpenAt(Ctx, CWD, "/f", RDONLY, 0));
        Assert.Equal(E(Errno.EMFILE), Fs.Dup(Ctx, 0));
        var child = Ctx.Fork();
        Fs.Read(child, 0, new byte[2]);
        Assert.Equal(2, Fs.Lseek(Ctx, 0, 0, Whence.CUR)); // the parent sees the child's reads
        Fs.Close(child, 1);
        Assert.Equal(0, Fs.Lseek(Ctx, 1, 0, Whence.CUR)); // closing in the child leaves the parent's
    }

    [Fact]
    public void PipeDataEofAndEagain()
    {
        var (r, w) = MakePipe();
        var buf = new byte[16];
        Assert.Equal(E(Errno.EAGAIN), Fs.Read(Ctx, r, buf));
        Assert.Equal(5, Write(w, "hello"));
        Assert.Equal(5, Fs.Read(Ctx, r, buf));
        Assert.Equal("hello", Encoding.ASCII.GetString(buf, 0, 5));
        Assert.Equal(E(Errno.EBADF), Fs.Read(Ctx, w, buf));
        Assert.Equal(E(Errno.EBADF), Write(r, "x"));
        Assert.Equal(E(Errno.ESPIPE), Fs.Lseek(Ctx, r, 0, Whence.SET));
        Assert.Equal(E(Errno.ESPIPE), Fs.PRead(Ctx, r, buf, 0));
        var st = new byte[StatLayout.Size];
        Fs.Fstat(Ctx, r, st);
        Assert.Equal(StatMode.S_IFIFO, BitConverter.ToUInt32(st, StatLayout.OffMode) & StatMode.S_IFMT);
        Write(w, "tail");
        int w2 = (int)Fs.Dup(Ctx, w);
        Fs.Close(Ctx, w);
        Assert.Equal(4, Fs.Read(Ctx, r, buf));
        Assert.Equal(E(Errno.EAGAIN), Fs.Read(Ctx, r, buf)); // a writer (the dup) remains
        Fs.Close(Ctx, w2);
        Assert.Equal(0, Fs.Read(Ctx, r, buf)); // EOF
    }

    [Fact]
    public void PipeReaderWaiterIsWokenByWrite()
    {
        var (r, w) = MakePipe();
        var file = Ctx.Fds.Get(r)!;
        Assert.Equal(E(Errno.EAGAIN), Fs.Read(Ctx, r, new byte[4]));
        int woken = 0;
        file.ReadWaitable!.AddWaiter(() => Interlocked.Increment(ref woken));
        Assert.Equal(0, woken);
        var t = new Thread(() => Write(w, "x"));
        t.Start(); t.Join();
        Assert.Equal(1, woken);
        Assert.Equal(1, Fs.Read(Ctx, r, new byte[4]));
        // Adding a waiter when data is already there wakes at once.
        Write(w, "y");
        file.ReadWaitable!.AddWaiter(() => Interlocked.Increment(ref woken));
        Assert.Equal(2, woken);
        // Closing the last writer wakes readers (EOF).
        Fs.Read(Ctx, r, new byte[4]);
        file.ReadWaitable!.AddWaiter(() => Interlocked.Increment(ref woken));
        Fs.Close(Ctx, w);
        Assert.Equal(3, woken);
        Assert.Equal(0, Fs.Read(Ctx, r, new byte[4]));
    }

    [Fact]
    public void PipeCapacityAtomicityAndEpipe()
    {
        var (r, w) = MakePipe(NONBLOCK | CLOEXEC);
        Assert.Equal(NONBLOCK, Fs.Fcntl(Ctx, r, FcntlCmd.F_GETFL, 0) & NONBLOCK);
        Assert.Equal(FcntlCmd.FD_CLOEXEC, Fs.Fcntl(Ctx, w, FcntlCmd.F_GETFD, 0));
        Assert.Equal(65536, Fs.Fcntl(Ctx, w, FcntlCmd.F_GETPIPE_SZ, 0));
        var big = new byte[100_000];
        Assert.Equal(65536, Fs.Write(Ctx, w, big));
        Assert.Equal(E(Errno.EAGAIN), Fs.Write(Ctx, w, new byte[1]));
        var arg = new byte[4];
        Assert.Equal(0, Fs.Ioctl(Ctx, r, IoctlCmd.FIONREAD, arg));
        Assert.Equal(65536, BinaryPrimitives.ReadInt32LittleEndian(arg));
        int woken = 0;
        Ctx.Fds.Get(w)!.WriteWaitable!.AddWaiter(() => woken++);
        Assert.Equal(100, Fs.Read(Ctx, r, new byte[100]));
        Assert.Equal(1, woken);
        Assert.Equal(E(Errno.EAGAIN), Fs.Write(Ctx, w, new byte[200])); // atomic: all or nothing
        Assert.Equal(100, Fs.Write(Ctx, w, new byte[100]));
        Assert.Equal(E(Errno.EINVAL), Fs.Pipe2(Ctx, new int[2], 0x1));
        Fs.Close(Ctx, r);
        Assert.Equal(E(Errno.EPIPE), Fs.Write(Ctx, w, new byte[1]));
        Assert.Equal(E(Errno.ENOTTY), Fs.Ioctl(Ctx, w, IoctlCmd.TCGETS, new byte[Termios.Size]));
    }

    [Fact]
    public void PipeBetweenThreadsCarriesEverythingInOrder()
    {
        var (r, w) = MakePipe();
        var rf = Ctx.Fds.Get(r)!; var wf = Ctx.Fds.Get(w)!;
        var data = new byte[1 << 20];
        new Random(1).NextBytes(data);
        var writer = new Thread(() =>
        {
            int off = 0;
            while (off < data.Length)
            {
                long n = wf.Write(data.AsSpan(off, Math.Min(7000, data.Length - off)));
                if (n == E(Errno.EAGAIN)) { var ev = new ManualResetEventSlim(); wf.WriteWaitable!.AddWaiter(ev.Set); ev.Wait(); continue; }
                Assert.True(n > 0);
                off += (int)n;
            }
            Fs.Close(Ctx, w);
        });
        writer.Start();
        var got = new MemoryStream();
        var buf = new byte[5000];
        while (true)
        {
            long n = rf.Read(buf);
            if (n == 0) break;
            if (n == E(Errno.EAGAIN)) { var ev = new ManualResetEventSlim(); rf.ReadWaitable!.AddWaiter(ev.Set); ev.Wait(); continue; }
            got.Write(buf, 0, (int)n);
        }
        writer.Join();
        Assert.Equal(data, got.ToArray());
    }

    [Fact]
    public void HostFifoIsPolledNotBlocked()
    {
        // A host stream (here a FIFO inside the root; for `fast run` the host's stdin) never blocks
        // the calling thread: not ready is -EAGAIN, and its waitable fires when data arrives.
        var mk = System.Diagnostics.Process.Start("mkfifo", HostPath("/fifo"));
        mk.WaitForExit();
        Assert.Equal(0, mk.ExitCode);
        int fd = Open("/fifo", RDWR); // O_RDWR open of a FIFO does not wait for a peer
        var file = Ctx.Fds.Get(fd)!;
        var buf = new byte[8];
        Assert.Equal(E(Errno.EAGAIN), Fs.Read(Ctx, fd, buf));
        using var ev = new ManualResetEventSlim();
        file.ReadWaitable!.AddWaiter(ev.Set);
        Assert.False(ev.IsSet);
        Assert.Equal(3, Write(fd, "abc"));
        Assert.True(ev.Wait(5000));
        Assert.Equal(3, Fs.Read(Ctx, fd, buf));
        Assert.Equal(E(Errno.ESPIPE), Fs.Lseek(Ctx, fd, 0, Whence.SET));
    }
}
