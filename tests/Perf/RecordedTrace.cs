// RecordedTrace: one in-process recording shared by the trace tests (recording costs ~1-2 s).
// The workload: a guest loop that makes a system call each iteration, on a one-vCPU machine with
// tier 1 on (threshold 2), so DynamicMethods named guest!0x... are jitted, and the "kernel" (an
// OS handler doing a few microseconds of work and writing SyscallStart/Stop like the real OS)
// runs under the guest region's frame, where the sample profiler sees it. (EventPipe samples
// threads at safe points, so a short region without calls is rarely caught on the stack; the
// calls out of it are.) Then `Fast` events with known payloads are written directly: syscall
// 450, which nothing else in the test run issues, with durations of 1..100 us, and permission
// faults on execute at known addresses, so the report's numbers can be checked exactly.
using System.Diagnostics;
using Fast.Perf.Tracing;
using Fast.Runtime;
using Fast.Runtime.Observability;
using Fast.Tests.Support;

namespace Fast.Tests.Perf;

public sealed class RecordedTrace : IDisposable
{
    public const int MarkerSyscall = 450;
    public const int MarkerFaults = 7;
    public const int LoopSyscall = 172; // getpid
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fast-test-{Environment.ProcessId}-{Guid.NewGuid():N}.nettrace");
    public long GuestInstructions { get; }
    public long KernelWork { get; private set; }

    static readonly uint[] SyscallLoop =
    [
        0x8b000021, // add  x1, x1, x0
        0xd4000001, // svc  #0
        0xf1000400, // subs x0, x0, #0x1
        0x54ffffa1, // b.ne 0 (loop)
        0xd43e01a0, // brk  #0xf00d
    ];

    public unsafe RecordedTrace()
    {
        var work = new long[4096];
        using var recorder = TraceRecorder.Start(Path);
        using (var h = new GuestHarness(tier1Threshold: 2))
        {
            h.Os.Handler = (cpu, e) =>
            {
                if (e.Kind != ExceptionKind.Svc) return Resume.Halt;
                long started = Stopwatch.GetTimestamp();
                if (FastEventSource.SyscallEnabled) FastEventSource.Log.SyscallStart(1, 1, LoopSyscall, 0, 0, 0);
                long sum = 0;
                for (int i = 0; i < work.Length; i++) sum += work[i] ^ i;
                KernelWork += sum;
                if (FastEventSource.SyscallEnabled) FastEventSource.Log.SyscallStop(1, 1, LoopSyscall, 1, Stopwatch.GetTimestamp() - started);
                return Resume.Continue;
            };
            h.Load(GuestHarness.CodeBase, SyscallLoop);
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 700)
            {
                h.Os.Exceptions.Clear();
                h.SetX(0, 2_000);
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

/// <summary>The trace tests share one recording, and run alone: a trace session in this process, and
/// the process-wide metrics registry, see every guest run in it (guest pids start at 1 in every run).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RecordedTraceCollection : ICollectionFixture<RecordedTrace>
{
    public const string Name = "recorded trace";
}
