using Fast.Perf.Tracing;

namespace Fast.Tests.Perf;

[Collection(RecordedTraceCollection.Name)]
public class TraceReportTests(RecordedTrace trace)
{
    TraceReport Report => report ??= TraceReport.Analyze(trace.Path);
    static TraceReport? report;

    [Fact]
    public void CountsAndLatencyPercentilesOfKnownSyscalls()
    {
        var row = Assert.Single(Report.Syscalls, s => s.Number == RecordedTrace.MarkerSyscall);
        Assert.Equal("set_mempolicy_home_node", row.Name);
        // Durations 1..100 us: nearest-rank p50 = 50, p90 = 90, p99 = 99, max = 100.
        Assert.Equal(100, row.Latency.Count);
        Assert.Equal(50, row.Latency.P50Us, 1);
        Assert.Equal(90, row.Latency.P90Us, 1);
        Assert.Equal(99, row.Latency.P99Us, 1);
        Assert.Equal(100, row.Latency.MaxUs, 1);
        Assert.Equal(50.5, row.Latency.MeanUs, 1);
        Assert.True(Report.Counts["SyscallStart"] >= 100);
        Assert.True(Report.Latencies["Syscall"].Count >= 100);
    }

    [Fact]
    public void FaultsByKindAndRegion()
    {
        Assert.Contains(Report.FaultsByKind, f => f.Name == "Permission Execute" && f.Count >= RecordedTrace.MarkerFaults);
        Assert.Contains(Report.FaultsByRegion, f => f.Name == "stack" && f.Count >= 4);
        Assert.Contains(Report.FaultsByRegion, f => f.Name == "null page" && f.Count >= 3);
        Assert.True(Report.Latencies["Fault"].Count >= RecordedTrace.MarkerFaults);
    }

    [Fact]
    public void TierOneRegionsAreJittedUnderGuestNamesAndSampled()
    {
        Assert.True(Report.Counts.GetValueOrDefault("RegionCompileStop") >= 1);
        Assert.True(Report.Latencies["RegionCompile"].Count >= 1);
        Assert.Contains("guest!0x10000", Report.GuestMethodExamples);
        Assert.True(Report.Samples > 0);
        // The block holding the SVC calls the "kernel", where the vCPU spends its time: most samples
        // with a guest frame are charged to it.
        var hottest = Report.HotGuestFunctions[0];
        // Tier 1 compiles regions: the loop (svc; subs; b.ne) runs in the region entered at the SVC's
        // block or at another block of the loop, whichever the run loop reached first after a region exit.
        Assert.Matches(@"^guest!0x1000[0-9a-f]$", hottest.Name);
        Assert.True(hottest.Samples >= 10, $"{hottest.Samples} samples");
        Assert.True(hottest.Share > 0.5, $"share {hottest.Share}");
        Assert.True(Report.Syscalls.Single(s => s.Number == RecordedTrace.LoopSyscall).Latency.Count > 1000);
    }

    [Fact]
    public void TextAndJsonOutput()
    {
        var text = new StringWriter();
        TraceReportWriter.WriteText(Report, text);
        Assert.Contains("set_mempolicy_home_node (450)", text.ToString());
        Assert.Contains("guest!0x10000", text.ToString());
        var json = new StringWriter();
        TraceReportWriter.WriteJson(Report, json);
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.True(doc.RootElement.GetProperty("syscalls").GetArrayLength() >= 1);
        Assert.True(doc.RootElement.GetProperty("latencies").GetProperty("Syscall").GetProperty("p99Us").GetDouble() > 0);
    }

    [Theory]
    [InlineData("dynamicClass.guest!0x4005c0(native int)", "guest!0x4005c0")]
    [InlineData("guest!busybox!memcpy+0x40", "guest!busybox!memcpy+0x40")]
    [InlineData("Fast.Translator.Interpreter.Interpreter.Run(class Fast.Runtime.Vcpu,int64)", null)]
    public void GuestNames(string frame, string? expected) => Assert.Equal(expected, TraceReport.GuestName(frame));

    [Theory]
    [InlineData(0x8UL, "null page")]
    [InlineData(0x40_1000UL, "low image/brk heap")]
    [InlineData(0xAAAA_AAAB_0000UL, "PIE image/brk heap")]
    [InlineData(0xFFFF_7000_0000UL, "mmap")]
    [InlineData(0xFFFF_FFFF_E000UL, "stack")]
    [InlineData(0xFFFF_0000_0000_0000UL, "outside user space")]
    public void Regions(ulong va, string expected) => Assert.Equal(expected, AddressRegions.Classify(va));
}
