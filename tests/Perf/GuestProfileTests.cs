using Fast.Cli.Run;
using Fast.Perf.Tracing;
using Fast.Tests.Support;

namespace Fast.Tests.Perf;

/// <summary>
/// `fast run --trace` samples guest PCs; the report names the guest function that burned the time.
/// In the recorded-trace collection: EventPipe in this process sees every guest run's samples, and
/// the fixture's traced run (guest pids start at 1 in every run) must not overlap this one.
/// </summary>
[Collection(RecordedTraceCollection.Name)]
public class GuestProfileTests
{
    [Fact]
    public void HottestGuestFunctionIsTheSpinningOne()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            __attribute__((noinline)) long spin_for_the_profiler(long n) {
                long s = 0;
                for (long i = 0; i < n; i++) s = s * 31 + (i ^ (s >> 7));
                return s;
            }
            int main(void) { printf("%ld\n", spin_for_the_profiler(60000000)); return 0; }
            """);
        string trace = Path.Combine(Path.GetTempPath(), $"fast-profile-{Guid.NewGuid():N}.nettrace");
        var options = RunOptions.Parse(["--trace", trace, exe]);
        using (var recorder = TraceRecorder.Start(trace, sampleProfiler: false))
        {
            using var runner = new GuestRunner(options, TextWriter.Null);
            Assert.Equal(0, runner.Run());
            recorder.Stop();
        }
        var report = TraceReport.Analyze(trace);
        File.Delete(trace);
        Assert.True(report.PcSamples > 20, $"only {report.PcSamples} PC samples");
        Assert.Equal($"{Path.GetFileName(exe)}!spin_for_the_profiler", report.HotGuestPcFunctions[0].Name);
        Assert.True(report.HotGuestPcFunctions[0].Share > 0.5);
    }
}
