// File system calls: the Linux entry points over the VFS. Guest buffers are copied through
// bounce buffers (UserMemory), paths are read as NUL-terminated byte strings (Latin-1 so every
// byte round-trips), and an operation that would block on a descriptor without O_NONBLOCK parks
// the thread on the file's wait object and re-executes when it is ready.
using System.Buffers;
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Signals;
using Fast.Os.Vfs;

namespace Fast.Os.Linux.Syscalls;

static partial class FileSyscalls
{
    /// <summary>Largest transfer one read/write moves through the bounce buffer.</summary>
    const int MaxTransfer = 1 << 24;

    static VirtualFileSystem Vfs(SyscallContext c) => c.Os.Vfs;
    static FsContext Files(SyscallContext c) => c.Process.Files;

    internal static string? Path(SyscallContext c, int arg) => c.User.ReadCString(c.Arg(arg), VirtualFileSystem.PathMax);

    /// <summary>-EAGAIN from a blocking descriptor: park on its wait object (or report EINTR after a signal).</summary>
    static long WaitOrReturn(SyscallContext c, int fd, long result, bool read)
    {
        if (result != Errno.EAGAIN.Neg()) return result;
        var file = Files(c).Fds.Get(fd);
        if (file is null || file.NonBlocking) return result;
        if (c.TakeInterrupted()) return Errno.EINTR.Neg();
        var w = read ? file.ReadWaitable : file.WriteWaitable;
        return w is null ? result : c.Block(w);
    }

    [Syscall(63, "fd, buf, count")]
    static long Read(SyscallContext c)
    {
        int fd = c.IntArg(0);
        int count = (int)Math.Min(c.Arg(2), MaxTransfer);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            long r = Vfs(c).Read(Files(c), fd, buffer.AsSpan(0, count));
            if (r > 0 && c.User.Write(c.Arg(1), buffer.AsSpan(0, (int)r)) != 0) return Errno.EFAULT.Neg();
            return WaitOrReturn(c, fd, r, read: true);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    [Syscall(64, "fd, buf, count")]
    static long Write(SyscallContext c)
    {
        int fd = c.IntArg(0);
        int count = (int)Math.Min(c.Arg(2), MaxTransfer);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            if (c.User.Read(c.Arg(1), buffer.AsSpan(0, count)) != 0) return Errno.EFAULT.Neg();
            long r = Vfs(c).Write(Files(c), fd, buffer.AsSpan(0, count));
            if (r == Errno.EPIPE.Neg()) c.Os.Linux.SendSignal(c.Process, Sig.SIGPIPE, c.Thread);
            return WaitOrReturn(c, fd, r, read: false);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    static List<(ulong Base, int Length)>? ReadIovecs(SyscallContext c, ulong address, ulong count)
    {
        if (count > (ulong)Iovec.MaxCount) return null;
        var bytes = new byte[(int)count * 16];
        if (c.User.Read(address, bytes) != 0) return null;
        var list = new List<(ulong, int)>();
        for (int i = 0; i < (int)count; i++)
        {
            var v = Iovec.Read(bytes.AsSpan(i * 16));
            list.Add((v.Base, (int)Math.Min(v.Len, (ulong)MaxTransfer)));
        }
        return list;
    }

    static long VectorRead(SyscallContext c, long offset)
    {
        int fd = c.IntArg(0);
        var iov = ReadIovecs(c, c.Arg(1), c.Arg(2));
        if (iov is null) return c.Arg(2) > (ulong)Iovec.MaxCount ? Errno.EINVAL.Neg() : Errno.EFAULT.Neg();
        var buffers = iov.Select(v => new Memory<byte>(new byte[v.Length])).ToList();
        long r = Vfs(c).Readv(Files(c), fd, buffers, offset);
        if (r > 0)
        {
            long left = r;
            for (int i = 0; i < iov.Count && left > 0; i++)
            {
                int n = (int)Math.Min(left, iov[i].Length);
                if (c.User.Write(iov[i].Base, buffers[i].Span[..n]) != 0) return Errno.EFAULT.Neg();
                left -= n;
            }
        }
        return offset < 0 ? WaitOrReturn(c, fd, r, read: true) : r;
    }

    static long VectorWrite(SyscallContext c, long offset)
    {
        int fd = c.IntArg(0);
        var iov = ReadIovecs(c, c.Arg(1), c.Arg(2));
        if (iov is null) return c.Arg(2) > (ulong)Iovec.MaxCount ? Errno.EINVAL.Neg() : Errno.EFAULT.Neg();
        var buffers = new List<ReadOnlyMemory<byte>>();
        foreach (var (b, len) in iov)
        {
            var data = new byte[len];
            if (c.User.Read(b, data) != 0) return Errno.EFAULT.Neg();
            buffers.Add(data);
        }
        long r = Vfs(c).Writev(Files(c), fd, buffers, offset);
        if (r == Errno.EPIPE.Neg()) c.Os.Linux.SendSignal(c.Process, Sig.SIGPIPE, c.Thread);
        return offset < 0 ? WaitOrReturn(c, fd, r, read: false) : r;
    }

    [Syscall(65, "fd, iov, iovcnt")] static long Readv(SyscallContext c) => VectorRead(c, -1);
    [Syscall(66, "fd, iov, iovcnt")] static long Writev(SyscallContext c) => VectorWrite(c, -1);

    [Syscall(67, "fd, buf, count, offset")]
    static long PRead64(SyscallContext c)
    {
        int count = (int)Math.Min(c.Arg(2), MaxTransfer);
        var buffer = new byte[count];
        long r = Vfs(c).PRead(Files(c), c.IntArg(0), buffer, c.LongArg(3));
        if (r > 0 && c.User.Write(c.Arg(1), buffer.AsSpan(0, (int)r)) != 0) return Errno.EFAULT.Neg();
        return r;
    }

    [Syscall(68, "fd, buf, count, offset")]
    static long PWrite64(SyscallContext c)
    {
        var buffer = new byte[(int)Math.Min(c.Arg(2), MaxTransfer)];
        if (c.User.Read(c.Arg(1), buffer) != 0) return Errno.EFAULT.Neg();
        return Vfs(c).PWrite(Files(c), c.IntArg(0), buffer, c.LongArg(3));
    }

    [Syscall(56, "dirfd, path, flags, mode")]
    static long OpenAt(SyscallContext c)
    {
        var path = Path(c, 1);
        return path is null ? Errno.EFAULT.Neg() : Vfs(c).OpenAt(Files(c), c.IntArg(0), path, c.IntArg(2), (uint)c.Arg(3));
    }

    [Syscall(57, "fd")] static long Close(SyscallContext c) => Vfs(c).Close(Files(c), c.IntArg(0));
    [Syscall(62, "fd, offset, whence")] static long Lseek(SyscallContext c) => Vfs(c).Lseek(Files(c), c.IntArg(0), c.LongArg(1), c.IntArg(2));

    [Syscall(80, "fd, statbuf")]
    static long Fstat(SyscallContext c)
    {
        var buf = new byte[StatLayout.Size];
        long r = Vfs(c).Fstat(Files(c), c.IntArg(0), buf);
        return r < 0 ? r : c.User.Write(c.Arg(1), buf) != 0 ? Errno.EFAULT.Neg() : r;
    }

    [Syscall(79, "dirfd, path, statbuf, flags")]
    static long NewFstatAt(SyscallContext c)
    {
        var path = Path(c, 1);
        if (path is null) return Errno.EFAULT.Neg();
        var buf = new byte[StatLayout.Size];
        long r = Vfs(c).NewFstatAt(Files(c), c.IntArg(0), path, buf, c.IntArg(3));
        return r < 0 ? r : c.User.Write(c.Arg(2), buf) != 0 ? Errno.EFAULT.Neg() : r;
    }

    [Syscall(291, "dirfd, path, flags, mask, statxbuf")]
    static long Statx(SyscallContext c)
    {
        var path = Path(c, 1);
        if (path is null) return Errno.EFAULT.Neg();
        var buf = new byte[StatxLayout.Size];
        long r = Vfs(c).Statx(Files(c), c.IntArg(0), path, c.IntArg(2), (uint)c.Arg(3), buf);
        return r < 0 ? r : c.User.Write(c.Arg(4), buf) != 0 ? Errno.EFAULT.Neg() : r;
    }

    [Syscall(61, "fd, dirp, count")]
    static long GetDents64(SyscallContext c)
    {
        var buf = new byte[(int)Math.Min(c.Arg(2), 1 << 20)];
        long r = Vfs(c).GetDents64(Files(c), c.IntArg(0), buf);
        return r <= 0 ? r : c.User.Write(c.Arg(1), buf.AsSpan(0, (int)r)) != 0 ? Errno.EFAULT.Neg() : r;
    }

    [Syscall(78, "dirfd, path, buf, size")]
    static long ReadLinkAt(SyscallContext c)
    {
        var path = Path(c, 1);
        if (path is null) return Errno.EFAULT.Neg();
        if ((long)c.Arg(3) <= 0) return Errno.EINVAL.Neg();
        var buf = new byte[(int)Math.Min(c.Arg(3), 4096)];
        long r = Vfs(c).ReadLinkAt(Files(c), c.IntArg(0), path, buf);
        return r <= 0 ? r : c.User.Write(c.Arg(2), buf.AsSpan(0, (int)r)) != 0 ? Errno.EFAULT.Neg() : r;
    }

    [Syscall(48, "dirfd, path, mode")]
    static long FaccessAt(SyscallContext c)
    {
        var path = Path(c, 1);
        return path is null ? Errno.EFAULT.Neg() : Vfs(c).FaccessAt(Files(c), c.IntArg(0), path, c.IntArg(2));
    }

    [Syscall(439, "dirfd, path, mode, flags")]
    static long FaccessAt2(SyscallContext c)
    {
        var path = Path(c, 1);
        return path is null ? Errno.EFAULT.Neg() : Vfs(c).FaccessAt(Files(c), c.IntArg(0), path, c.IntArg(2), c.IntArg(3));
    }

    [Syscall(25, "fd, cmd, arg")] static long Fcntl(SyscallContext c) => Vfs(c).Fcntl(Files(c), c.IntArg(0), c.IntArg(1), c.LongArg(2));
    [Syscall(23, "fd")] static long Dup(SyscallContext c) => Vfs(c).Dup(Files(c), c.IntArg(0));
    [Syscall(24, "oldfd, newfd, flags")] static long Dup3(SyscallContext c) => Vfs(c).Dup3(Files(c), c.IntArg(0), c.IntArg(1), c.IntArg(2));

    [Syscall(59, "pipefd, flags")]
    static long Pipe2(SyscallContext c)
    {
        Span<int> fds = stackalloc int[2];
        long r = Vfs(c).Pipe2(Files(c), fds, c.IntArg(1));
        if (r < 0) return r;
        var bytes = new byte[8];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), fds[0]);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), fds[1]);
        if (c.User.Write(c.Arg(0), bytes) != 0)
        {
            Vfs(c).Close(Files(c), fds[0]);
            Vfs(c).Close(Files(c), fds[1]);
            return Errno.EFAULT.Neg();
        }
        return 0;
    }

    [Syscall(29, "fd, request, arg")]
    static long Ioctl(SyscallContext c)
    {
        uint request = (uint)c.Arg(1);
        var (size, input, output) = IoctlCmd.Arg(request);
        var buf = new byte[size];
        if (input && size > 0 && c.User.Read(c.Arg(2), buf) != 0) return Errno.EFAULT.Neg();
        long r = Vfs(c).Ioctl(Files(c), c.IntArg(0), request, buf);
        if (r >= 0 && output && size > 0 && c.User.Write(c.Arg(2), buf) != 0) return Errno.EFAULT.Neg();
        return r;
    }

    [Syscall(34, "dirfd, path, mode")]
    static long MkdirAt(SyscallContext c)
    {
        var path = Path(c, 1);
        return path is null ? Errno.EFAULT.Neg() : Vfs(c).MkdirAt(Files(c), c.IntArg(0), path, (uint)c.Arg(2));
    }

    [Syscall(35, "dirfd, path, flags")]
    static long UnlinkAt(SyscallContext c)
    {
        var path = Path(c, 1);
        return path is null ? Errno.EFAULT.Neg() : Vfs(c).UnlinkAt(Files(c), c.IntArg(0), path, c.IntArg(2));
    }

    [Syscall(38, "olddirfd, oldpath, newdirfd, newpath")]
    static long RenameAt(SyscallContext c) => Rename(c, 0);

    [Syscall(276, "olddirfd, oldpath, newdirfd, newpath, flags")]
    static long RenameAt2(SyscallContext c) => Rename(c, c.IntArg(4));

    static long Rename(SyscallContext c, int flags)
    {
        var from = Path(c, 1);
        var to = Path(c, 3);
        if (from is null || to is null) return Errno.EFAULT.Neg();
        return Vfs(c).RenameAt2(Files(c), c.IntArg(0), from, c.IntArg(2), to, flags);
    }

    [Syscall(50, "fd")] static long Fchdir(SyscallContext c) => Vfs(c).Fchdir(Files(c), c.IntArg(0));

    [Syscall(49, "path")]
    static long Chdir(SyscallContext c)
    {
        var path = Path(c, 0);
        return path is null ? Errno.EFAULT.Neg() : Vfs(c).Chdir(Files(c), path);
    }

    [Syscall(17, "buf, size")]
    static long Getcwd(SyscallContext c)
    {
        var buf = new byte[(int)Math.Min(c.Arg(1), 4096)];
        long r = Vfs(c).Getcwd(Files(c), buf);
        return r <= 0 ? r : c.User.Write(c.Arg(0), buf.AsSpan(0, (int)r)) != 0 ? Errno.EFAULT.Neg() : r;
    }

    [Syscall(46, "fd, length")] static long Ftruncate(SyscallContext c) => Vfs(c).Ftruncate(Files(c), c.IntArg(0), c.LongArg(1));
    [Syscall(82, "fd")] static long Fsync(SyscallContext c) => Vfs(c).Fsync(Files(c), c.IntArg(0));
    [Syscall(83, "fd")] static long Fdatasync(SyscallContext c) => Vfs(c).Fsync(Files(c), c.IntArg(0));
    [Syscall(166, "mask")] static long Umask(SyscallContext c) { uint old = Files(c).Umask; Files(c).Umask = (uint)c.Arg(0) & 0x1FF; return old; }
}
