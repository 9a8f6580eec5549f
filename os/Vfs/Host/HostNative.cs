// P/Invoke to the host's libc and kernel for the host-backed file systems. Paths cross as bytes:
// guest paths are carried as Latin-1 strings (one char per byte), so any byte string round-trips.
// Host flags differ from the guest's on x86-64 (O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE);
// ToHostOpenFlags translates. Errors come back as -errno; the host's errno numbers are the
// generic ones on x86-64 and AArch64 alike.
using System.Runtime.InteropServices;
using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Runtime;

namespace Fast.Os.Vfs.Host;

/// <summary>A host file descriptor, closed when the last user releases it (so a close racing a read
/// never lets the number be reused under the reader).</summary>
public sealed class HostFd : SafeHandle
{
    public HostFd() : base(new IntPtr(-1), true) { }
    public HostFd(int fd) : base(new IntPtr(-1), true) => SetHandle(new IntPtr(fd));
    public override bool IsInvalid => handle.ToInt64() < 0;
    public int Fd => (int)handle.ToInt64();
    protected override bool ReleaseHandle() => HostNative.close((int)handle.ToInt64()) == 0;
}

public static unsafe partial class HostNative
{
    const string Libc = "libc";
    public const int AT_FDCWD = -100;
    public const int SYS_openat2 = 437, SYS_faccessat2 = 439;
    public const ulong RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_IN_ROOT = 0x10;
    public const short POLLIN = 1, POLLOUT = 4;

    static readonly bool HostIsArm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
    // host (x86-64) values of the flags AArch64 numbers differently
    const int X_O_DIRECT = 0x4000, X_O_LARGEFILE = 0x8000, X_O_DIRECTORY = 0x10000, X_O_NOFOLLOW = 0x20000;
    public static readonly int O_PATH = 0x200000, O_CLOEXEC = 0x80000;
    public static int O_DIRECTORY => HostIsArm64 ? (int)OpenFlags.O_DIRECTORY : X_O_DIRECTORY;
    public static int O_NOFOLLOW => HostIsArm64 ? (int)OpenFlags.O_NOFOLLOW : X_O_NOFOLLOW;

    /// <summary>Guest (AArch64) open flags to the host's numbering; O_LARGEFILE dropped.</summary>
    public static int ToHostOpenFlags(int guest)
    {
        int moved = (int)(OpenFlags.O_DIRECTORY | OpenFlags.O_NOFOLLOW | OpenFlags.O_DIRECT | OpenFlags.O_LARGEFILE);
        if (HostIsArm64) return guest & ~(int)OpenFlags.O_LARGEFILE;
        int h = guest & ~moved;
        if ((guest & (int)OpenFlags.O_DIRECTORY) != 0) h |= X_O_DIRECTORY;
        if ((guest & (int)OpenFlags.O_NOFOLLOW) != 0) h |= X_O_NOFOLLOW;
        if ((guest & (int)OpenFlags.O_DIRECT) != 0) h |= X_O_DIRECT;
        return h;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct OpenHow { public ulong Flags, Mode, Resolve; }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd { public int Fd; public short Events, Revents; }

    public static byte[] Bytes(string path)
    {
        var b = new byte[path.Length + 1];
        Latin1Text.GetBytes(path, b);
        return b;
    }

    public static string Str(ReadOnlySpan<byte> b) => Latin1Text.GetString(b);

    static long Err(long r) => r < 0 ? -Marshal.GetLastPInvokeError() : r;

    [LibraryImport(Libc, SetLastError = true)] private static partial nint getrandom(byte* buf, nuint n, uint flags);

    /// <summary>Fills buffer from the host kernel's random source (getrandom(2), cryptographically
    /// secure). RandomNumberGenerator would do the same through OpenSSL, whose loading and set-up cost
    /// every `fast run` ~2 ms (AT_RANDOM needs 16 bytes at each exec); it remains the fallback.</summary>
    public static void Random(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
            for (int done = 0; done < buffer.Length;)
            {
                nint n = getrandom(p + done, (nuint)(buffer.Length - done), 0);
                if (n > 0) { done += (int)n; continue; }
                if (n < 0 && Marshal.GetLastPInvokeError() == 4 /* EINTR */) continue;
                System.Security.Cryptography.RandomNumberGenerator.Fill(buffer[done..]);
                return;
            }
    }

    [LibraryImport(Libc, SetLastError = true)] internal static partial int close(int fd);
    [LibraryImport(Libc, SetLastError = true)] private static partial int openat(int dirfd, byte* path, int flags, uint mode);
    [LibraryImport(Libc, EntryPoint = "syscall", SetLastError = true)] private static partial long syscall4(long nr, long a, byte* b, void* c, long d);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint read(HostFd fd, byte* buf, nuint n);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint write(HostFd fd, byte* buf, nuint n);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint pread64(HostFd fd, byte* buf, nuint n, long off);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint pwrite64(HostFd fd, byte* buf, nuint n, long off);
    [LibraryImport(Libc, SetLastError = true)] private static partial long lseek64(HostFd fd, long off, int whence);
    [LibraryImport(Libc, SetLastError = true)] private static partial int ftruncate64(HostFd fd, long len);
    [LibraryImport(Libc, SetLastError = true)] private static partial int fsync(HostFd fd);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint getdents64(HostFd fd, byte* buf, nuint n);
    [LibraryImport(Libc, SetLastError = true)] private static partial int ioctl(HostFd fd, ulong req, byte* arg);
    [LibraryImport(Libc, SetLastError = true)] private static partial int fcntl(HostFd fd, int cmd, long arg);
    [LibraryImport(Libc, SetLastError = true)] private static partial int poll(PollFd* fds, ulong n, int timeout);
    [LibraryImport(Libc, SetLastError = true)] private static partial int statx(int dirfd, byte* path, int flags, uint mask, byte* buf);
    [LibraryImport(Libc, SetLastError = true)] private static partial int mkdirat(int dirfd, byte* path, uint mode);
    [LibraryImport(Libc, SetLastError = true)] private static partial int unlinkat(int dirfd, byte* path, int flags);
    [LibraryImport(Libc, SetLastError = true)] private static partial int renameat2(int od, byte* op, int nd, byte* np, uint flags);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint readlinkat(int dirfd, byte* path, byte* buf, nuint n);
    [LibraryImport(Libc, SetLastError = true)] private static partial byte* getcwd(byte* buf, nuint size);

    public static int OpenAt(int dirfd, string path, int hostFlags, uint mode)
    {
        fixed (byte* p = Bytes(path)) return (int)Err(openat(dirfd, p, hostFlags, mode));
    }

    /// <summary>openat2 with RESOLVE_IN_ROOT|RESOLVE_NO_MAGICLINKS relative to root; retries the
    /// kernel's -EAGAIN (a rename elsewhere raced the lookup).</summary>
    public static int OpenInRoot(int rootFd, string path, int hostFlags, uint mode)
    {
        var how = new OpenHow
        {
            Flags = (ulong)(uint)hostFlags,
            Mode = (hostFlags & 0x40) != 0 || (hostFlags & 0x400000) != 0 ? mode & 0xFFF : 0,
            Resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
        };
        var bytes = Bytes(path.Length == 0 ? "/" : path);
        fixed (byte* p = bytes)
        {
            for (int attempt = 0; ; attempt++)
            {
                long r = Err(syscall4(SYS_openat2, rootFd, p, &how, sizeof(OpenHow)));
                if (r != -(int)Errno.EAGAIN || attempt > 10000) return (int)r;
                Thread.Yield();
            }
        }
    }

    public static long Read(HostFd fd, Span<byte> buf) { fixed (byte* b = buf) return Err(read(fd, b, (nuint)buf.Length)); }
    public static long Write(HostFd fd, ReadOnlySpan<byte> buf) { fixed (byte* b = buf) return Err(write(fd, b, (nuint)buf.Length)); }
    public static long PRead(HostFd fd, Span<byte> buf, long off) { fixed (byte* b = buf) return Err(pread64(fd, b, (nuint)buf.Length, off)); }
    public static long PWrite(HostFd fd, ReadOnlySpan<byte> buf, long off) { fixed (byte* b = buf) return Err(pwrite64(fd, b, (nuint)buf.Length, off)); }
    public static long Seek(HostFd fd, long off, int whence) => Err(lseek64(fd, off, whence));
    public static long Truncate(HostFd fd, long len) => Err(ftruncate64(fd, len));
    public static long Sync(HostFd fd) => Err(fsync(fd));
    public static long GetDents64(HostFd fd, Span<byte> buf) { fixed (byte* b = buf) return Err(getdents64(fd, b, (nuint)buf.Length)); }
    public static long Ioctl(HostFd fd, ulong req, Span<byte> arg) { fixed (byte* a = arg) return Err(ioctl(fd, req, a)); }

    /// <summary>Sets or clears O_APPEND (0x400 on every Linux) on the host description.</summary>
    public static long SetAppend(HostFd fd, bool on)
    {
        long fl = Err(fcntl(fd, 3 /* F_GETFL */, 0));
        if (fl < 0) return fl;
        return Err(fcntl(fd, 4 /* F_SETFL */, on ? fl | 0x400 : fl & ~0x400L));
    }

    /// <summary>poll one fd; 1 ready, 0 timeout, -errno.</summary>
    public static int Poll(int fd, short events, int timeoutMs)
    {
        var p = new PollFd { Fd = fd, Events = events };
        int r = (int)Err(poll(&p, 1, timeoutMs));
        return r;
    }

    public static long Statx(int dirfd, string path, int atFlags, out StatInfo st)
    {
        Span<byte> buf = stackalloc byte[StatxLayout.Size];
        long r;
        fixed (byte* p = Bytes(path)) fixed (byte* b = buf)
            r = Err(statx(dirfd, p, atFlags, StatxMask.BASIC_STATS | StatxMask.BTIME, b));
        st = r < 0 ? default : StatxLayout.Read(buf);
        return r;
    }

    public static long Mkdirat(int dirfd, string name, uint mode) { fixed (byte* p = Bytes(name)) return Err(mkdirat(dirfd, p, mode)); }
    public static long Unlinkat(int dirfd, string name, int flags) { fixed (byte* p = Bytes(name)) return Err(unlinkat(dirfd, p, flags)); }

    public static long Renameat2(int od, string on, int nd, string nn, uint flags)
    {
        fixed (byte* a = Bytes(on)) fixed (byte* b = Bytes(nn)) return Err(renameat2(od, a, nd, b, flags));
    }

    public static long Readlinkat(int dirfd, string name, out string target)
    {
        var buf = new byte[4096];
        long r;
        fixed (byte* p = Bytes(name)) fixed (byte* b = buf) r = Err(readlinkat(dirfd, p, b, (nuint)buf.Length));
        target = r < 0 ? "" : Str(buf.AsSpan(0, (int)r));
        return r;
    }

    public static long Faccessat2(int dirfd, string name, int mode, int flags)
    {
        fixed (byte* p = Bytes(name)) return Err(syscall4(SYS_faccessat2, dirfd, p, (void*)mode, flags));
    }

    /// <summary>The host path a descriptor refers to (readlink of /proc/self/fd/N).</summary>
    public static string? PathOf(int fd) =>
        Readlinkat(AT_FDCWD, $"/proc/self/fd/{fd}", out var t) < 0 ? null : t;

    /// <summary>The host's working directory as its bytes (one char per byte); null if getcwd fails
    /// (the directory was removed, or its path is longer than PATH_MAX).</summary>
    public static string? CurrentDirectory()
    {
        var buf = new byte[4096];
        fixed (byte* b = buf)
        {
            if (getcwd(b, (nuint)buf.Length) == null) return null;
            return Str(buf.AsSpan(0, buf.AsSpan().IndexOf((byte)0)));
        }
    }
}
