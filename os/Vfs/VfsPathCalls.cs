// The path-based file system calls (openat, newfstatat, statx, readlinkat, faccessat, mkdirat,
// unlinkat, renameat2, chdir, getcwd) with Linux's argument checks and return values.
using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Runtime;

namespace Fast.Os.Vfs;

public sealed partial class VirtualFileSystem
{
    const int ValidOpenFlags = 0x7FFFFF; // every O_* bit Linux knows

    /// <summary>openat(dirfd, path, flags, mode): the new descriptor or -errno.</summary>
    public long OpenAt(FsContext ctx, int dirfd, string path, int flags, uint mode)
    {
        if ((flags & ~ValidOpenFlags) != 0) flags &= ValidOpenFlags; // Linux ignores unknown flags in open
        if ((flags & (int)OpenFlags.O_CREAT) != 0 && (flags & (int)OpenFlags.__O_TMPFILE) == 0 &&
            (flags & (int)OpenFlags.O_DIRECTORY) != 0) return Errno.EINVAL.Neg();
        if ((flags & (int)OpenFlags.O_PATH) != 0)
            flags &= (int)(OpenFlags.O_PATH | OpenFlags.O_DIRECTORY | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC);
        long r = OpenFile(ctx, dirfd, path, flags, mode, out var file);
        if (r < 0) return r;
        int fd = ctx.Fds.Install(file!, (flags & (int)OpenFlags.O_CLOEXEC) != 0);
        if (fd < 0) { file!.AddRef(); file.Release(); }
        return fd;
    }

    /// <summary>The file a (dirfd, path, AT_EMPTY_PATH) triple names when path is empty.</summary>
    long EmptyPathTarget(FsContext ctx, int dirfd, int flags, out OpenFile? file, out string? cwdPath)
    {
        file = null; cwdPath = null;
        if ((flags & At.EMPTY_PATH) == 0) return Errno.ENOENT.Neg();
        if (dirfd == At.FDCWD) { cwdPath = ctx.Cwd; return 0; }
        file = ctx.Fds.Get(dirfd);
        return file == null ? Errno.EBADF.Neg() : 0;
    }

    long StatAt(FsContext ctx, int dirfd, string path, int flags, out StatInfo st)
    {
        st = default;
        if ((flags & ~(At.SYMLINK_NOFOLLOW | At.EMPTY_PATH | At.NO_AUTOMOUNT | At.STATX_SYNC_TYPE)) != 0) return Errno.EINVAL.Neg();
        if (path.Length == 0)
        {
            long r = EmptyPathTarget(ctx, dirfd, flags, out var file, out var cwd);
            if (r < 0) return r;
            return file != null ? file.Stat(out st) : StatPath(ctx, cwd!, true, out st);
        }
        return StatPath(ctx, path, (flags & At.SYMLINK_NOFOLLOW) == 0, out st, dirfd);
    }

    /// <summary>newfstatat: writes a 128-byte struct stat into statbuf.</summary>
    public long NewFstatAt(FsContext ctx, int dirfd, string path, Span<byte> statbuf, int flags)
    {
        long r = StatAt(ctx, dirfd, path, flags, out var st);
        if (r < 0) return r;
        StatLayout.Write(statbuf, st);
        return 0;
    }

    /// <summary>statx: writes a 256-byte struct statx into buf.</summary>
    public long Statx(FsContext ctx, int dirfd, string path, int flags, uint mask, Span<byte> buf)
    {
        if ((mask & 0x80000000u) != 0 || (flags & At.STATX_SYNC_TYPE) == At.STATX_SYNC_TYPE) return Errno.EINVAL.Neg();
        long r = StatAt(ctx, dirfd, path, flags, out var st);
        if (r < 0) return r;
        StatxLayout.Write(buf, st);
        return 0;
    }

    /// <summary>readlinkat: copies the target (no NUL) into buf; its length or -errno.</summary>
    public long ReadLinkAt(FsContext ctx, int dirfd, string path, Span<byte> buf)
    {
        if (buf.Length <= 0) return Errno.EINVAL.Neg();
        long r = ReadLinkPath(ctx, path, out string target, dirfd);
        if (r < 0) return r;
        var bytes = Latin1Text.GetBytes(target);
        int n = Math.Min(bytes.Length, buf.Length);
        bytes.AsSpan(0, n).CopyTo(buf);
        return n;
    }

    /// <summary>faccessat / faccessat2.</summary>
    public long FaccessAt(FsContext ctx, int dirfd, string path, int mode, int flags = 0)
    {
        if ((mode & ~7) != 0 || (flags & ~(At.EACCESS | At.SYMLINK_NOFOLLOW | At.EMPTY_PATH)) != 0) return Errno.EINVAL.Neg();
        if (path.Length == 0)
        {
            long e = EmptyPathTarget(ctx, dirfd, flags, out var file, out var cwd);
            if (e < 0) return e;
            path = file?.Path ?? cwd!;
            dirfd = At.FDCWD;
        }
        long r = Resolve(ctx, dirfd, path, out var fs, out var fsPath, out _);
        return r < 0 ? r : fs.Access(ctx, fsPath, mode, (flags & At.SYMLINK_NOFOLLOW) == 0);
    }

    public long MkdirAt(FsContext ctx, int dirfd, string path, uint mode)
    {
        long r = Resolve(ctx, dirfd, path, out var fs, out var fsPath, out _);
        return r < 0 ? r : fs.Mkdir(ctx, fsPath, mode);
    }

    /// <summary>unlinkat (AT_REMOVEDIR: rmdir).</summary>
    public long UnlinkAt(FsContext ctx, int dirfd, string path, int flags)
    {
        if ((flags & ~At.REMOVEDIR) != 0) return Errno.EINVAL.Neg();
        long r = Resolve(ctx, dirfd, path, out var fs, out var fsPath, out _);
        return r < 0 ? r : fs.Unlink(ctx, fsPath, (flags & At.REMOVEDIR) != 0);
    }

    /// <summary>renameat2 (renameat is flags 0); EXDEV across mounts.</summary>
    public long RenameAt2(FsContext ctx, int olddirfd, string oldpath, int newdirfd, string newpath, int flags = 0)
    {
        long r = Resolve(ctx, olddirfd, oldpath, out var ofs, out var opath, out _);
        if (r < 0) return r;
        r = Resolve(ctx, newdirfd, newpath, out var nfs, out var npath, out _);
        if (r < 0) return r;
        if (!ReferenceEquals(ofs, nfs)) return Errno.EXDEV.Neg();
        return ofs.Rename(ctx, opath, npath, flags);
    }

    public long Chdir(FsContext ctx, string path)
    {
        long r = Resolve(ctx, At.FDCWD, path, out var fs, out var fsPath, out var mount);
        if (r < 0) return r;
        r = fs.ResolveDirectory(ctx, fsPath, out string canonical);
        if (r < 0) return r;
        ctx.Cwd = fs is Host.HostFs ? JoinMount(mount, canonical) : JoinMount(mount, Normalize(canonical));
        return 0;
    }

    /// <summary>getcwd: writes the NUL-terminated cwd; its length including the NUL, or -ERANGE.</summary>
    public long Getcwd(FsContext ctx, Span<byte> buf)
    {
        var bytes = Latin1Text.GetBytes(ctx.Cwd);
        if (bytes.Length + 1 > buf.Length) return Errno.ERANGE.Neg();
        bytes.CopyTo(buf);
        buf[bytes.Length] = 0;
        return bytes.Length + 1;
    }
}
