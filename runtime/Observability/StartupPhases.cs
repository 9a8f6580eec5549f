// StartupPhases: FAST_PHASE=1 prints, on stderr at exit, the time since Main and the host JIT's
// count at each phase of `fast run` (boot, spawn, guest run, exit) — the instrument for start-up.
// Marks are buffered (the first Console write costs milliseconds itself); off, a mark costs one
// static bool test.
using System.Diagnostics;

namespace Fast.Runtime.Observability;

public static class StartupPhases
{
    static readonly bool enabled = Environment.GetEnvironmentVariable("FAST_PHASE") is not null;
    static readonly long start = Stopwatch.GetTimestamp();
    static readonly string[] names = new string[64];
    static readonly long[] times = new long[64], jitCounts = new long[64];
    static int count;

    public static void Mark(string what)
    {
        if (!enabled || count == names.Length) return;
        times[count] = Stopwatch.GetTimestamp();
        jitCounts[count] = System.Runtime.JitInfo.GetCompiledMethodCount();
        names[count++] = what;
    }

    /// <summary>Prints the marks so far (called once, at exit).</summary>
    public static void Print()
    {
        if (!enabled) return;
        for (int i = 0; i < count; i++)
            Console.Error.WriteLine($"{Stopwatch.GetElapsedTime(start, times[i]).TotalMilliseconds,7:F1} ms {names[i],-12} host JIT {jitCounts[i]}");
    }
}
