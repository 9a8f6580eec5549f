// ppoll and pselect6: readiness of descriptors, waiting on several at once with a timeout.
//
// A file is ready for reading (writing) when it has no ReadWaitable (WriteWaitable) — its
// operations never block — or when that waitable is ready now: IWaitable.AddWaiter runs the
// wake action at once if its condition holds, which is how readiness is probed. A pipe's read
// end that is ready with nothing to read has lost its writers: POLLHUP. To wait, the thread parks
// with a waiter on every descriptor it waits for (and a timer for the timeout); the call
// re-executes when any wakes it, and returns once something is ready, the timeout passed
// (thread.WakeDeadline holds it across the restarts) or a signal interrupted it (-EINTR).
// Not done: the temporary signal mask of ppoll/pselect6 is ignored (glibc's poll/select pass none).
using System.Diagnostics;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;

namespace Fast.Os.Linux.Syscalls;

static partial class PollSyscalls
{
    const short POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20,
        POLLRDNORM = 0x40, POLLWRNORM = 0x100;

    static bool Probe(IWaitable? w)
    {
        if (w is null) return true;
        bool ready = false;
        w.AddWaiter(() => ready = true);
        return ready;
    }

    /// <summary>The revents of one open file for the requested events.</summary>
    static short Revents(OpenFile f, short events)
    {
        short r = 0;
        if (f.CanRead && Probe(f.ReadWaitable))
        {
            bool hangUp = false;
            if (f is PipeEnd { IsWriteEnd: false } pipe)
            {
                var count = new byte[4];
                hangUp = pipe.Ioctl(IoctlCmd.FIONREAD, count) == 0 && BitConverter.ToInt32(count) == 0;
            }
            if (hangUp) r |= POLLHUP;
            else r |= (short)(events & (POLLIN | POLLRDNORM));
        }
        if (f.CanWrite && Probe(f.WriteWaitable)) r |= (short)(events & (POLLOUT | POLLWRNORM));
        return r;
    }

    /// <summary>Reads a timespec (null pointer: wait forever); false if unreadable or invalid.</summary>
    static bool ReadTimeout(SyscallContext c, ulong address, out long? ticks)
    {
        ticks = null;
        if (address == 0) return true;
        var b = new byte[16];
        if (c.User.Read(address, b) != 0) return false;
        long sec = BitConverter.ToInt64(b, 0), nsec = BitConverter.ToInt64(b, 8);
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000) return false;
        ticks = (long)((sec + nsec / 1e9) * Stopwatch.Frequency);
        return true;
    }

    /// <summary>Shared tail: ready count n, or park on the waitables until the deadline.</summary>
    static long WaitOrReturn(SyscallContext c, int ready, long? timeout, List<IWaitable> waitables)
    {
        var t = c.Thread;
        if (ready > 0) { t.WakeDeadline = 0; return ready; }
        if (c.TakeInterrupted()) return Errno.EINTR.Neg();
        long now = Stopwatch.GetTimestamp();
        if (t.WakeDeadline == 0)
        {
            if (timeout == 0) return 0;
            if (timeout is { } ticks) t.WakeDeadline = now + Math.Max(ticks, 1);
        }
        else if (now >= t.WakeDeadline) { t.WakeDeadline = 0; return 0; }
        var core = c.Core;
        long result = t.WakeDeadline != 0 ? c.BlockUntil(t.WakeDeadline) : Syscall.Blocked;
        t.State = Scheduling.GuestThreadState.Blocked;
        foreach (var w in waitables) w.AddWaiter(() => core.MakeReady(t));
        return result;
    }

    [Syscall(73, "fds, nfds, tmo_p, sigmask, sigsetsize")]
    static long Ppoll(SyscallContext c)
    {
        ulong fds = c.Arg(0);
        ulong nfds = c.Arg(1);
        if (nfds > 1024) return Errno.EINVAL.Neg();
        if (!ReadTimeout(c, c.Arg(2), out long? timeout)) return Errno.EINVAL.Neg();
        var entries = new byte[nfds * 8];
        if (nfds > 0 && c.User.Read(fds, entries) != 0) return Errno.EFAULT.Neg();
        int ready = 0;
        var waitables = new List<IWaitable>();
        var files = c.Process.Files.Fds;
        for (int i = 0; i < (int)nfds; i++)
        {
            int fd = BitConverter.ToInt32(entries, i * 8);
            short events = BitConverter.ToInt16(entries, i * 8 + 4);
            short revents = 0;
            if (fd >= 0)
            {
                var f = files.Get(fd);
                if (f is null) revents = POLLNVAL;
                else
                {
                    revents = (short)(Revents(f, (short)(events | POLLIN | POLLOUT)) & (events | POLLHUP | POLLERR));
                    if (revents == 0)
                    {
                        if ((events & (POLLIN | POLLRDNORM | POLLPRI)) != 0 && f.ReadWaitable is { } rw) waitables.Add(rw);
                        if ((events & (POLLOUT | POLLWRNORM)) != 0 && f.WriteWaitable is { } ww) waitables.Add(ww);
                    }
                }
            }
            BitConverter.TryWriteBytes(entries.AsSpan(i * 8 + 6), revents);
            if (revents != 0) ready++;
        }
        if (ready > 0 && c.User.Write(fds, entries) != 0) return Errno.EFAULT.Neg();
        return WaitOrReturn(c, ready, timeout, waitables);
    }

    [Syscall(72, "nfds, readfds, writefds, exceptfds, tmo_p, sigmask")]
    static long Pselect6(SyscallContext c)
    {
        int nfds = c.IntArg(0);
        if (nfds < 0 || nfds > 1024) return Errno.EINVAL.Neg();
        if (!ReadTimeout(c, c.Arg(4), out long? timeout)) return Errno.EINVAL.Neg();
        int bytes = (nfds + 63) / 64 * 8;
        var sets = new byte[3][];
        for (int k = 0; k < 3; k++)
        {
            sets[k] = new byte[bytes];
            if (c.Arg(1 + k) != 0 && bytes > 0 && c.User.Read(c.Arg(1 + k), sets[k]) != 0) return Errno.EFAULT.Neg();
        }
        var outSets = new byte[3][] { new byte[bytes], new byte[bytes], new byte[bytes] };
        int ready = 0;
        var waitables = new List<IWaitable>();
        var files = c.Process.Files.Fds;
        for (int fd = 0; fd < nfds; fd++)
        {
            bool wantRead = (sets[0][fd / 8] & (1 << (fd % 8))) != 0, wantWrite = (sets[1][fd / 8] & (1 << (fd % 8))) != 0;
            if (!wantRead && !wantWrite) continue;
            var f = files.Get(fd);
            if (f is null) return Errno.EBADF.Neg();
            short r = Revents(f, POLLIN | POLLOUT);
            if (wantRead && (r & (POLLIN | POLLHUP)) != 0) { outSets[0][fd / 8] |= (byte)(1 << (fd % 8)); ready++; }
            else if (wantRead && f.ReadWaitable is { } rw) waitables.Add(rw);
            if (wantWrite && (r & POLLOUT) != 0) { outSets[1][fd / 8] |= (byte)(1 << (fd % 8)); ready++; }
            else if (wantWrite && f.WriteWaitable is { } ww) waitables.Add(ww);
        }
        if (ready > 0 || c.Arg(4) != 0 && timeout == 0)
            for (int k = 0; k < 3; k++)
                if (c.Arg(1 + k) != 0 && bytes > 0 && c.User.Write(c.Arg(1 + k), outSets[k]) != 0) return Errno.EFAULT.Neg();
        long result = WaitOrReturn(c, ready, timeout, waitables);
        if (result == 0)
            for (int k = 0; k < 3; k++)
                if (c.Arg(1 + k) != 0 && bytes > 0) c.User.Write(c.Arg(1 + k), new byte[bytes]);
        return result;
    }
}
