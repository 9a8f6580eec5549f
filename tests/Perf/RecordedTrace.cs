// RecordedTrace: one in-process recording shared by the trace tests (recording costs ~1-2 s).
// The workload: a guest integer loop on a one-vCPU machine with tier 1 on (threshold 2), so a
// DynamicMethod named guest!0x10000 is jitted and sampled; plus `Fast` events with known payloads
// written directly (syscall 450, which nothing else in the test run issues, with durations of
// 1..100 us; permission faults on execute at known addresses) so the report's numbers are exact.
using System.Diagnostics;
using Fast.Perf.Micro;
using Fast.Perf.Tracing;
using Fast.Runtime;
using Fast.Runtime.Observability;
using Fast.Tests.Support;

namespace Fast.Tests.Perf;

public sealed class RecordedTrace : IDisposable
{
    public const int MarkerSyscall = 450;
    public const int MarkerFaults = 7;
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fast-test-{Environment.ProcessId}-{Guid.NewGuid():N}.nettrace");
    public long GuestInstructions { get; }

    public unsafe RecordedTrace()
    {
        using var recorder = TraceRecorder.Start(Path);
        using (var h = new GuestHarness(tier1Threshold: 2))
        {
            h.Load(GuestHarness.CodeBase, GuestLoops.Integer);
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 700)
            {
                h.SetX(0, 200_000);
                h.PC = GuestHarness.CodeBase;
                ulong before = h.State->Retired;
                h.Cpu.Run();
                GuestInstructions += (long)(h.State->Retired - before);
            }
        }
        long perUs = Stopwatch.Frequency / 1_000_000;
        for (int i = 1; i <= 100; i++)
        {
            FastEventSource.Log.SyscallStart(4242, 4242, MarkerSyscall, 0, 0, 0);
            FastEventSource.Log.SyscallStop(4242, 4242, MarkerSyscall, 0, i * perUs);
        }
        for (int i = 0; i < MarkerFaults; i++)
        {
            ulong address = i < 4 ? 0xFFFF_FFFF_E000UL : 0x8UL; // 4 on the stack, 3 in the null page
            FastEventSource.Log.FaultStart(0, 0x40_0000, address, (int)FaultKind.Permission, (int)AccessKind.Execute, 3);
            FastEventSource.Log.FaultStop(0, address, (int)Resume.Retry, 5 * perUs);
        }
        recorder.Stop();
    }

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { }
    }
}

/// <summary>The trace tests share one recording.</summary>
[CollectionDefinition(Name)]
public sealed class RecordedTraceCollection : ICollectionFixture<RecordedTrace>
{
    public const string Name = "recorded trace";
}
