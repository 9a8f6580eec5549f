using System.Diagnostics.Tracing;
using Fast.Runtime;
using Fast.Runtime.Observability;
using Fast.Tests.Support;

namespace Fast.Tests.Runtime;

public class FastEventSourceTests
{
    [Fact]
    public void ManifestIsValid()
    {
        string? manifest = EventSource.GenerateManifest(typeof(FastEventSource), "Fast.Runtime.dll", EventManifestOptions.Strict);
        Assert.NotNull(manifest);
        Assert.Contains("BlockDecoded", manifest);
        Assert.Contains("FaultStart", manifest);
    }

    [Fact]
    public void DecodesAndFaultsAreReportedWhenEnabled()
    {
        using var listener = new Recorder();
        listener.EnableEvents(FastEventSource.Log, EventLevel.Verbose, FastEventSource.Keywords.Translation | FastEventSource.Keywords.Fault);
        using var h = new GuestHarness(16UL << 20);
        var e = h.RunRaw(0xD4200020); // BRK #0x1
        Assert.Equal(ExceptionKind.Brk, e!.Value.Kind);
        lock (listener.Events)
        {
            var decoded = listener.Events.Where(x => x.EventName == "BlockDecoded" && (ulong)x.Payload![0]! == GuestHarness.CodeBase).ToList();
            Assert.NotEmpty(decoded);
            Assert.Contains(listener.Events, x => x.EventName == "GuestException" && (int)x.Payload![1]! == (int)ExceptionKind.Brk);
        }
    }

    sealed class Recorder : EventListener
    {
        public readonly List<EventWrittenEventArgs> Events = new();
        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            lock (Events) Events.Add(e);
        }
    }
}
