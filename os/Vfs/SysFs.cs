// SysFs: the small part of Linux's /sys that programs read to learn the machine — the CPU
// topology under /sys/devices/system/cpu (online, possible, present as "0-N", and a cpuN directory
// per core). glibc's sysconf(_SC_NPROCESSORS_ONLN) reads .../online and _SC_NPROCESSORS_CONF
// counts the cpuN entries, so a guest sees the emulated cores (--cores), never the host's CPUs.
// Everything is synthesized from Cpus when opened; the tree is fixed, read-only, and mounted at
// /sys over whatever the root file system has there.
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public sealed class SysFs : SyntheticFs
{
    /// <summary>How many cores the machine has (the kernel sets it to its core count).</summary>
    public Func<int> Cpus { get; set; } = () => Environment.ProcessorCount;

    const string CpuDir = "/devices/system/cpu";

    static string Range(int n) => n <= 1 ? "0\n" : $"0-{n - 1}\n";

    /// <summary>The node at path: a directory with its entries, or a file with its text; null if none.</summary>
    (string[]? Entries, string? Text)? Node(string path)
    {
        path = "/" + path.Trim('/');
        int n = Math.Max(1, Cpus());
        switch (path)
        {
            case "/": return (["devices"], null);
            case "/devices": return (["system"], null);
            case "/devices/system": return (["cpu"], null);
            case CpuDir: return ([.. Enumerable.Range(0, n).Select(i => $"cpu{i}"), "online", "possible", "present", "kernel_max"], null);
            case CpuDir + "/online" or CpuDir + "/possible" or CpuDir + "/present": return (null, Range(n));
            case CpuDir + "/kernel_max": return (null, $"{n - 1}\n");
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 4 && path.StartsWith(CpuDir + "/cpu") && int.TryParse(parts[3].AsSpan(3), out int cpu) && cpu >= 0 && cpu < n
            && parts[3] == $"cpu{cpu}")
        {
            if (parts.Length == 4) return (["online"], null);
            if (parts.Length == 5 && parts[4] == "online") return (null, "1\n");
        }
        return null;
    }

    static ulong Ino(string path) => 0x5000_0000UL + (ulong)(uint)StringComparer.Ordinal.GetHashCode("/" + path.Trim('/'));

    public override long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file)
    {
        file = null;
        if (Node(path) is not var (entries, text)) return (flags & (int)OpenFlags.O_CREAT) != 0 ? Errno.EACCES.Neg() : Errno.ENOENT.Neg();
        if ((flags & (int)OpenFlags.O_ACCMODE) != 0) return entries != null ? Errno.EISDIR.Neg() : Errno.EACCES.Neg();
        string full = "/sys" + (path.Trim('/') is { Length: > 0 } p ? "/" + p : "");
        if (entries != null)
        {
            string dir = path.TrimEnd('/');
            file = new SyntheticDirectory(full, entries.Select(e => new DirEntry(e, Ino(dir + "/" + e),
                Node(dir + "/" + e)?.Entries != null ? DirentType.DT_DIR : DirentType.DT_REG)), Ino(path), flags);
            return 0;
        }
        if ((flags & (int)OpenFlags.O_DIRECTORY) != 0) return Errno.ENOTDIR.Neg();
        file = new TextFile(full, text!, Ino(path), flags);
        return 0;
    }

    public override long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st)
    {
        st = default;
        if (Node(path) is not var (entries, _)) return Errno.ENOENT.Neg();
        st = StatInfo.Synthetic(entries != null ? StatMode.S_IFDIR | 0x16D : StatMode.S_IFREG | 0x124, Ino(path));
        if (entries != null) st.Nlink = 2;
        return 0;
    }
}
