// A minimal /proc: cpuinfo, meminfo, and self (also reachable as /proc/PID for the caller's own pid)
// with exe, cwd, maps and fd/N. The content comes from callbacks the kernel supplies: the caller's
// IProcessView (FsContext.Process) for self/exe and self/maps, and two text providers for
// cpuinfo and meminfo (defaults describe a generic AArch64 machine). Files are snapshots taken at
// open. /proc/self/fd/N are links to the open files; opening one shares the open file description
// (Linux reopens regular files; pipes and devices behave the same either way).
using System.Text;
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public sealed class ProcFs(VirtualFileSystem vfs) : SyntheticFs
{
    /// <summary>How many cores the machine has (the kernel sets it; /proc/cpuinfo and /proc/stat list them).</summary>
    public Func<int> Cpus { get; set; } = () => Environment.ProcessorCount;

    /// <summary>The text of /proc/cpuinfo (the kernel may replace it).</summary>
    public Func<string>? CpuInfo { get; set; }

    /// <summary>/proc/stat: one line per core (glibc counts them when /sys is unavailable), times zero.</summary>
    public string StatText()
    {
        var sb = new StringBuilder("cpu  0 0 0 0 0 0 0 0 0 0\n");
        for (int i = 0; i < Math.Max(1, Cpus()); i++) sb.Append($"cpu{i} 0 0 0 0 0 0 0 0 0 0\n");
        sb.Append("intr 0\nctxt 0\nbtime 0\nprocesses 0\nprocs_running 1\nprocs_blocked 0\n");
        return sb.ToString();
    }

    /// <summary>The text of /proc/meminfo (the kernel may replace it).</summary>
    public Func<string> MemInfo { get; set; } = () => DefaultMemInfo(1L << 30, 1L << 29);

    public static string DefaultCpuInfo(int cpus)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < cpus; i++)
            sb.Append($"processor\t: {i}\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm crc32 atomics cpuid\n" +
                      "CPU implementer\t: 0x00\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0x000\nCPU revision\t: 0\n\n");
        return sb.ToString();
    }

    public static string DefaultMemInfo(long total, long free) =>
        $"MemTotal:       {total / 1024,8} kB\nMemFree:        {free / 1024,8} kB\nMemAvailable:   {free / 1024,8} kB\n" +
        $"Buffers:               0 kB\nCached:                0 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n";

    enum Node { None, Root, CpuInfo, MemInfo, ProcStat, Self, SelfLink, Exe, Cwd, Maps, FdDir, Fd }

    /// <summary>Classifies a path; fd is set for self/fd/N.</summary>
    static Node Classify(FsContext ctx, string path, out int fd)
    {
        fd = -1;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return Node.Root;
        if (parts.Length == 1 && parts[0] == "cpuinfo") return Node.CpuInfo;
        if (parts.Length == 1 && parts[0] == "meminfo") return Node.MemInfo;
        if (parts.Length == 1 && parts[0] == "stat") return Node.ProcStat;
        int pid = ctx.Process?.Pid ?? 1;
        if (parts[0] != "self" && parts[0] != pid.ToString()) return Node.None;
        if (parts.Length == 1) return parts[0] == "self" ? Node.SelfLink : Node.Self;
        if (parts.Length == 2)
            return parts[1] switch { "exe" => Node.Exe, "cwd" => Node.Cwd, "maps" => Node.Maps, "fd" => Node.FdDir, _ => Node.None };
        if (parts.Length == 3 && parts[1] == "fd" && int.TryParse(parts[2], out fd) && ctx.Fds.Get(fd) != null) return Node.Fd;
        return Node.None;
    }

    static ulong Ino(Node n, int fd = 0) => 0x1000 + (ulong)n * 0x10000 + (ulong)Math.Max(fd, 0);

    string? LinkTarget(FsContext ctx, Node n, int fd) => n switch
    {
        Node.SelfLink => (ctx.Process?.Pid ?? 1).ToString(),
        Node.Exe => ctx.Process?.ExePath ?? "/",
        Node.Cwd => ctx.Cwd,
        Node.Fd => ctx.Fds.Get(fd)?.Path,
        _ => null,
    };

    public override long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file)
    {
        file = null;
        var n = Classify(ctx, path, out int fd);
        if (n == Node.None) return (flags & (int)OpenFlags.O_CREAT) != 0 ? Errno.EACCES.Neg() : Errno.ENOENT.Neg();
        bool isDir = n is Node.Root or Node.Self or Node.SelfLink or Node.FdDir;
        bool isLink = n is Node.Exe or Node.Cwd or Node.Fd;
        if ((flags & (int)OpenFlags.O_ACCMODE) != 0 && !isLink) return isDir ? Errno.EISDIR.Neg() : Errno.EACCES.Neg();
        if ((flags & (int)OpenFlags.O_DIRECTORY) != 0 && !isDir && !isLink) return Errno.ENOTDIR.Neg();
        string full = "/proc" + (path == "/" ? "" : path.TrimEnd('/'));
        switch (n)
        {
            case Node.Root:
                int pid = ctx.Process?.Pid ?? 1;
                file = new SyntheticDirectory(full, [new("self", Ino(Node.SelfLink), DirentType.DT_LNK), new(pid.ToString(), Ino(Node.Self), DirentType.DT_DIR),
                    new("cpuinfo", Ino(Node.CpuInfo), DirentType.DT_REG), new("meminfo", Ino(Node.MemInfo), DirentType.DT_REG),
                    new("stat", Ino(Node.ProcStat), DirentType.DT_REG)], Ino(Node.Root), flags);
                return 0;
            case Node.Self or Node.SelfLink:
                file = new SyntheticDirectory(full, [new("exe", Ino(Node.Exe), DirentType.DT_LNK), new("cwd", Ino(Node.Cwd), DirentType.DT_LNK),
                    new("maps", Ino(Node.Maps), DirentType.DT_REG), new("fd", Ino(Node.FdDir), DirentType.DT_DIR)], Ino(Node.Self), flags, Ino(Node.Root));
                return 0;
            case Node.FdDir:
                file = new SyntheticDirectory(full, () => ctx.Fds.Snapshot().Select(e => new DirEntry(e.Fd.ToString(), Ino(Node.Fd, e.Fd), DirentType.DT_LNK)),
                    Ino(Node.FdDir), flags, Ino(Node.Self));
                return 0;
            case Node.CpuInfo: file = new TextFile(full, CpuInfo?.Invoke() ?? DefaultCpuInfo(Math.Max(1, Cpus())), Ino(n), flags); return 0;
            case Node.ProcStat: file = new TextFile(full, StatText(), Ino(n), flags); return 0;
            case Node.MemInfo: file = new TextFile(full, MemInfo(), Ino(n), flags); return 0;
            case Node.Maps: file = new TextFile(full, ctx.Process?.Maps() ?? "", Ino(n), flags); return 0;
            case Node.Fd:
                if ((flags & (int)OpenFlags.O_NOFOLLOW) != 0) return Errno.ELOOP.Neg();
                file = ctx.Fds.Get(fd);
                return file == null ? Errno.ENOENT.Neg() : 0;
            default: // Exe, Cwd: follow the link through the VFS
                if ((flags & (int)OpenFlags.O_NOFOLLOW) != 0) return Errno.ELOOP.Neg();
                return vfs.OpenFile(ctx, At.FDCWD, LinkTarget(ctx, n, fd)!, flags, mode, out file);
        }
    }

    public override long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st)
    {
        st = default;
        var n = Classify(ctx, path, out int fd);
        if (n == Node.None) return Errno.ENOENT.Neg();
        string? target = LinkTarget(ctx, n, fd);
        if (target != null && followLinks)
        {
            if (n == Node.Fd) return ctx.Fds.Get(fd)!.Stat(out st);
            if (n == Node.SelfLink) n = Node.Self;
            else return vfs.StatPath(ctx, target, true, out st);
        }
        if (target != null && n != Node.Self) { st = StatInfo.Synthetic(StatMode.S_IFLNK | 0x1FF, Ino(n, fd), target.Length); return 0; }
        bool isDir = n is Node.Root or Node.Self or Node.FdDir;
        st = StatInfo.Synthetic(isDir ? StatMode.S_IFDIR | 0x16D : StatMode.S_IFREG | 0x124, Ino(n, fd));
        if (isDir) st.Nlink = 2;
        return 0;
    }

    public override long ReadLink(FsContext ctx, string path, out string target)
    {
        var n = Classify(ctx, path, out int fd);
        target = LinkTarget(ctx, n, fd) ?? "";
        if (n == Node.None) return Errno.ENOENT.Neg();
        return n is Node.SelfLink or Node.Exe or Node.Cwd or Node.Fd ? target.Length : Errno.EINVAL.Neg();
    }
}
