// Futexes: wait queues keyed by the guest physical address of the futex word, so private and
// shared futexes (threads of one process, processes sharing a page) meet on the same key.
// FUTEX_WAIT parks the thread only if the word still holds the expected value (checked under
// the table lock, against which every wake is ordered), and the restarted call returns 0 once
// woken, -ETIMEDOUT past its deadline, or -EINTR after a signal.
using System.Diagnostics;
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Process;
using Fast.Os.Scheduling;

namespace Fast.Os.Linux;

public sealed partial class LinuxPersonality
{
    readonly Dictionary<ulong, List<(GuestThread Thread, Core Core, uint Bitset)>> futexes = new();   // guarded by itself

    static bool FutexKey(GuestProcess process, ulong address, out ulong key)
    {
        key = 0;
        if ((address & 3) != 0) return false;
        if (!process.User.TryRead64(address & ~7UL, out _)) return false;   // faults the page in
        if (!process.Memory.TryTranslate(address, out ulong pa, out _)) return false;
        key = pa;
        return true;
    }

    /// <summary>FUTEX_WAIT(_BITSET): 0 when woken, -EAGAIN if *address != expected, -ETIMEDOUT, -EINTR, or Blocked.</summary>
    public long FutexWait(Syscalls.SyscallContext c, ulong address, uint expected, long deadline, uint bitset)
    {
        var thread = c.Thread;
        if (thread.FutexWoken)
        {
            thread.FutexWoken = false;
            thread.WakeDeadline = 0;
            return 0;
        }
        if (thread.Interrupted) { RemoveWaiter(thread); thread.Interrupted = false; thread.WakeDeadline = 0; return Errno.EINTR.Neg(); }
        if (thread.WakeDeadline != 0 && Stopwatch.GetTimestamp() >= thread.WakeDeadline)
        {
            RemoveWaiter(thread);
            thread.WakeDeadline = 0;
            return Errno.ETIMEDOUT.Neg();
        }
        if (!FutexKey(c.Process, address, out ulong key)) return Errno.EFAULT.Neg();
        lock (futexes)
        {
            // The word is read at the physical address the key names (FutexKey faulted its page in), not
            // through a user copy that might fault: a fault of an address space homed on another core is
            // a message to it, never sent while this table's lock is held.
            ulong word = os.Kernel.Ram.Read64(key & ~7UL);
            if ((uint)(word >> (int)((key & 4) * 8)) != expected) { thread.WakeDeadline = 0; return Errno.EAGAIN.Neg(); }
            if (!futexes.TryGetValue(key, out var list)) futexes[key] = list = new();
            if (!list.Any(w => w.Thread == thread)) list.Add((thread, c.Core, bitset));
            thread.State = GuestThreadState.Blocked;
        }
        if (deadline != 0)
        {
            thread.WakeDeadline = deadline;
            var core = c.Core;
            DeadlineTimer.Schedule(deadline, () => core.MakeReady(thread));
        }
        return Syscalls.Syscall.Blocked;
    }

    /// <summary>FUTEX_WAKE(_BITSET): wakes up to count waiters on the word; returns how many.</summary>
    public int FutexWake(GuestProcess process, ulong address, int count, uint bitset = uint.MaxValue)
    {
        if (!FutexKey(process, address, out ulong key)) return 0;
        var woken = new List<(GuestThread, Core)>();
        lock (futexes)
        {
            if (!futexes.TryGetValue(key, out var list)) return 0;
            for (int i = 0; i < list.Count && woken.Count < count;)
            {
                if ((list[i].Bitset & bitset) == 0) { i++; continue; }
                woken.Add((list[i].Thread, list[i].Core));
                list[i].Thread.FutexWoken = true;
                list.RemoveAt(i);
            }
            if (list.Count == 0) futexes.Remove(key);
        }
        foreach (var (t, core) in woken) core.MakeReady(t);
        return woken.Count;
    }

    /// <summary>FUTEX_REQUEUE: wakes up to wake waiters, moves up to requeue others to the second word.</summary>
    public int FutexRequeue(GuestProcess process, ulong from, ulong to, int wake, int requeue)
    {
        int woken = FutexWake(process, from, wake);
        if (!FutexKey(process, from, out ulong a) || !FutexKey(process, to, out ulong b)) return woken;
        int moved = 0;
        lock (futexes)
        {
            if (!futexes.TryGetValue(a, out var list)) return woken;
            if (!futexes.TryGetValue(b, out var target)) futexes[b] = target = new();
            while (list.Count > 0 && moved < requeue)
            {
                target.Add(list[0]);
                list.RemoveAt(0);
                moved++;
            }
            if (list.Count == 0) futexes.Remove(a);
        }
        return woken + moved;
    }

    void RemoveWaiter(GuestThread thread)
    {
        lock (futexes)
            foreach (var (key, list) in futexes.ToList())
            {
                list.RemoveAll(w => w.Thread == thread);
                if (list.Count == 0) futexes.Remove(key);
            }
    }
}
