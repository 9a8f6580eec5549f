// The VFS of the Linux personality: what the file system calls operate on, independent of the CPU.
//
// Owns: the mount table (a root file system plus /dev and /proc, or any other mount), path
// resolution, and the system-call-shaped operations (VfsPathCalls.cs: openat, newfstatat, statx,
// readlinkat, faccessat, mkdirat, unlinkat, renameat2, chdir, getcwd; VfsFdCalls.cs: read, write,
// pread/pwrite, readv/writev, lseek, fstat, getdents64, ftruncate, close, dup*, fcntl, ioctl, pipe2,
// fchdir). Each takes the caller's FsContext (descriptor table, cwd, umask, /proc view) and returns
// what Linux returns: a value >= 0 or -errno; a guest mistake never throws. The caller copies guest
// memory in and out of the spans.
//
// Layers: VirtualFileSystem (resolution, argument checks) → IFileSystem (HostFs in its confined and
// sysroot modes, DevFs, ProcFs) → OpenFile (open file descriptions: host files, pipes, devices).
// Blocking is the kernel's: operations that would block return -EAGAIN and the OpenFile's
// ReadWaitable/WriteWaitable tells when to retry.
//
// Resolution: a relative path is joined to the directory of dirfd (its guest path) or the cwd. The
// joined path is normalized lexically only to pick a mount; a path that falls to the root file system
// is handed over unnormalized so the host kernel resolves "..", symlinks and trailing slashes (inside
// DIR for --root). Limitation: a symlink on the root file system pointing into /dev or /proc is
// resolved by the host, not by these mounts.
//
// Locking: the mount table is copy-on-write (readers take a snapshot); everything else is locked by
// the objects that own it (FdTable, the pipes, the host kernel).
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs.Host;

namespace Fast.Os.Vfs;

public sealed partial class VirtualFileSystem
{
    /// <summary>Linux's PATH_MAX (including the NUL).</summary>
    public const int PathMax = 4096;

    (string Point, IFileSystem Fs)[] mounts = [];

    /// <summary>Makes a pipe's UMP channel between two cores (set by the multikernel; null: pipes stay local).</summary>
    public Func<int, int, Ipc.Channel?>? CrossCorePipes { get; set; }

    public VirtualFileSystem(IFileSystem root, ConsoleDevice? console = null)
    {
        Root = root;
        Console = console ?? new ConsoleDevice(null, Stream.Null);
        Dev = new DevFs(Console, this);
        Proc = new ProcFs(this);
        Mount("/", root);
        Mount("/dev", Dev);
        Mount("/proc", Proc);
        Sys = new SysFs();
        Mount("/sys", Sys);
    }

    /// <summary>-L SYSROOT (null: the plain host file system).</summary>
    public static VirtualFileSystem WithSysroot(string? sysroot, ConsoleDevice? console = null) =>
        new(new SysrootHostFs(sysroot), console);

    /// <summary>--root DIR: the guest's / is DIR alone, confined.</summary>
    public static VirtualFileSystem Confined(string rootDirectory, ConsoleDevice? console = null) =>
        new(new ConfinedHostFs(rootDirectory), console);

    public IFileSystem Root { get; }
    public ConsoleDevice Console { get; }
    public DevFs Dev { get; }
    public ProcFs Proc { get; }
    /// <summary>/sys: the CPU topology (the kernel sets its core count).</summary>
    public SysFs Sys { get; }

    /// <summary>Mounts fs at an absolute guest path (replacing what was there).</summary>
    public void Mount(string point, IFileSystem fs)
    {
        point = Normalize(point);
        lock (this)
        {
            // Longest mount point first (Resolve takes the first match). Plain loops: LINQ over this
            // tuple type is JIT-compiled at start-up (framework generics outside ReadyToRun's reach).
            var old = mounts;
            int kept = 0;
            foreach (var m in old) if (m.Point != point) kept++;
            var next = new (string Point, IFileSystem Fs)[kept + 1];
            int n = 0;
            foreach (var m in old) if (m.Point != point) next[n++] = m;
            int at = n;
            while (at > 0 && next[at - 1].Point.Length < point.Length) { next[at] = next[at - 1]; at--; }
            next[at] = (point, fs);
            mounts = next;
        }
    }

    /// <summary>A new process file context: an empty descriptor table and cwd "/".</summary>
    public FsContext NewContext(IProcessView? process = null) => new(new FdTable()) { Process = process };

    /// <summary>Installs the console as descriptors 0, 1 and 2 (or other files the kernel chooses).</summary>
    public void InstallStdio(FsContext ctx, OpenFile? stdin = null, OpenFile? stdout = null, OpenFile? stderr = null)
    {
        ctx.Fds.Dup3(ctx.Fds.Install(stdin ?? Console.Open((int)OpenFlags.O_RDWR)), 0, 0, true);
        ctx.Fds.Dup3(ctx.Fds.Install(stdout ?? Console.Open((int)OpenFlags.O_RDWR)), 1, 0, true);
        ctx.Fds.Dup3(ctx.Fds.Install(stderr ?? Console.Open((int)OpenFlags.O_RDWR)), 2, 0, true);
    }

    /// <summary>Lexical normalization: collapses "//", "." and ".." (".." at / stays at /).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The absolute guest path a (dirfd, path) pair names, unnormalized; -errno on error.</summary>
    long Absolute(FsContext ctx, int dirfd, string path, out string full)
    {
        full = path;
        if (path.Length == 0) return Errno.ENOENT.Neg();
        if (path.Length >= PathMax) return Errno.ENAMETOOLONG.Neg();
        if (path[0] == '/') return 0;
        string dir;
        if (dirfd == At.FDCWD) dir = ctx.Cwd;
        else
        {
            var f = ctx.Fds.Get(dirfd);
            if (f == null) return Errno.EBADF.Neg();
            if (!f.IsDirectory) return Errno.ENOTDIR.Neg();
            dir = f.Path;
        }
        full = dir.EndsWith('/') ? dir + path : dir + "/" + path;
        return 0;
    }

    /// <summary>Picks the file system and the path within it.</summary>
    long Resolve(FsContext ctx, int dirfd, string path, out IFileSystem fs, out string fsPath, out string mountPoint)
    {
        fs = Root; fsPath = "/"; mountPoint = "/";
        long r = Absolute(ctx, dirfd, path, out string full);
        if (r < 0) return r;
        string norm = Normalize(full);
        foreach (var (point, mfs) in mounts)
        {
            if (point == "/") { fs = mfs; fsPath = full; mountPoint = "/"; return 0; }
            if (norm == point || norm.StartsWith(point + "/", StringComparison.Ordinal))
            {
                fs = mfs; mountPoint = point;
                fsPath = norm.Length == point.Length ? "/" : norm[point.Length..];
                return 0;
            }
        }
        fsPath = full;
        return 0;
    }

    static string JoinMount(string mountPoint, string fsPath) =>
        mountPoint == "/" ? fsPath : fsPath == "/" ? mountPoint : mountPoint + fsPath;

    /// <summary>Opens without installing a descriptor (also used by /dev and /proc links).</summary>
    public long OpenFile(FsContext ctx, int dirfd, string path, int flags, uint mode, out OpenFile? file)
    {
        file = null;
        long r = Resolve(ctx, dirfd, path, out var fs, out var fsPath, out var mount);
        if (r < 0) return r;
        r = fs.Open(ctx, fsPath, flags, mode, out file);
        if (r < 0) return r;
        if (fs is HostFs && mount != "/") file!.Path = JoinMount(mount, file.Path);
        return 0;
    }

    /// <summary>stat of a path (following links or not).</summary>
    public long StatPath(FsContext ctx, string path, bool follow, out StatInfo st, int dirfd = At.FDCWD)
    {
        st = default;
        long r = Resolve(ctx, dirfd, path, out var fs, out var fsPath, out _);
        return r < 0 ? r : fs.Stat(ctx, fsPath, follow, out st);
    }

    public long ReadLinkPath(FsContext ctx, string path, out string target, int dirfd = At.FDCWD)
    {
        target = "";
        long r = Resolve(ctx, dirfd, path, out var fs, out var fsPath, out _);
        return r < 0 ? r : fs.ReadLink(ctx, fsPath, out target);
    }
}
