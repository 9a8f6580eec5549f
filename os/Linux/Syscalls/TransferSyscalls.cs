// Data transfer between descriptors inside the kernel: sendfile (through a bounce buffer, as
// Linux's generic splice path does for files that lack a faster route), and fadvise64 (advice
// only: accepted and ignored, as a file system without readahead may).
using Fast.Os.Linux.Abi;

namespace Fast.Os.Linux.Syscalls;

static partial class TransferSyscalls
{
    [Syscall(71, "out_fd, in_fd, offset, count")]
    static long Sendfile(SyscallContext c)
    {
        var files = c.Process.Files;
        var input = files.Fds.Get(c.IntArg(1));
        var output = files.Fds.Get(c.IntArg(0));
        if (input is null || output is null || !input.CanRead || !output.CanWrite) return Errno.EBADF.Neg();
        ulong offsetPointer = c.Arg(2);
        long offset = -1;
        if (offsetPointer != 0)
        {
            if (!c.User.TryRead64(offsetPointer, out ulong o)) return Errno.EFAULT.Neg();
            offset = (long)o;
            if (offset < 0) return Errno.EINVAL.Neg();
        }
        var buffer = new byte[(int)Math.Min(c.Arg(3), 1 << 20)];
        long n = offset >= 0 ? input.PRead(buffer, offset) : input.Read(buffer);
        if (n <= 0) return n == Errno.EAGAIN.Neg() && !input.NonBlocking && input.ReadWaitable is { } w ? c.Block(w) : n;
        long written = output.Write(buffer.AsSpan(0, (int)n));
        if (written < 0) return written;
        if (offset >= 0) { if (!c.User.TryWrite64(offsetPointer, (ulong)(offset + written))) return Errno.EFAULT.Neg(); }
        else if (written < n) input.Seek(written - n, 1);
        return written;
    }

    [Syscall(223, "fd, offset, len, advice")]
    static long Fadvise64(SyscallContext c) =>
        c.Process.Files.Fds.Get(c.IntArg(0)) is null ? Errno.EBADF.Neg() : c.IntArg(3) is < 0 or > 5 ? Errno.EINVAL.Neg() : 0;
}
