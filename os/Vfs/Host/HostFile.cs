// Open file descriptions backed by a host descriptor: one guest description is one host open file
// description, so the host keeps the offset, O_APPEND is atomic, and dup/fork sharing is exact.
// Regular files and directories never block. Streams (FIFOs, terminals, sockets: e.g. the host's
// stdin handed to the guest) are polled first: not ready is -EAGAIN, and the waitable polls the host
// descriptor on a pool thread and wakes the waiter when it is ready. Directory listings are the
// host's getdents64 records, whose layout is the same on every architecture; the host keeps the
// resumable position (d_off cookies, lseek).
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs.Host;

public class HostFile : OpenFile
{
    public HostFile(HostFd fd, int flags, string path, uint mode) : base(flags, path)
    {
        Fd = fd;
        FileType = mode & StatMode.S_IFMT;
        IsStream = FileType is StatMode.S_IFIFO or StatMode.S_IFCHR or StatMode.S_IFSOCK;
    }

    /// <summary>Wraps an inherited host descriptor (e.g. a dup of the host's stdin/stdout).</summary>
    public static HostFile FromHostDescriptor(int hostFd, int flags, string path)
    {
        var fd = new HostFd(hostFd);
        HostNative.Statx(hostFd, "", At.EMPTY_PATH, out var st);
        return StatMode.IsDir(st.Mode) ? new HostDirectory(fd, flags, path, st.Mode) : new HostFile(fd, flags, path, st.Mode);
    }

    public HostFd Fd { get; }
    public uint FileType { get; }
    public bool IsStream { get; }
    public bool IsTerminal => FileType == StatMode.S_IFCHR && HostNative.Ioctl(Fd, IoctlCmd.TCGETS, stackalloc byte[64]) == 0;

    bool Ready(short events) => !IsStream || HostNative.Poll(Fd.Fd, events, 0) != 0;

    public override long Read(Span<byte> buffer)
    {
        if (!CanRead) return Errno.EBADF.Neg();
        if (buffer.Length > 0 && !Ready(HostNative.POLLIN)) return Errno.EAGAIN.Neg();
        return HostNative.Read(Fd, buffer);
    }

    public override long Write(ReadOnlySpan<byte> data)
    {
        if (!CanWrite) return Errno.EBADF.Neg();
        if (data.Length > 0 && !Ready(HostNative.POLLOUT)) return Errno.EAGAIN.Neg();
        return HostNative.Write(Fd, data);
    }

    public override long PRead(Span<byte> buffer, long offset) =>
        !CanRead ? Errno.EBADF.Neg() : IsStream ? Errno.ESPIPE.Neg() : HostNative.PRead(Fd, buffer, offset);

    public override long PWrite(ReadOnlySpan<byte> data, long offset) =>
        !CanWrite ? Errno.EBADF.Neg() : IsStream ? Errno.ESPIPE.Neg() : HostNative.PWrite(Fd, data, offset);

    public override long Seek(long offset, int whence) =>
        (Flags & (int)OpenFlags.O_PATH) != 0 ? Errno.EBADF.Neg() : HostNative.Seek(Fd, offset, whence);

    public override long Truncate(long length) =>
        !CanWrite ? Errno.EINVAL.Neg() : HostNative.Truncate(Fd, length);

    public override long Sync() => HostNative.Sync(Fd);

    public override long Stat(out StatInfo st)
    {
        bool ok = false;
        try
        {
            Fd.DangerousAddRef(ref ok);
            return HostNative.Statx(Fd.Fd, "", At.EMPTY_PATH, out st);
        }
        finally { if (ok) Fd.DangerousRelease(); }
    }

    public override long SetFlags(int flags)
    {
        // O_APPEND must reach the host description (the host does the appending); O_NONBLOCK stays
        // ours (the host descriptor may be shared with the host's own terminal).
        const int append = (int)OpenFlags.O_APPEND;
        if (((Flags ^ flags) & append) != 0)
        {
            long r = HostNative.SetAppend(Fd, (flags & append) != 0);
            if (r < 0) return r;
        }
        return base.SetFlags(flags);
    }

    public override long Ioctl(uint request, Span<byte> arg)
    {
        if (request == IoctlCmd.FIONREAD && FileType == StatMode.S_IFREG)
        {
            long size = Stat(out var st) < 0 ? 0 : st.Size, pos = HostNative.Seek(Fd, 0, Whence.CUR);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(arg, (int)Math.Max(0, size - pos));
            return 0;
        }
        // Terminal and FIFO requests have the same numbers and layouts on the host (asm-generic).
        if (FileType is StatMode.S_IFCHR or StatMode.S_IFIFO or StatMode.S_IFSOCK &&
            IoctlCmd.Arg(request).Size > 0 && request != IoctlCmd.TIOCGPTN)
            return HostNative.Ioctl(Fd, request, arg);
        return Errno.ENOTTY.Neg();
    }

    public override IWaitable? ReadWaitable => IsStream ? new PollWaitable(this, HostNative.POLLIN) : null;
    public override IWaitable? WriteWaitable => IsStream ? new PollWaitable(this, HostNative.POLLOUT) : null;

    protected override void OnLastClose() => Fd.Dispose();

    /// <summary>Waits on a pool thread for the host descriptor to become ready.</summary>
    sealed class PollWaitable(HostFile file, short events) : IWaitable
    {
        public void AddWaiter(Action wake)
        {
            if (file.Ready(events)) { wake(); return; }
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                while (!file.Fd.IsClosed)
                {
                    bool ok = false;
                    try
                    {
                        file.Fd.DangerousAddRef(ref ok);
                        if (HostNative.Poll(file.Fd.Fd, events, 100) != 0) break;
                    }
                    catch (ObjectDisposedException) { break; }
                    finally { if (ok) file.Fd.DangerousRelease(); }
                }
                wake();
            }, null);
        }
    }
}

/// <summary>A host directory: getdents64 and lseek pass through to the host descriptor.</summary>
public sealed class HostDirectory : HostFile
{
    public HostDirectory(HostFd fd, int flags, string path, uint mode) : base(fd, flags, path, mode) { }

    public override bool IsDirectory => true;
    public override long Read(Span<byte> buffer) => CanRead ? Errno.EISDIR.Neg() : Errno.EBADF.Neg();
    public override long Write(ReadOnlySpan<byte> data) => Errno.EBADF.Neg();
    public override long PRead(Span<byte> buffer, long offset) => Errno.EISDIR.Neg();

    public override long GetDents64(Span<byte> buffer) =>
        (Flags & (int)OpenFlags.O_PATH) != 0 ? Errno.EBADF.Neg() : HostNative.GetDents64(Fd, buffer);
}
