// Time system calls: clock_gettime, clock_getres, gettimeofday, nanosleep, clock_nanosleep, times.
// CLOCK_REALTIME is the host's wall clock; the monotonic clocks count from the host's monotonic
// clock; CPU-time clocks report the time the thread or process spent on a vCPU.
using System.Diagnostics;
using Fast.Os.Linux.Abi;

namespace Fast.Os.Linux.Syscalls;

static partial class TimeSyscalls
{
    const int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3,
        CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5, CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7, TIMER_ABSTIME = 1;

    /// <summary>Seconds on a clock: realtime = Unix time, else host monotonic time.</summary>
    public static double ClockSeconds(int clockRealtimeFlag) => clockRealtimeFlag != 0
        ? (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 1e7
        : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    static (long Sec, long Nsec)? Now(SyscallContext c, int clock)
    {
        long ticks;
        switch (clock)
        {
            case CLOCK_REALTIME or CLOCK_REALTIME_COARSE:
                long t = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks;
                return (t / 10_000_000, t % 10_000_000 * 100);
            case CLOCK_MONOTONIC or CLOCK_MONOTONIC_RAW or CLOCK_MONOTONIC_COARSE or CLOCK_BOOTTIME:
                ticks = Stopwatch.GetTimestamp();
                break;
            case CLOCK_THREAD_CPUTIME_ID:
                ticks = c.Thread.CpuTicks(Stopwatch.GetTimestamp());
                break;
            case CLOCK_PROCESS_CPUTIME_ID:
                long at = Stopwatch.GetTimestamp();
                lock (c.Process.Threads) ticks = c.Process.Threads.Sum(t => t.CpuTicks(at));
                break;
            default:
                return null;
        }
        long sec = ticks / Stopwatch.Frequency;
        long nsec = (long)((ticks % Stopwatch.Frequency) * (1e9 / Stopwatch.Frequency));
        return (sec, nsec);
    }

    static byte[] TimeSpec(long sec, long nsec)
    {
        var b = new byte[16];
        BitConverter.TryWriteBytes(b.AsSpan(0), sec);
        BitConverter.TryWriteBytes(b.AsSpan(8), nsec);
        return b;
    }

    [Syscall(113, "clockid, tp")]
    static long ClockGettime(SyscallContext c)
    {
        if (Now(c, c.IntArg(0)) is not { } now) return Errno.EINVAL.Neg();
        return c.User.Write(c.Arg(1), TimeSpec(now.Sec, now.Nsec)) != 0 ? Errno.EFAULT.Neg() : 0;
    }

    [Syscall(114, "clockid, res")]
    static long ClockGetres(SyscallContext c)
    {
        if (Now(c, c.IntArg(0)) is null) return Errno.EINVAL.Neg();
        return c.Arg(1) == 0 || c.User.Write(c.Arg(1), TimeSpec(0, 1)) == 0 ? 0 : Errno.EFAULT.Neg();
    }

    [Syscall(169, "tv, tz")]
    static long GetTimeOfDay(SyscallContext c)
    {
        long t = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks;
        if (c.Arg(0) != 0 && c.User.Write(c.Arg(0), TimeSpec(t / 10_000_000, t % 10_000_000 / 10)) != 0) return Errno.EFAULT.Neg();
        if (c.Arg(1) != 0 && c.User.Write(c.Arg(1), new byte[8]) != 0) return Errno.EFAULT.Neg();
        return 0;
    }

    [Syscall(101, "req, rem")]
    static long Nanosleep(SyscallContext c) => Sleep(c, CLOCK_MONOTONIC, 0, c.Arg(0), c.Arg(1));

    [Syscall(115, "clockid, flags, req, rem")]
    static long ClockNanosleep(SyscallContext c) => Sleep(c, c.IntArg(0), c.IntArg(1), c.Arg(2), c.Arg(3));

    static long Sleep(SyscallContext c, int clock, int flags, ulong request, ulong remaining)
    {
        var t = c.Thread;
        if (t.WakeDeadline == 0)
        {
            var b = new byte[16];
            if (c.User.Read(request, b) != 0) return Errno.EFAULT.Neg();
            long sec = BitConverter.ToInt64(b, 0), nsec = BitConverter.ToInt64(b, 8);
            if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000) return Errno.EINVAL.Neg();
            if (Now(c, clock) is not { } now) return Errno.EINVAL.Neg();
            double seconds = sec + nsec / 1e9;
            if ((flags & TIMER_ABSTIME) != 0) seconds -= now.Sec + now.Nsec / 1e9;
            if (seconds <= 0) return 0;
            return c.BlockUntil(Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency));
        }
        long left = t.WakeDeadline - Stopwatch.GetTimestamp();
        if (c.TakeInterrupted())
        {
            if (remaining != 0 && (flags & TIMER_ABSTIME) == 0 && left > 0)
                c.User.Write(remaining, TimeSpec(left / Stopwatch.Frequency, (long)(left % Stopwatch.Frequency * (1e9 / Stopwatch.Frequency))));
            return Errno.EINTR.Neg();
        }
        if (left > 0) return c.BlockUntil(t.WakeDeadline);
        t.WakeDeadline = 0;
        return 0;
    }

    [Syscall(153, "buf")]
    static long Times(SyscallContext c)
    {
        long user;
        lock (c.Process.Threads) user = c.Process.Threads.Sum(t => t.RunTicks) * 100 / Stopwatch.Frequency;
        if (c.Arg(0) != 0)
        {
            var b = new byte[32];
            BitConverter.TryWriteBytes(b.AsSpan(0), user);
            if (c.User.Write(c.Arg(0), b) != 0) return Errno.EFAULT.Neg();
        }
        return Stopwatch.GetTimestamp() * 100 / Stopwatch.Frequency;
    }
}
