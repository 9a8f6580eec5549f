// StartupPhases: FAST_PHASE=1 prints, on stderr at exit, the time since Main and the host JIT's
// count at each phase of `fast run` (boot, spawn, guest run, exit) — the instrument for start-up —
// and what the marking thread spent on the phase: its CPU time (a phase whose CPU time is short of
// its wall time waited: for a lock, a thread start, the guest) and its minor page faults (memory
// touched for the first time). The marks are made on the main thread.
// Marks are buffered (the first Console write costs milliseconds itself); off, a mark costs one
// static bool test.
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Fast.Runtime.Observability;

public static class StartupPhases
{
    static readonly bool enabled = Environment.GetEnvironmentVariable("FAST_PHASE") is not null;
    static readonly long start = Stopwatch.GetTimestamp();
    static readonly string[] names = new string[64];
    static readonly long[] times = new long[64], jitCounts = new long[64], cpuNs = new long[64], faults = new long[64];
    static int count;

    public static void Mark(string what)
    {
        if (!enabled || count == names.Length) return;
        times[count] = Stopwatch.GetTimestamp();
        jitCounts[count] = System.Runtime.JitInfo.GetCompiledMethodCount();
        Usage(out cpuNs[count], out faults[count]);
        names[count++] = what;
    }

    [StructLayout(LayoutKind.Sequential)]
    struct RUsage
    {
        public long UserSec, UserUsec, SysSec, SysUsec, MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }

    // Pointers, not out parameters: blittable signatures that ReadyToRun calls directly (an out
    // parameter made the runtime JIT two marshalling stubs at the first mark, ~1 ms of the phase).
    [DllImport("libc")] static extern unsafe int getrusage(int who, RUsage* usage);
    struct TimeSpec { public long Sec, Nsec; }
    [DllImport("libc")] static extern unsafe int clock_gettime(int clock, TimeSpec* time);

    /// <summary>The calling thread's CPU time (user and system) and its minor page faults so far (RUSAGE_THREAD).</summary>
    static unsafe void Usage(out long cpuNs, out long minorFaults)
    {
        RUsage u;
        TimeSpec t;
        getrusage(1, &u);
        clock_gettime(3, &t);   // CLOCK_THREAD_CPUTIME_ID (getrusage's times are tick-sampled)
        cpuNs = t.Sec * 1_000_000_000 + t.Nsec;
        minorFaults = u.MinFlt;
    }

    /// <summary>Prints the marks so far (called once, at exit).</summary>
    public static void Print()
    {
        if (!enabled) return;
        for (int i = 0; i < count; i++)
            Console.Error.WriteLine($"{Stopwatch.GetElapsedTime(start, times[i]).TotalMilliseconds,7:F1} ms {names[i],-12} host JIT {jitCounts[i],3}  thread CPU {(i == 0 ? 0 : (cpuNs[i] - cpuNs[i - 1]) / 1e6),5:F2} ms  page faults {(i == 0 ? 0 : faults[i] - faults[i - 1]),4}");
    }
}
