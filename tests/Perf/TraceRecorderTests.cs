using Fast.Perf.Tracing;
using Microsoft.Diagnostics.Tracing;

namespace Fast.Tests.Perf;

[Collection(RecordedTraceCollection.Name)]
public class TraceRecorderTests(RecordedTrace trace)
{
    [Fact]
    public void FileHoldsFastEventsAndGuestNamedJitEvents()
    {
        Assert.True(trace.GuestInstructions > 10_000);
        long fast = 0, syscalls = 0;
        var guestMethods = new List<string>();
        using (var source = new EventPipeEventSource(trace.Path))
        {
            source.Dynamic.All += e =>
            {
                if (e.ProviderName == TraceRecorder.FastProvider)
                {
                    fast++;
                    if (TraceReport.FastEventName(e.EventName) == "SyscallStop" && Convert.ToInt32(e.PayloadByName("Number")) == RecordedTrace.MarkerSyscall) syscalls++;
                }
            };
            source.Clr.MethodLoadVerbose += e =>
            {
                if (e.MethodName.StartsWith(TraceReport.GuestPrefix, StringComparison.Ordinal)) guestMethods.Add(e.MethodName);
            };
            source.Process();
        }
        Assert.Equal(100, syscalls);
        Assert.True(fast >= 100 + 100 + 2 * RecordedTrace.MarkerFaults);
        Assert.Contains("guest!0x10000", guestMethods);
    }
}
