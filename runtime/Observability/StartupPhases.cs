// StartupPhases: FAST_PHASE=1 prints, on stderr at exit, the time since Main and the host JIT's
// count at each phase of `fast run` (boot, spawn, guest run, exit) — the instrument for start-up —
// and what the marking thread spent on the phase: its CPU time (a phase whose CPU time is short of
// its wall time waited: for a lock, a thread start, the guest) and its minor page faults (memory
// touched for the first time). Marks made on another thread (the start-up warmer's) are shown
// with its name, their CPU time and faults counted from that thread's previous mark (a thread's
// first mark: from its start; the main thread's, "main", is what the runtime's start cost it).
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
    static readonly int[] threads = new int[64];
    static readonly int mainThread = Environment.CurrentManagedThreadId;
    static int count;

    public static void Mark(string what)
    {
        if (!enabled) return;
        long time = Stopwatch.GetTimestamp(), jit = System.Runtime.JitInfo.GetCompiledMethodCount();
        Usage(out long cpu, out long faulted);
        lock (names)
        {
            if (count == names.Length) return;
            (times[count], jitCounts[count], cpuNs[count], faults[count]) = (time, jit, cpu, faulted);
            threads[count] = Environment.CurrentManagedThreadId;
            names[count++] = what;
        }
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
        lock (names)
            for (int i = 0; i < count; i++)
            {
                int previous = i - 1;
                while (previous >= 0 && threads[previous] != threads[i]) previous--;
                string thread = threads[i] == mainThread ? "" : $"[thread {threads[i]}] ";
                Console.Error.WriteLine($"{Stopwatch.GetElapsedTime(start, times[i]).TotalMilliseconds,7:F1} ms {thread + names[i],-24} host JIT {jitCounts[i],3}  thread CPU {(cpuNs[i] - (previous < 0 ? 0 : cpuNs[previous])) / 1e6,5:F2} ms  page faults {faults[i] - (previous < 0 ? 0 : faults[previous]),4}");
            }
    }
}
