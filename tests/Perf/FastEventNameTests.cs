using Fast.Perf.Tracing;

namespace Fast.Tests.Perf;

/// <summary>EventPipe's names of the Fast events map back to their FastEventSource method names.</summary>
public class FastEventNameTests
{
    [Theory]
    [InlineData("Fault/Start", "FaultStart")]
    [InlineData("Syscall/Stop", "SyscallStop")]
    [InlineData("IpcSendTransfer", "IpcSend")]
    [InlineData("IpcReceive240", "IpcReceive")]
    [InlineData("Ipc/Receive", "IpcReceive")]
    [InlineData("GuestPcSample", "GuestPcSample")]
    public void MapsToTheMethodName(string eventPipeName, string method) => Assert.Equal(method, TraceReport.FastEventName(eventPipeName));
}
