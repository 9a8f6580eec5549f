// FastMetrics: the `Fast` Meter (System.Diagnostics.Metrics), the rates and totals of a run that
// `dotnet-counters monitor --counters Fast -p PID` shows live (DESIGN.md section 6). Nothing here
// touches a hot path: every instrument is observable, and its callback reads totals the emulator
// already keeps (Vcpu/CpuState counters, the OS's syscall and fault counts) through delegates
// that whoever runs guests (the run command) registers:
//
//   using var _ = FastMetrics.Register(new FastMetrics.Source
//   {
//       InstructionsRetired = () => machine.Vcpus.Sum(v => (long)v.State->Retired),
//       Syscalls = () => kernel.SyscallCount, ...
//   });
//
// Several sources may be registered at once (machines, tests); instruments report their sum.
// Instruments: observable counters (monotonic totals; dotnet-counters prints them as a rate per
// second) fast.instructions.retired, fast.faults, fast.syscalls, fast.context_switches,
// fast.ipc.messages, fast.packets, fast.regions.compiled; observable gauges computed over the
// interval since the previous observation (none at the first): fast.mips, fast.tlb.hit_ratio, fast.faults.rate,
// fast.syscalls.rate, fast.ipc.messages.rate, fast.packets.rate. Snapshot() gives the totals at
// once, and Totals.Describe the lines `fast run --stats` prints at exit.
// Locking: `sources` is copy-on-write under `gate`; rate state is guarded by its own lock.
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fast.Runtime.Observability;

public static class FastMetrics
{
    public const string MeterName = "Fast";

    /// <summary>Callbacks returning monotonic totals; leave null what a run does not have.</summary>
    public sealed class Source
    {
        public Func<long>? InstructionsRetired { get; init; }
        /// <summary>TLB lookups that hit and that missed (fast path included), for the hit ratio.</summary>
        public Func<long>? TlbHits { get; init; }
        public Func<long>? TlbMisses { get; init; }
        public Func<long>? Faults { get; init; }
        public Func<long>? Syscalls { get; init; }
        public Func<long>? ContextSwitches { get; init; }
        public Func<long>? IpcMessages { get; init; }
        public Func<long>? Packets { get; init; }
        public Func<long>? RegionsCompiled { get; init; }
        /// <summary>Blocks decoded for tier 0, and the total tier-1 compile time in Stopwatch ticks (for --stats).</summary>
        public Func<long>? BlocksDecoded { get; init; }
        public Func<long>? CompileTicks { get; init; }
    }

    /// <summary>Totals summed over the registered sources at one moment.</summary>
    public readonly record struct Totals(long InstructionsRetired, long TlbHits, long TlbMisses, long Faults, long Syscalls,
        long ContextSwitches, long IpcMessages, long Packets, long RegionsCompiled, long BlocksDecoded = 0, long CompileTicks = 0)
    {
        public double TlbHitRatio => TlbHits + TlbMisses == 0 ? double.NaN : (double)TlbHits / (TlbHits + TlbMisses);

        /// <summary>The `fast run --stats` lines (printed to stderr at exit) for a run of the given wall time.</summary>
        public string Describe(TimeSpan wall)
        {
            double seconds = Math.Max(wall.TotalSeconds, 1e-9);
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            string hit = double.IsNaN(TlbHitRatio) ? "n/a" : (TlbHitRatio * 100).ToString("F2", ci) + " %";
            return string.Join('\n',
                string.Create(ci, $"fast: wall time          {seconds:F3} s"),
                string.Create(ci, $"fast: instructions       {InstructionsRetired} ({InstructionsRetired / seconds / 1e6:F1} MIPS)"),
                string.Create(ci, $"fast: blocks decoded     {BlocksDecoded}"),
                string.Create(ci, $"fast: regions compiled   {RegionsCompiled} in {CompileTicks * 1000.0 / Stopwatch.Frequency:F1} ms"),
                string.Create(ci, $"fast: TLB hit rate       {hit} ({TlbMisses} misses)"),
                string.Create(ci, $"fast: faults             {Faults}"),
                string.Create(ci, $"fast: syscalls           {Syscalls}"),
                string.Create(ci, $"fast: context switches   {ContextSwitches}"),
                string.Create(ci, $"fast: IPC messages       {IpcMessages}"),
                string.Create(ci, $"fast: packets            {Packets}"));
        }
    }

    public static readonly Meter Meter = new(MeterName, "1.0");

    static readonly object gate = new();
    static Source[] sources = [];
    static int generation;   // bumped on every (un)registration: rates restart their interval

    static FastMetrics()
    {
        Counter("fast.instructions.retired", "{instruction}", "Guest instructions retired", s => s.InstructionsRetired);
        Counter("fast.faults", "{fault}", "Aborts that reached the OS", s => s.Faults);
        Counter("fast.syscalls", "{syscall}", "System calls", s => s.Syscalls);
        Counter("fast.context_switches", "{switch}", "Context switches", s => s.ContextSwitches);
        Counter("fast.ipc.messages", "{message}", "IPC messages", s => s.IpcMessages);
        Counter("fast.packets", "{packet}", "Network packets sent and received", s => s.Packets);
        Counter("fast.regions.compiled", "{region}", "Regions compiled to IL (tier 1)", s => s.RegionsCompiled);
        Rate("fast.mips", "M{instruction}/s", "Guest instructions retired per microsecond (MIPS)", s => s.InstructionsRetired, 1e-6);
        Rate("fast.faults.rate", "{fault}/s", "Faults per second", s => s.Faults, 1);
        Rate("fast.syscalls.rate", "{syscall}/s", "System calls per second", s => s.Syscalls, 1);
        Rate("fast.ipc.messages.rate", "{message}/s", "IPC messages per second", s => s.IpcMessages, 1);
        Rate("fast.packets.rate", "{packet}/s", "Packets per second", s => s.Packets, 1);
        var hitRatio = new Interval(() => { var t = Snapshot(); return (t.TlbHits, t.TlbMisses); });
        Meter.CreateObservableGauge("fast.tlb.hit_ratio", () =>
        {
            if (hitRatio.Delta() is not var (hits, misses, _)) return Enumerable.Empty<Measurement<double>>();
            return hits + misses == 0 ? Enumerable.Empty<Measurement<double>>() : [new Measurement<double>((double)hits / (hits + misses))];
        }, unit: "1", description: "TLB hits / lookups since the previous observation");
    }

    /// <summary>Adds a source; dispose the result to remove it (at the end of the run).</summary>
    public static IDisposable Register(Source source)
    {
        lock (gate) { sources = [.. sources, source]; generation++; }
        return new Registration(source);
    }

    sealed class Registration(Source source) : IDisposable
    {
        int disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            lock (gate) { sources = sources.Where(s => !ReferenceEquals(s, source)).ToArray(); generation++; }
        }
    }

    public static Totals Snapshot()
    {
        return new Totals(Sum(s => s.InstructionsRetired), Sum(s => s.TlbHits), Sum(s => s.TlbMisses), Sum(s => s.Faults),
            Sum(s => s.Syscalls), Sum(s => s.ContextSwitches), Sum(s => s.IpcMessages), Sum(s => s.Packets), Sum(s => s.RegionsCompiled),
            Sum(s => s.BlocksDecoded), Sum(s => s.CompileTicks));
    }

    static long Sum(Func<Source, Func<long>?> pick)
    {
        long total = 0;
        foreach (var s in Volatile.Read(ref sources)) total += pick(s)?.Invoke() ?? 0;
        return total;
    }

    static bool Any(Func<Source, Func<long>?> pick) => Volatile.Read(ref sources).Any(s => pick(s) is not null);

    static void Counter(string name, string unit, string description, Func<Source, Func<long>?> pick) =>
        Meter.CreateObservableCounter(name, () => Any(pick) ? [new Measurement<long>(Sum(pick))] : Enumerable.Empty<Measurement<long>>(),
            unit, description);

    static void Rate(string name, string unit, string description, Func<Source, Func<long>?> pick, double scale)
    {
        var interval = new Interval(() => (Sum(pick), 0));
        Meter.CreateObservableGauge(name, () =>
        {
            if (!Any(pick)) return Enumerable.Empty<Measurement<double>>();
            if (interval.Delta() is not var (delta, _, seconds)) return Enumerable.Empty<Measurement<double>>();
            return seconds <= 0 ? Enumerable.Empty<Measurement<double>>() : [new Measurement<double>(delta / seconds * scale)];
        }, unit, description);
    }

    /// <summary>
    /// Differences of up to two totals between successive observations; null at the first
    /// observation and after the set of sources changed (the interval restarts there).
    /// </summary>
    sealed class Interval(Func<(long A, long B)> read)
    {
        readonly object stateLock = new();
        long lastA, lastB, lastTimestamp;
        int lastGeneration = -1;

        public (long A, long B, double Seconds)? Delta()
        {
            lock (stateLock)
            {
                int g = Volatile.Read(ref generation);
                var (a, b) = read();
                long now = Stopwatch.GetTimestamp();
                (long, long, double)? result = g == lastGeneration
                    ? (a - lastA, b - lastB, (double)(now - lastTimestamp) / Stopwatch.Frequency) : null;
                (lastA, lastB, lastTimestamp, lastGeneration) = (a, b, now, g);
                return result;
            }
        }
    }
}
