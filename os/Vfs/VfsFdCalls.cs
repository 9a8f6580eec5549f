// The descriptor-based file system calls (read, write, pread64, pwrite64, readv, writev, lseek,
// fstat, getdents64, ftruncate, fsync, close, dup, dup3, fcntl, ioctl, pipe2, fchdir).
// readv/writev move the data with one read or write of the total length through a bounce buffer,
// so a vectored pipe write of at most PIPE_BUF bytes stays atomic.
using System.Buffers;
using System.Buffers.Binary;
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public sealed partial class VirtualFileSystem
{
    /// <summary>Linux's MAX_RW_COUNT: a single read or write moves at most this much.</summary>
    public const int MaxRwCount = 0x7FFFF000;

    static long Check(OpenFile? f, bool read)
    {
        if (f == null) return Errno.EBADF.Neg();
        if (read ? !f.CanRead : !f.CanWrite) return Errno.EBADF.Neg();
        return 0;
    }

    public long Read(FsContext ctx, int fd, Span<byte> buf)
    {
        var f = ctx.Fds.Get(fd);
        long r = Check(f, true);
        if (r < 0) return r;
        return f!.IsDirectory ? Errno.EISDIR.Neg() : f.Read(buf);
    }

    public long Write(FsContext ctx, int fd, ReadOnlySpan<byte> data)
    {
        var f = ctx.Fds.Get(fd);
        long r = Check(f, false);
        return r < 0 ? r : f!.Write(data);
    }

    public long PRead(FsContext ctx, int fd, Span<byte> buf, long offset)
    {
        var f = ctx.Fds.Get(fd);
        long r = Check(f, true);
        if (r < 0) return r;
        if (offset < 0) return Errno.EINVAL.Neg();
        return f!.IsDirectory ? Errno.EISDIR.Neg() : f.PRead(buf, offset);
    }

    public long PWrite(FsContext ctx, int fd, ReadOnlySpan<byte> data, long offset)
    {
        var f = ctx.Fds.Get(fd);
        long r = Check(f, false);
        if (r < 0) return r;
        return offset < 0 ? Errno.EINVAL.Neg() : f!.PWrite(data, offset);
    }

    static long Total<T>(IReadOnlyList<T> bufs, Func<T, int> len)
    {
        if (bufs.Count > Iovec.MaxCount) return Errno.EINVAL.Neg();
        long total = 0;
        foreach (var b in bufs) total += len(b);
        return total > MaxRwCount ? MaxRwCount : total;
    }

    /// <summary>readv (offset &lt; 0) or preadv (offset &gt;= 0) into the guest's buffers.</summary>
    public long Readv(FsContext ctx, int fd, IReadOnlyList<Memory<byte>> bufs, long offset = -1)
    {
        long total = Total(bufs, b => b.Length);
        if (total < 0) return total;
        var tmp = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, total));
        try
        {
            var span = tmp.AsSpan(0, (int)total);
            long n = offset < 0 ? Read(ctx, fd, span) : PRead(ctx, fd, span, offset);
            if (n <= 0) return n;
            int done = 0;
            foreach (var b in bufs)
            {
                int c = Math.Min(b.Length, (int)n - done);
                span.Slice(done, c).CopyTo(b.Span);
                done += c;
                if (done == n) break;
            }
            return n;
        }
        finally { ArrayPool<byte>.Shared.Return(tmp); }
    }

    /// <summary>writev (offset &lt; 0) or pwritev (offset &gt;= 0) from the guest's buffers.</summary>
    public long Writev(FsContext ctx, int fd, IReadOnlyList<ReadOnlyMemory<byte>> bufs, long offset = -1)
    {
        long total = Total(bufs, b => b.Length);
        if (total < 0) return total;
        var tmp = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, total));
        try
        {
            int done = 0;
            foreach (var b in bufs)
            {
                int c = Math.Min(b.Length, (int)total - done);
                b.Span[..c].CopyTo(tmp.AsSpan(done));
                done += c;
            }
            var span = tmp.AsSpan(0, (int)total);
            return offset < 0 ? Write(ctx, fd, span) : PWrite(ctx, fd, span, offset);
        }
        finally { ArrayPool<byte>.Shared.Return(tmp); }
    }

    public long Lseek(FsContext ctx, int fd, long offset, int whence)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null) return Errno.EBADF.Neg();
        if (whence is < 0 or > Whence.HOLE) return Errno.EINVAL.Neg();
        return f.Seek(offset, whence);
    }

    public long Fstat(FsContext ctx, int fd, Span<byte> statbuf)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null) return Errno.EBADF.Neg();
        long r = f.Stat(out var st);
        if (r < 0) return r;
        StatLayout.Write(statbuf, st);
        return 0;
    }

    /// <summary>getdents64: linux_dirent64 records into buf; bytes written, 0 at the end.</summary>
    public long GetDents64(FsContext ctx, int fd, Span<byte> buf)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null) return Errno.EBADF.Neg();
        if (!f.IsDirectory) return Errno.ENOTDIR.Neg();
        return f.GetDents64(buf);
    }

    public long Ftruncate(FsContext ctx, int fd, long length)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null || (f.Flags & (int)OpenFlags.O_PATH) != 0) return Errno.EBADF.Neg();
        if (length < 0 || !f.CanWrite || f.IsDirectory) return Errno.EINVAL.Neg();
        return f.Truncate(length);
    }

    public long Fsync(FsContext ctx, int fd) => ctx.Fds.Get(fd) is { } f ? f.Sync() : Errno.EBADF.Neg();

    public long Close(FsContext ctx, int fd) => ctx.Fds.Close(fd);

    public long Dup(FsContext ctx, int fd) => ctx.Fds.Dup(fd);

    public long Dup3(FsContext ctx, int oldFd, int newFd, int flags) => ctx.Fds.Dup3(oldFd, newFd, flags);

    public long Dup2(FsContext ctx, int oldFd, int newFd) => ctx.Fds.Dup3(oldFd, newFd, 0, isDup2: true);

    public long Fcntl(FsContext ctx, int fd, int cmd, long arg)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null) return Errno.EBADF.Neg();
        switch (cmd)
        {
            case FcntlCmd.F_DUPFD: return ctx.Fds.Dup(fd, (int)Math.Clamp(arg, -1, int.MaxValue));
            case FcntlCmd.F_DUPFD_CLOEXEC: return ctx.Fds.Dup(fd, (int)Math.Clamp(arg, -1, int.MaxValue), closeOnExec: true);
            case FcntlCmd.F_GETFD: return ctx.Fds.GetCloseOnExec(fd);
            case FcntlCmd.F_SETFD: return ctx.Fds.SetCloseOnExec(fd, (arg & FcntlCmd.FD_CLOEXEC) != 0);
            case FcntlCmd.F_GETFL: return f.Flags | (int)OpenFlags.O_LARGEFILE;
            case FcntlCmd.F_SETFL: return (f.Flags & (int)OpenFlags.O_PATH) != 0 ? Errno.EBADF.Neg() : f.SetFlags((int)arg);
            case FcntlCmd.F_GETPIPE_SZ: return f is PipeEnd p ? p.Pipe.Capacity : Errno.EINVAL.Neg();
            case FcntlCmd.F_SETPIPE_SZ: return f is PipeEnd q ? q.Pipe.SetCapacity((int)Math.Min(arg, int.MaxValue)) : Errno.EINVAL.Neg();
            case FcntlCmd.F_SETLK or FcntlCmd.F_SETLKW or 37 or 38: return 0; // advisory locks: granted, not enforced
            case FcntlCmd.F_GETOWN: return 0;
            case FcntlCmd.F_SETOWN: return 0;
            default: return Errno.EINVAL.Neg(); // F_GETLK needs struct flock: the kernel answers it
        }
    }

    /// <summary>ioctl with the argument bytes the kernel copied per IoctlCmd.Arg(request).</summary>
    public long Ioctl(FsContext ctx, int fd, uint request, Span<byte> arg)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null) return Errno.EBADF.Neg();
        switch (request)
        {
            case IoctlCmd.FIOCLEX: return ctx.Fds.SetCloseOnExec(fd, true);
            case IoctlCmd.FIONCLEX: return ctx.Fds.SetCloseOnExec(fd, false);
            case IoctlCmd.FIONBIO:
                bool on = arg.Length >= 4 && BinaryPrimitives.ReadInt32LittleEndian(arg) != 0;
                return f.SetFlags(on ? f.Flags | (int)OpenFlags.O_NONBLOCK : f.Flags & ~(int)OpenFlags.O_NONBLOCK);
        }
        if ((f.Flags & (int)OpenFlags.O_PATH) != 0) return Errno.EBADF.Neg();
        return f.Ioctl(request, arg);
    }

    /// <summary>pipe2: fills fds[0] (read end) and fds[1] (write end).</summary>
    public long Pipe2(FsContext ctx, Span<int> fds, int flags)
    {
        if ((flags & ~(int)(OpenFlags.O_CLOEXEC | OpenFlags.O_NONBLOCK | OpenFlags.O_DIRECT)) != 0) return Errno.EINVAL.Neg();
        var (r, w) = Pipe.Create(flags, CrossCorePipes);
        bool cloexec = (flags & (int)OpenFlags.O_CLOEXEC) != 0;
        int rfd = ctx.Fds.Install(r, cloexec);
        if (rfd < 0) { r.AddRef(); r.Release(); w.AddRef(); w.Release(); return rfd; }
        int wfd = ctx.Fds.Install(w, cloexec);
        if (wfd < 0) { ctx.Fds.Close(rfd); w.AddRef(); w.Release(); return wfd; }
        fds[0] = rfd;
        fds[1] = wfd;
        return 0;
    }

    public long Fchdir(FsContext ctx, int fd)
    {
        var f = ctx.Fds.Get(fd);
        if (f == null) return Errno.EBADF.Neg();
        if (!f.IsDirectory) return Errno.ENOTDIR.Neg();
        ctx.Cwd = f.Path;
        return 0;
    }
}
