// rt_sigsuspend, rt_sigqueueinfo, rt_tgsigqueueinfo, and the ITIMER_REAL interval timer
// (setitimer/getitimer, which glibc's alarm() uses).
//
// rt_sigsuspend swaps in the given mask and parks the thread with no waitable: a signal it does
// not block wakes it (SendSignal marks it Interrupted), the call returns -EINTR and the signal is
// delivered on the way out; the frame built for the handler saves the mask from before the call
// (GuestThread.SavedSignalMask), so the handler's return restores it, as Linux does.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Signals;
using Fast.Os.Process;

namespace Fast.Os.Linux.Syscalls;

static partial class SignalWaitSyscalls
{
    const ulong Unblockable = (1UL << (Sig.SIGKILL - 1)) | (1UL << (Sig.SIGSTOP - 1));

    [Syscall(133, "set, sigsetsize")]
    static long RtSigsuspend(SyscallContext c)
    {
        var t = c.Thread;
        var linux = c.Os.Linux;
        if (t.SavedSignalMask is null)
        {
            if (c.Arg(1) != 8) return Errno.EINVAL.Neg();
            if (!c.User.TryRead64(c.Arg(0), out ulong set)) return Errno.EFAULT.Neg();
            t.SavedSignalMask = t.SignalMask;
            t.SignalMask = set & ~Unblockable;
        }
        bool interrupted = c.TakeInterrupted();
        if (interrupted || linux.HasDeliverableSignal(t, c.Process))
        {
            if (!linux.HasDeliverableSignal(t, c.Process))
            {
                t.SignalMask = t.SavedSignalMask.Value;
                t.SavedSignalMask = null;
            }
            return Errno.EINTR.Neg();
        }
        t.State = Scheduling.GuestThreadState.Blocked;
        return Syscall.Blocked;
    }

    static long QueueInfo(SyscallContext c, int tgid, int tid, int sig, ulong info)
    {
        if (sig < 0 || sig > Sig.Max) return Errno.EINVAL.Neg();
        var bytes = new byte[32];
        if (c.User.Read(info, bytes) != 0) return Errno.EFAULT.Neg();
        int code = BitConverter.ToInt32(bytes, 8);
        ulong value = BitConverter.ToUInt64(bytes, 24);
        var process = c.Os.Processes.Find(tgid);
        if (process is null || process.State != ProcessState.Running) return Errno.ESRCH.Neg();
        Kernel.GuestThread? thread = null;
        if (tid > 0)
        {
            thread = c.Os.Processes.FindThread(tid);
            if (thread?.Owner != process) return Errno.ESRCH.Neg();
        }
        if (sig != 0) c.Os.Linux.SendSignal(process, sig, thread, new SigSender(code, c.Process.Pid, value));
        return 0;
    }

    [Syscall(138, "tgid, sig, info")]
    static long RtSigqueueinfo(SyscallContext c) => QueueInfo(c, c.IntArg(0), 0, c.IntArg(1), c.Arg(2));

    [Syscall(240, "tgid, tid, sig, info")]
    static long RtTgsigqueueinfo(SyscallContext c) => QueueInfo(c, c.IntArg(0), c.IntArg(1), c.IntArg(2), c.Arg(3));

    // ---- ITIMER_REAL ----

    sealed class RealTimer
    {
        public Timer? Timer;
        public long Deadline;      // host ticks; 0 = disarmed
        public long IntervalTicks;
    }

    static readonly ConditionalWeakTable<GuestProcess, RealTimer> timers = new();

    static long ToTicks(long sec, long usec) => (long)((sec + usec / 1e6) * Stopwatch.Frequency);

    static void WriteTimeval(Span<byte> b, long ticks)
    {
        if (ticks < 0) ticks = 0;
        long usec = (long)(ticks * 1e6 / Stopwatch.Frequency);
        BitConverter.TryWriteBytes(b, usec / 1_000_000);
        BitConverter.TryWriteBytes(b[8..], usec % 1_000_000);
    }

    static byte[] Current(RealTimer t)
    {
        var b = new byte[32];
        lock (t)
        {
            WriteTimeval(b.AsSpan(0), t.IntervalTicks);
            WriteTimeval(b.AsSpan(16), t.Deadline == 0 ? 0 : Math.Max(1, t.Deadline - Stopwatch.GetTimestamp()));
        }
        return b;
    }

    [Syscall(102, "which, curr_value")]
    static long Getitimer(SyscallContext c)
    {
        int which = c.IntArg(0);
        if (which is < 0 or > 2) return Errno.EINVAL.Neg();
        var b = which == 0 ? Current(timers.GetValue(c.Process, _ => new RealTimer())) : new byte[32];
        return c.User.Write(c.Arg(1), b) != 0 ? Errno.EFAULT.Neg() : 0;
    }

    [Syscall(103, "which, new_value, old_value")]
    static long Setitimer(SyscallContext c)
    {
        int which = c.IntArg(0);
        if (which is < 0 or > 2) return Errno.EINVAL.Neg();
        var bytes = new byte[32];
        if (c.Arg(1) != 0 && c.User.Read(c.Arg(1), bytes) != 0) return Errno.EFAULT.Neg();
        long isec = BitConverter.ToInt64(bytes, 0), iusec = BitConverter.ToInt64(bytes, 8);
        long vsec = BitConverter.ToInt64(bytes, 16), vusec = BitConverter.ToInt64(bytes, 24);
        if (isec < 0 || vsec < 0 || iusec is < 0 or >= 1_000_000 || vusec is < 0 or >= 1_000_000) return Errno.EINVAL.Neg();
        if (which != 0)
        {
            // ITIMER_VIRTUAL / ITIMER_PROF are not kept: report them disarmed.
            if (c.Arg(2) != 0 && c.User.Write(c.Arg(2), new byte[32]) != 0) return Errno.EFAULT.Neg();
            return 0;
        }
        var process = c.Process;
        var linux = c.Os.Linux;
        var t = timers.GetValue(process, _ => new RealTimer());
        if (c.Arg(2) != 0 && c.User.Write(c.Arg(2), Current(t)) != 0) return Errno.EFAULT.Neg();
        if (c.Arg(1) == 0) return 0;
        lock (t)
        {
            t.Timer?.Dispose();
            t.Timer = null;
            t.Deadline = 0;
            t.IntervalTicks = ToTicks(isec, iusec);
            long value = ToTicks(vsec, vusec);
            if (value == 0) return 0;
            t.Deadline = Stopwatch.GetTimestamp() + value;
            long dueMs = Math.Max(1, value * 1000 / Stopwatch.Frequency);
            long periodMs = t.IntervalTicks == 0 ? Timeout.Infinite : Math.Max(1, t.IntervalTicks * 1000 / Stopwatch.Frequency);
            t.Timer = new Timer(_ =>
            {
                lock (t)
                {
                    if (process.State != ProcessState.Running || process.Exiting) { t.Timer?.Dispose(); t.Timer = null; t.Deadline = 0; return; }
                    t.Deadline = t.IntervalTicks == 0 ? 0 : Stopwatch.GetTimestamp() + t.IntervalTicks;
                }
                linux.SendSignal(process, Sig.SIGALRM, sender: new SigSender(0x80 /* SI_KERNEL */, 0, 0));
            }, null, dueMs, periodMs);
        }
        return 0;
    }
}
