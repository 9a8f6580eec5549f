// CoreTicker: the time-slice clock of the running cores — one host thread that raises
// InterruptBits.Timer on each registered core once per its TimeSlice (round robin's preemption).
// Not a System.Threading.Timer per core: the process's first Timer builds the runtime's timer
// queue and its thread, ~10M host instructions at every start-up, more than busybox true's whole
// guest run. The thread starts with the first core and sleeps until the next core's tick.
//
// Locking: entries and thread are guarded by entries; ticks are raised under it, so once Remove
// returns the ticker no longer touches that core (its vCPU may be freed next).
using System.Diagnostics;
using Fast.Runtime;

namespace Fast.Os.Kernel;

public static class CoreTicker
{
    sealed class Entry(Core core, long next)
    {
        public readonly Core Core = core;
        public long Next = next;   // Stopwatch ticks of its next tick
    }

    static readonly List<Entry> entries = new();
    static Thread? thread;

    static long Slice(Core core) => Math.Max(1, (long)(core.TimeSlice.TotalSeconds * Stopwatch.Frequency));

    public static void Add(Core core)
    {
        Thread? start;
        lock (entries)
        {
            entries.Add(new Entry(core, Stopwatch.GetTimestamp() + Slice(core)));
            start = NewThreadIfNone();
            if (start is null) Monitor.Pulse(entries);
        }
        start?.Start();
    }

    /// <summary>Starts the ticker's thread now (it then sleeps until a core is added): the start-up warming
    /// thread calls it, so that the main thread does not wait for a thread start when it starts core 0.</summary>
    public static void Prestart()
    {
        Thread? start;
        lock (entries) start = NewThreadIfNone();
        start?.Start();
    }

    /// <summary>The ticker's thread, created (under the lock) if there is none yet, for the caller to start
    /// outside the lock: Thread.Start waits for the thread to run, and a core being added meanwhile (the main
    /// thread starting core 0 while the warming thread starts the ticker) need not wait with it. The thread
    /// reads the entries when it first takes the lock, so one added before then is not missed.</summary>
    static Thread? NewThreadIfNone()
    {
        if (thread is not null) return null;
        thread = new Thread(Run) { IsBackground = true, Name = "Fast core ticker" };
        return thread;
    }

    public static void Remove(Core core)
    {
        lock (entries)
            for (int i = entries.Count - 1; i >= 0; i--)
                if (entries[i].Core == core) entries.RemoveAt(i);
    }

    static void Run()
    {
        lock (entries)
            while (true)
            {
                long now = Stopwatch.GetTimestamp(), next = long.MaxValue;
                foreach (var e in entries)
                {
                    if (e.Next <= now)
                    {
                        e.Core.Cpu.RaiseInterrupt(InterruptBits.Timer);
                        e.Next = Math.Max(e.Next + Slice(e.Core), now + 1);   // a late tick does not bunch up the next ones
                    }
                    next = Math.Min(next, e.Next);
                }
                int ms = next == long.MaxValue ? Timeout.Infinite : (int)Math.Max(1, ((next - now) * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency);
                Monitor.Wait(entries, ms);
            }
    }
}
