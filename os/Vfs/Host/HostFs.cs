// Host-backed file systems. Every operation first turns the guest path into host descriptors with
// one strategy method, then works relative to them with the *at() calls, so the two modes share all
// the code:
//   ConfinedHostFs (--root DIR): every lookup is openat2(rootFd, path, RESOLVE_IN_ROOT |
//     RESOLVE_NO_MAGICLINKS) on an O_PATH descriptor of DIR, so "..", absolute and relative symlinks
//     and renames racing the lookup all stay inside DIR (the host kernel guarantees it). Operations on
//     a final component (mkdirat, unlinkat, renameat2, readlinkat, statx NOFOLLOW) run relative to a
//     parent directory descriptor obtained that way and never follow that component.
//   SysrootHostFs (-L SYSROOT, or the plain host when SYSROOT is null): an absolute path is looked up
//     inside SYSROOT first and on the host when it does not exist there, like qemu-aarch64 -L.
// Paths are guest byte strings carried as Latin-1; ENOENT/ENOTDIR/EISDIR... come from the host.
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs.Host;

public abstract class HostFs : IFileSystem
{
    /// <summary>Opens path (absolute in this file system) with host flags: fd or -errno.</summary>
    protected abstract int OpenHost(string path, int hostFlags, uint mode);

    /// <summary>The path in this file system of a host path, or null when it lies outside.</summary>
    protected abstract string? FromHostPath(string hostPath);

    int Lookup(string path, bool follow, bool directory = false) =>
        OpenHost(path, HostNative.O_PATH | HostNative.O_CLOEXEC | (follow ? 0 : HostNative.O_NOFOLLOW) |
                       (directory ? HostNative.O_DIRECTORY : 0), 0);

    /// <summary>Splits path into a parent descriptor and a final name ("", "." or ".." are reported
    /// by name so callers give Linux's errors). trailingSlash: the path ended in '/'.</summary>
    long LookupParent(string path, out HostFd? parent, out string name, out bool trailingSlash)
    {
        parent = null;
        string p = path.TrimEnd('/');
        trailingSlash = p.Length != path.Length && p.Length > 0;
        int slash = p.LastIndexOf('/');
        name = p[(slash + 1)..];
        string dir = slash <= 0 ? "/" : p[..slash];
        int fd = OpenHost(dir, HostNative.O_PATH | HostNative.O_CLOEXEC | HostNative.O_DIRECTORY, 0);
        if (fd < 0) return fd;
        parent = new HostFd(fd);
        return 0;
    }

    static bool IsDotName(string name) => name is "" or "." or "..";

    public long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file)
    {
        file = null;
        int hostFlags = HostNative.ToHostOpenFlags(flags & ~(int)OpenFlags.O_CLOEXEC) | HostNative.O_CLOEXEC;
        int fd = OpenHost(path, hostFlags, (mode & 0xFFF) & ~ctx.Umask);
        if (fd < 0) return fd;
        var h = new HostFd(fd);
        long r = HostNative.Statx(fd, "", At.EMPTY_PATH, out var st);
        if (r < 0) { h.Dispose(); return r; }
        if (StatMode.IsDir(st.Mode))
            file = new HostDirectory(h, flags, FromHostPath(HostNative.PathOf(fd) ?? "") ?? path, st.Mode);
        else
            file = new HostFile(h, flags, path, st.Mode);
        return 0;
    }

    public long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st)
    {
        st = default;
        int fd = Lookup(path, followLinks);
        if (fd < 0) return fd;
        using var h = new HostFd(fd);
        return HostNative.Statx(fd, "", At.EMPTY_PATH | At.SYMLINK_NOFOLLOW, out st);
    }

    public long ReadLink(FsContext ctx, string path, out string target)
    {
        target = "";
        int fd = Lookup(path, follow: false);
        if (fd < 0) return fd;
        using var h = new HostFd(fd);
        long r = HostNative.Readlinkat(fd, "", out target);
        return r == -(int)Errno.ENOENT ? Errno.EINVAL.Neg() : r; // empty path on a non-link: EINVAL as readlink(2)
    }

    public long Access(FsContext ctx, string path, int mode, bool followLinks)
    {
        if ((mode & ~7) != 0) return Errno.EINVAL.Neg();
        int fd = Lookup(path, followLinks);
        if (fd < 0) return fd;
        using var h = new HostFd(fd);
        return HostNative.Faccessat2(fd, "", mode, At.EMPTY_PATH | (followLinks ? 0 : At.SYMLINK_NOFOLLOW));
    }

    public long Mkdir(FsContext ctx, string path, uint mode)
    {
        long r = LookupParent(path, out var parent, out var name, out _);
        if (r < 0) return r;
        using (parent)
            return IsDotName(name) ? Errno.EEXIST.Neg() : HostNative.Mkdirat(parent!.Fd, name, (mode & 0xFFF) & ~ctx.Umask);
    }

    public long Unlink(FsContext ctx, string path, bool directory)
    {
        long r = LookupParent(path, out var parent, out var name, out bool slash);
        if (r < 0) return r;
        using (parent)
        {
            if (IsDotName(name))
                return !directory ? Errno.EISDIR.Neg() : name == "." ? Errno.EINVAL.Neg() : name == "" ? Errno.EBUSY.Neg() : Errno.ENOTEMPTY.Neg();
            if (!directory && slash)
            {
                long s = HostNative.Statx(parent!.Fd, name, At.SYMLINK_NOFOLLOW, out var st);
                return s < 0 ? s : StatMode.IsDir(st.Mode) ? Errno.EISDIR.Neg() : Errno.ENOTDIR.Neg();
            }
            return HostNative.Unlinkat(parent!.Fd, name, directory ? At.REMOVEDIR : 0);
        }
    }

    public long Rename(FsContext ctx, string from, string to, int flags)
    {
        if ((flags & ~(RenameFlags.NOREPLACE | RenameFlags.EXCHANGE)) != 0 ||
            flags == (RenameFlags.NOREPLACE | RenameFlags.EXCHANGE)) return Errno.EINVAL.Neg();
        long r = LookupParent(from, out var op, out var oname, out bool oslash);
        if (r < 0) return r;
        using (op)
        {
            r = LookupParent(to, out var np, out var nname, out bool nslash);
            if (r < 0) return r;
            using (np)
            {
                if (IsDotName(oname) || IsDotName(nname)) return oname == "" || nname == "" ? Errno.EBUSY.Neg() : Errno.EINVAL.Neg();
                if (oslash || nslash)
                {
                    long s = HostNative.Statx(op!.Fd, oname, At.SYMLINK_NOFOLLOW, out var st);
                    if (s < 0) return s;
                    if (!StatMode.IsDir(st.Mode)) return Errno.ENOTDIR.Neg();
                }
                return HostNative.Renameat2(op!.Fd, oname, np!.Fd, nname, (uint)flags);
            }
        }
    }

    public long ResolveDirectory(FsContext ctx, string path, out string canonical)
    {
        canonical = "/";
        int fd = Lookup(path, follow: true, directory: true);
        if (fd < 0) return fd;
        using var h = new HostFd(fd);
        long r = HostNative.Faccessat2(fd, "", AccessBits.X_OK, At.EMPTY_PATH);
        if (r < 0) return r;
        canonical = FromHostPath(HostNative.PathOf(fd) ?? "") ?? "/";
        return 0;
    }
}

/// <summary>--root DIR: the guest's whole file system is DIR, confined by the host kernel.</summary>
public sealed class ConfinedHostFs : HostFs, IDisposable
{
    readonly HostFd root;
    readonly string rootPath;

    public ConfinedHostFs(string directory)
    {
        int fd = HostNative.OpenAt(HostNative.AT_FDCWD, directory, HostNative.O_PATH | HostNative.O_DIRECTORY | HostNative.O_CLOEXEC, 0);
        if (fd < 0) throw new IOException($"--root {directory}: {ErrnoInfo.StrError(-fd)}");
        root = new HostFd(fd);
        rootPath = HostNative.PathOf(fd) ?? Path.GetFullPath(directory);
    }

    /// <summary>The host directory that is the guest's root (resolved).</summary>
    public string RootPath => rootPath;

    protected override int OpenHost(string path, int hostFlags, uint mode) => HostNative.OpenInRoot(root.Fd, path, hostFlags, mode);

    protected override string? FromHostPath(string hostPath)
    {
        if (hostPath == rootPath) return "/";
        if (rootPath == "/") return hostPath;
        return hostPath.StartsWith(rootPath + "/", StringComparison.Ordinal) ? hostPath[rootPath.Length..] : null;
    }

    public void Dispose() => root.Dispose();
}

/// <summary>-L SYSROOT: the host's file system with SYSROOT consulted first (SYSROOT null: the plain host).</summary>
public sealed class SysrootHostFs : HostFs
{
    readonly string? sysroot;

    public SysrootHostFs(string? sysroot)
    {
        this.sysroot = sysroot == null ? null : Path.GetFullPath(sysroot).TrimEnd('/');
        if (this.sysroot == "") this.sysroot = null;
    }

    public string? Sysroot => sysroot;

    /// <summary>The host path a guest path uses: inside SYSROOT if it exists there (without following
    /// its last component), else the host's own. "/" is always the host's root.</summary>
    public string Map(string path)
    {
        if (sysroot == null || path.TrimEnd('/').Length == 0) return path;
        string candidate = sysroot + path;
        return HostNative.Statx(HostNative.AT_FDCWD, candidate, At.SYMLINK_NOFOLLOW, out _) == 0 ? candidate : path;
    }

    protected override int OpenHost(string path, int hostFlags, uint mode) =>
        HostNative.OpenAt(HostNative.AT_FDCWD, Map(path), hostFlags, mode);

    protected override string? FromHostPath(string hostPath) =>
        sysroot != null && hostPath.StartsWith(sysroot + "/", StringComparison.Ordinal) ? hostPath[sysroot.Length..] : hostPath;
}
