using System.Diagnostics.Metrics;
using Fast.Runtime.Observability;

namespace Fast.Tests.Perf;

// (In the recorded trace's collection, which runs alone: every GuestRunner registers its run's metrics
// source in the process-wide registry, and these totals must not include another run's.)
[Collection(Fast.Tests.Perf.RecordedTraceCollection.Name)]
public class FastMetricsTests
{
    [Fact]
    public void InstrumentsReportRegisteredTotalsAndRates()
    {
        long instructions = 1_000_000, hits = 0, misses = 0, syscalls = 5;
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == FastMetrics.MeterName) l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => { lock (seen) seen[i.Name] = value; });
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => { lock (seen) seen[i.Name] = value; });
        listener.Start();

        using (FastMetrics.Register(new FastMetrics.Source
        {
            InstructionsRetired = () => Interlocked.Read(ref instructions),
            TlbHits = () => hits,
            TlbMisses = () => misses,
            Syscalls = () => syscalls,
        }))
        {
            listener.RecordObservableInstruments();   // totals, and the rates' first interval starts
            Assert.Equal(1_000_000, seen["fast.instructions.retired"]);
            Assert.Equal(5, seen["fast.syscalls"]);
            Assert.False(seen.ContainsKey("fast.packets"));   // no source supplies packets
            Assert.False(seen.ContainsKey("fast.mips"));

            instructions += 50_000_000; hits += 90; misses += 10; syscalls += 100;
            var started = System.Diagnostics.Stopwatch.StartNew();
            Thread.Sleep(50);
            listener.RecordObservableInstruments();
            double seconds = started.Elapsed.TotalSeconds;
            Assert.Equal(51_000_000, seen["fast.instructions.retired"]);
            Assert.Equal(0.9, seen["fast.tlb.hit_ratio"], 6);
            // 50 M instructions in ~50 ms: ~1000 MIPS (bounded by the interval we measured around it).
            Assert.InRange(seen["fast.mips"], 50 / (seconds + 0.05), 50 / 0.045);
            Assert.InRange(seen["fast.syscalls.rate"], 100 / (seconds + 0.05), 100 / 0.045);
            var snapshot = FastMetrics.Snapshot();
            Assert.Equal(51_000_000, snapshot.InstructionsRetired);
            Assert.Equal(0.9, snapshot.TlbHitRatio, 6);
            string stats = snapshot.Describe(TimeSpan.FromSeconds(1));
            Assert.Contains("fast: instructions       51000000 (51.0 MIPS)", stats);
            Assert.Contains("fast: TLB hit rate       90.00 % (10 misses)", stats);
        }
        seen.Clear();
        listener.RecordObservableInstruments();
        Assert.False(seen.ContainsKey("fast.instructions.retired"));   // the source left with its run
    }
}
