// The open file description and the wait objects of the file layer.
//
// An OpenFile is what Linux calls an open file description: the object open() creates and dup(),
// fork() and SCM_RIGHTS share. It owns the file offset and the status flags (access mode, O_APPEND,
// O_NONBLOCK...), and a reference count of the descriptors that point at it; the last Release()
// calls OnLastClose (a pipe end then lets the other side see EOF or EPIPE). Subclasses are the file
// kinds: host files and directories (Host/), pipes, devices, /proc files and synthetic directories.
//
// Every operation is non-blocking and returns what the system call returns (>= 0 or -errno).
// An operation that would block returns -EAGAIN and the file exposes an IWaitable for that
// direction; the kernel, which knows whether the caller asked for O_NONBLOCK, decides to park the
// thread on it and retry when woken. Waiters are one-shot and AddWaiter is race-free: if the
// condition already holds when the waiter is added, it is woken at once.
//
// Locking: each file kind locks its own state (the offset under PositionLock); no lock is held
// while a wake action runs.
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

/// <summary>Something a blocked thread can wait on. The wake action runs once, on any thread.</summary>
public interface IWaitable
{
    void AddWaiter(Action wake);
}

/// <summary>A list of one-shot waiters guarded by a readiness predicate.</summary>
public sealed class WaitQueue : IWaitable
{
    readonly Func<bool> ready;
    readonly List<Action> waiters = [];

    public WaitQueue(Func<bool> ready) => this.ready = ready;

    /// <summary>The condition holds now (a waiter added now would be woken at once).</summary>
    public bool IsReady => ready();

    int count;   // waiters.Count, readable without the lock

    public void AddWaiter(Action wake)
    {
        lock (waiters)
        {
            // Publish the waiter (a full fence) before looking at the condition: a waker makes the
            // condition true, fences, then looks at count, so one of the two always sees the other.
            waiters.Add(wake);
            Interlocked.Exchange(ref count, waiters.Count);
            if (!ready()) return;
            waiters.RemoveAt(waiters.Count - 1);   // ready already (no WakeAll can run meanwhile: we hold the lock)
            Volatile.Write(ref count, waiters.Count);
        }
        wake();
    }

    public int Count { get { lock (waiters) return waiters.Count; } }

    /// <summary>Wakes every waiter (call after making the condition true, outside other locks).</summary>
    public void WakeAll()
    {
        // No waiter: no lock. The fence orders the caller's "condition now true" before this look; a
        // waiter publishes itself (count, with a full fence) before it tests the condition, so one of
        // the two sees the other (AddWaiter).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref count) == 0) return;
        Action[] toWake;
        lock (waiters)
        {
            if (waiters.Count == 0) return;
            toWake = [.. waiters];
            waiters.Clear();
            Volatile.Write(ref count, 0);
        }
        foreach (var w in toWake) w();
    }
}

/// <summary>An open file description.</summary>
public abstract class OpenFile
{
    int refs;
    protected readonly object PositionLock = new();
    long position;

    protected OpenFile(int flags, string path)
    {
        Flags = flags & ~(int)(OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_NOCTTY | OpenFlags.O_TRUNC | OpenFlags.O_CLOEXEC);
        Path = path;
    }

    /// <summary>Status flags as F_GETFL reports them (access mode and O_APPEND, O_NONBLOCK, ...).</summary>
    public int Flags { get; set; }

    /// <summary>The guest path this description was opened with (what /proc/self/fd/N shows).</summary>
    public string Path { get; set; }

    public int AccessMode => Flags & (int)OpenFlags.O_ACCMODE;
    public bool CanRead => (Flags & (int)OpenFlags.O_PATH) == 0 && AccessMode != (int)OpenFlags.O_WRONLY;
    public bool CanWrite => (Flags & (int)OpenFlags.O_PATH) == 0 && AccessMode != (int)OpenFlags.O_RDONLY;
    public bool NonBlocking => (Flags & (int)OpenFlags.O_NONBLOCK) != 0;

    /// <summary>True for directories (the base of relative *at() lookups and fchdir).</summary>
    public virtual bool IsDirectory => false;

    /// <summary>The current file offset.</summary>
    public long Position
    {
        get { lock (PositionLock) return position; }
        set { lock (PositionLock) position = value; }
    }

    public int RefCount => Volatile.Read(ref refs);

    public void AddRef() => Interlocked.Increment(ref refs);

    public void Release()
    {
        if (Interlocked.Decrement(ref refs) == 0) OnLastClose();
    }

    protected virtual void OnLastClose() { }

    /// <summary>Flags F_SETFL may change; others are kept.</summary>
    public const int SettableFlags = (int)(OpenFlags.O_APPEND | OpenFlags.O_NONBLOCK | OpenFlags.O_ASYNC |
        OpenFlags.O_DIRECT | OpenFlags.O_NOATIME);

    public virtual long SetFlags(int flags)
    {
        Flags = (Flags & ~SettableFlags) | (flags & SettableFlags);
        return 0;
    }

    // ---- data ------------------------------------------------------------------------------

    public virtual long Read(Span<byte> buffer) => IsDirectory ? Errno.EISDIR.Neg() : Errno.EINVAL.Neg();
    public virtual long Write(ReadOnlySpan<byte> data) => IsDirectory ? Errno.EISDIR.Neg() : Errno.EINVAL.Neg();
    public virtual long PRead(Span<byte> buffer, long offset) => Errno.ESPIPE.Neg();

    /// <summary>PRead until buffer is full, the file ends or a read fails; how many bytes it read.</summary>
    public int PReadFully(Span<byte> buffer, long offset)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            long n = PRead(buffer[done..], offset + done);
            if (n <= 0) break;
            done += (int)n;
        }
        return done;
    }
    public virtual long PWrite(ReadOnlySpan<byte> data, long offset) => Errno.ESPIPE.Neg();
    public virtual long Seek(long offset, int whence) => Errno.ESPIPE.Neg();
    public virtual long Truncate(long length) => Errno.EINVAL.Neg();
    public virtual long Sync() => 0;

    /// <summary>Fills in what fstat reports.</summary>
    public abstract long Stat(out StatInfo st);

    /// <summary>Writes linux_dirent64 records; 0 at the end; resumes where the last call stopped.</summary>
    public virtual long GetDents64(Span<byte> buffer) => Errno.ENOTDIR.Neg();

    /// <summary>An ioctl whose argument the kernel copied in (and copies out) using IoctlArgs.</summary>
    public virtual long Ioctl(uint request, Span<byte> arg) => Errno.ENOTTY.Neg();

    /// <summary>Woken when a read that returned -EAGAIN may succeed (null: reads never block).</summary>
    public virtual IWaitable? ReadWaitable => null;

    /// <summary>Woken when a write that returned -EAGAIN may succeed (null: writes never block).</summary>
    public virtual IWaitable? WriteWaitable => null;

    /// <summary>Helper for seekable files: the new position for lseek, or -errno.</summary>
    protected long SeekTo(long offset, int whence, long size)
    {
        lock (PositionLock)
        {
            long target = whence switch
            {
                Whence.SET => offset,
                Whence.CUR => position + offset,
                Whence.END => size + offset,
                Whence.DATA => offset < size ? offset : -1,
                Whence.HOLE => offset < size ? size : -1,
                _ => long.MinValue,
            };
            if (target == long.MinValue) return Errno.EINVAL.Neg();
            if (target == -1 && whence >= Whence.DATA) return Errno.ENXIO.Neg();
            if (target < 0) return Errno.EINVAL.Neg();
            position = target;
            return target;
        }
    }
}
