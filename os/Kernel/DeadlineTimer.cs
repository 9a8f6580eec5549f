// DeadlineTimer: runs a wake-up at an absolute host deadline (Stopwatch ticks), once. Every timed
// block — nanosleep, a futex or native wait with a timeout — parks its thread and arms one of
// these; a wake-up that arrives after the thread left the wait is harmless (calls restart).
using System.Diagnostics;

namespace Fast.Os.Kernel;

public static class DeadlineTimer
{
    public static void Schedule(long deadline, Action wake)
    {
        long ms = Math.Max(1, (deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency);
        Timer? timer = null;
        timer = new Timer(_ => { wake(); timer?.Dispose(); }, null, ms, Timeout.Infinite);
    }
}
