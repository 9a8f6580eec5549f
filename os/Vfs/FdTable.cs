// The descriptor table of a process (or of threads sharing CLONE_FILES) and the per-process file
// context. A slot holds an OpenFile reference and the close-on-exec bit; new descriptors take the
// lowest free number (from a minimum, for F_DUPFD), up to the RLIMIT_NOFILE limit (EMFILE beyond).
// Installing takes a reference on the OpenFile, closing drops it. One lock guards the slots; no
// file operation runs under it.
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public sealed class FdTable
{
    readonly object gate = new();
    OpenFile?[] files = new OpenFile?[16];
    bool[] cloexec = new bool[16];

    public FdTable(int limit = 1024) => Limit = limit;

    /// <summary>RLIMIT_NOFILE: descriptors are numbered below it.</summary>
    public int Limit { get; set; }

    /// <summary>Installs a file at the lowest free descriptor &gt;= minFd; the fd or -EMFILE.</summary>
    public int Install(OpenFile file, bool closeOnExec = false, int minFd = 0)
    {
        lock (gate)
        {
            for (int fd = Math.Max(0, minFd); fd < Limit; fd++)
            {
                if (fd < files.Length && files[fd] != null) continue;
                Put(fd, file, closeOnExec);
                return fd;
            }
            return (int)Errno.EMFILE.Neg();
        }
    }

    void Put(int fd, OpenFile file, bool closeOnExec)
    {
        if (fd >= files.Length)
        {
            int n = Math.Max(files.Length * 2, fd + 1);
            Array.Resize(ref files, n);
            Array.Resize(ref cloexec, n);
        }
        file.AddRef();
        files[fd] = file;
        cloexec[fd] = closeOnExec;
    }

    /// <summary>The open file at fd, or null (EBADF).</summary>
    public OpenFile? Get(int fd)
    {
        lock (gate) return fd >= 0 && fd < files.Length ? files[fd] : null;
    }

    public int Close(int fd)
    {
        OpenFile? f;
        lock (gate)
        {
            if (fd < 0 || fd >= files.Length || files[fd] == null) return (int)Errno.EBADF.Neg();
            f = files[fd];
            files[fd] = null;
            cloexec[fd] = false;
        }
        f!.Release();
        return 0;
    }

    public int Dup(int fd, int minFd = 0, bool closeOnExec = false)
    {
        var f = Get(fd);
        if (f == null) return (int)Errno.EBADF.Neg();
        if (minFd < 0 || minFd >= Limit) return (int)Errno.EINVAL.Neg();
        return Install(f, closeOnExec, minFd);
    }

    /// <summary>dup3 (isDup2: dup2's rules: same fd returns it, no flags).</summary>
    public int Dup3(int oldFd, int newFd, int flags, bool isDup2 = false)
    {
        if ((flags & ~(int)OpenFlags.O_CLOEXEC) != 0) return (int)Errno.EINVAL.Neg();
        OpenFile? old = null;
        lock (gate)
        {
            var f = oldFd >= 0 && oldFd < files.Length ? files[oldFd] : null;
            if (f == null) return (int)Errno.EBADF.Neg();
            if (oldFd == newFd) return isDup2 ? newFd : (int)Errno.EINVAL.Neg();
            if (newFd < 0 || newFd >= Limit) return (int)Errno.EBADF.Neg();
            if (newFd < files.Length) { old = files[newFd]; files[newFd] = null; }
            Put(newFd, f, (flags & (int)OpenFlags.O_CLOEXEC) != 0);
        }
        old?.Release();
        return newFd;
    }

    public int GetCloseOnExec(int fd)
    {
        lock (gate)
        {
            if (fd < 0 || fd >= files.Length || files[fd] == null) return (int)Errno.EBADF.Neg();
            return cloexec[fd] ? FcntlCmd.FD_CLOEXEC : 0;
        }
    }

    public int SetCloseOnExec(int fd, bool on)
    {
        lock (gate)
        {
            if (fd < 0 || fd >= files.Length || files[fd] == null) return (int)Errno.EBADF.Neg();
            cloexec[fd] = on;
            return 0;
        }
    }

    /// <summary>execve: closes every close-on-exec descriptor.</summary>
    public void CloseOnExec()
    {
        var dropped = new List<OpenFile>();
        lock (gate)
        {
            for (int fd = 0; fd < files.Length; fd++)
                if (files[fd] != null && cloexec[fd]) { dropped.Add(files[fd]!); files[fd] = null; cloexec[fd] = false; }
        }
        foreach (var f in dropped) f.Release();
    }

    /// <summary>exit: closes everything.</summary>
    public void CloseAll()
    {
        var dropped = new List<OpenFile>();
        lock (gate)
        {
            for (int fd = 0; fd < files.Length; fd++)
                if (files[fd] != null) { dropped.Add(files[fd]!); files[fd] = null; cloexec[fd] = false; }
        }
        foreach (var f in dropped) f.Release();
    }

    /// <summary>fork without CLONE_FILES: a copy sharing every open file description.</summary>
    public FdTable Clone()
    {
        var t = new FdTable(Limit);
        lock (gate)
        {
            for (int fd = 0; fd < files.Length; fd++)
                if (files[fd] != null) t.Put(fd, files[fd]!, cloexec[fd]);
        }
        return t;
    }

    /// <summary>The open descriptors in increasing order (for /proc/self/fd).</summary>
    public List<(int Fd, OpenFile File)> Snapshot()
    {
        var list = new List<(int, OpenFile)>();
        lock (gate)
        {
            for (int fd = 0; fd < files.Length; fd++)
                if (files[fd] != null) list.Add((fd, files[fd]!));
        }
        return list;
    }
}

/// <summary>What /proc/self needs from the kernel about a process (the kernel implements it).</summary>
public interface IProcessView
{
    int Pid { get; }
    /// <summary>Guest path of the running executable (/proc/self/exe).</summary>
    string ExePath { get; }
    /// <summary>The text of /proc/self/maps.</summary>
    string Maps();
}

/// <summary>A process's file state: its descriptor table, working directory and umask.</summary>
public sealed class FsContext
{
    public FsContext(FdTable fds, string cwd = "/") { Fds = fds; Cwd = cwd; }

    public FdTable Fds { get; set; }

    /// <summary>The working directory as an absolute, canonical guest path.</summary>
    public string Cwd { get; set; }

    public uint Umask { get; set; } = 0x12; // 022

    /// <summary>The process this context belongs to, for /proc/self (set by the kernel).</summary>
    public IProcessView? Process { get; set; }

    /// <summary>fork: shareFiles is CLONE_FILES (same table), otherwise a copy.</summary>
    public FsContext Fork(bool shareFiles = false) =>
        new(shareFiles ? Fds : Fds.Clone(), Cwd) { Umask = Umask, Process = Process };
}
