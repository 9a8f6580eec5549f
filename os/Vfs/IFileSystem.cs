// What a mounted file system provides to the VFS. Paths are absolute within the file system
// ("/" is its root); host-backed file systems receive them unnormalized so the host kernel resolves
// "..", symlinks and trailing slashes itself. Every method returns 0 (or a count) or -errno.
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public interface IFileSystem
{
    /// <summary>openat: flags are the guest's O_* flags (O_CLOEXEC is the fd table's business).</summary>
    long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file);

    long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st);

    long ReadLink(FsContext ctx, string path, out string target);

    /// <summary>faccessat: mode is F_OK or a mask of R_OK/W_OK/X_OK.</summary>
    long Access(FsContext ctx, string path, int mode, bool followLinks);

    long Mkdir(FsContext ctx, string path, uint mode);

    /// <summary>unlink (directory: rmdir).</summary>
    long Unlink(FsContext ctx, string path, bool directory);

    /// <summary>renameat2 within this file system (flags: RENAME_NOREPLACE/EXCHANGE).</summary>
    long Rename(FsContext ctx, string from, string to, int flags);

    /// <summary>chdir: checks path is a searchable directory and gives its canonical path in this file system.</summary>
    long ResolveDirectory(FsContext ctx, string path, out string canonical);
}

/// <summary>Defaults for read-only synthetic file systems (/dev, /proc).</summary>
public abstract class SyntheticFs : IFileSystem
{
    public abstract long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file);
    public abstract long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st);

    public virtual long ReadLink(FsContext ctx, string path, out string target)
    {
        target = "";
        long r = Stat(ctx, path, false, out _);
        return r < 0 ? r : Errno.EINVAL.Neg();
    }

    public virtual long Access(FsContext ctx, string path, int mode, bool followLinks)
    {
        long r = Stat(ctx, path, followLinks, out var st);
        if (r < 0) return r;
        if ((mode & AccessBits.W_OK) != 0 && (st.Mode & StatMode.S_IWUSR) == 0) return Errno.EACCES.Neg();
        if ((mode & AccessBits.X_OK) != 0 && (st.Mode & StatMode.S_IXUSR) == 0) return Errno.EACCES.Neg();
        return 0;
    }

    long Exists(FsContext ctx, string path) => Stat(ctx, path, false, out _) is var r && r < 0 ? r : Errno.EEXIST.Neg();

    public virtual long Mkdir(FsContext ctx, string path, uint mode) =>
        Exists(ctx, path) == Errno.EEXIST.Neg() ? Errno.EEXIST.Neg() : Errno.EACCES.Neg();

    public virtual long Unlink(FsContext ctx, string path, bool directory) =>
        Stat(ctx, path, false, out _) is var r && r < 0 ? r : Errno.EACCES.Neg();

    public virtual long Rename(FsContext ctx, string from, string to, int flags) =>
        Stat(ctx, from, false, out _) is var r && r < 0 ? r : Errno.EACCES.Neg();

    public virtual long ResolveDirectory(FsContext ctx, string path, out string canonical)
    {
        canonical = path;
        long r = Stat(ctx, path, true, out var st);
        if (r < 0) return r;
        return StatMode.IsDir(st.Mode) ? 0 : Errno.ENOTDIR.Neg();
    }
}
