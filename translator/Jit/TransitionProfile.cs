// TransitionProfile: FAST_JIT_STATS=3 counts the region-to-region transitions of a run and prints the
// most frequent at exit ("from region -> to PC, exit k: count"). A transition costs ~50 host
// instructions (registers written back, the link or table followed, the next region's entry); the
// pairs that dominate show where a loop or a call was split between regions. Chaining is turned off
// while it counts (RegionEmitter.ChainingEnabled), so every exit comes back to the run loop: the
// counts are those of a chained run, the time is not.
namespace Fast.Translator.Jit;

public static class TransitionProfile
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("FAST_JIT_STATS") == "3";
    const int Shown = 30;

    static readonly object Gate = new();
    static Dictionary<(ulong From, ulong To, int Exit), long>? counts;   // guarded by Gate

    /// <summary>Counts one exit of the region entered at fromEntry to pc (exit: its link slot, or a negative exit code).</summary>
    public static void Record(ulong fromEntry, ulong pc, int exit)
    {
        lock (Gate)
        {
            if (counts is null)
            {
                counts = new();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Print();
            }
            var key = (fromEntry, pc, exit);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>The total count and the n most frequent transitions so far, most frequent first.</summary>
    public static (long Total, (ulong From, ulong To, int Exit, long Count)[] Top) MostFrequent(int n)
    {
        lock (Gate)
        {
            if (counts is null) return (0, []);
            var top = counts.OrderByDescending(kv => kv.Value).Take(n).Select(kv => (kv.Key.From, kv.Key.To, kv.Key.Exit, kv.Value)).ToArray();
            return (counts.Values.Sum(), top);
        }
    }

    static void Print()
    {
        var (total, top) = MostFrequent(Shown);
        Console.Error.WriteLine($"jit: {total} region transitions; the most frequent:");
        foreach (var (from, to, exit, n) in top)
            Console.Error.WriteLine($"  {n,12}  {100.0 * n / total,5:F1} %  region 0x{from:x} -> 0x{to:x} (exit {exit})");
    }
}
