// Interpreter throughput: guest instructions per second on an integer loop, a memory-heavy loop
// and a branchy loop. OperationsPerInvoke is the number of guest instructions one invocation
// retires, so BenchmarkDotNet's "ns/op" is nanoseconds per guest instruction (1000/x = MIPS).
using BenchmarkDotNet.Attributes;

namespace Fast.Perf.Micro;

[MemoryDiagnoser]
public unsafe class InterpreterBenchmarks
{
    const int Iterations = 200_000;
    BareMachine machine = null!;
    ulong memoryBase;

    [GlobalSetup]
    public void Setup()
    {
        machine = new BareMachine();
        machine.Load(BareMachine.CodeBase, GuestLoops.Integer);
        machine.Load(BareMachine.CodeBase + 0x1000, GuestLoops.Memory);
        machine.Load(BareMachine.CodeBase + 0x2000, GuestLoops.Branchy);
        memoryBase = BareMachine.DataBase;
        // Warm the block cache so the benchmark measures execution, not decoding.
        Integer(); Memory(); Branchy();
    }

    [GlobalCleanup]
    public void Cleanup() => machine.Dispose();

    [Benchmark(OperationsPerInvoke = Iterations * 5)]
    public ulong Integer()
    {
        machine.State->X[0] = Iterations;
        return machine.RunFrom(BareMachine.CodeBase);
    }

    [Benchmark(OperationsPerInvoke = Iterations * 9)]
    public ulong Memory()
    {
        machine.State->X[0] = Iterations * 8UL;
        machine.State->X[4] = memoryBase;
        machine.State->X[5] = 0xFFF8; // 64 KiB window
        return machine.RunFrom(BareMachine.CodeBase + 0x1000);
    }

    [Benchmark(OperationsPerInvoke = Iterations * 8)]
    public ulong Branchy()
    {
        machine.State->X[0] = Iterations;
        machine.State->X[1] = 0xACE1;
        machine.State->X[7] = 0x16801; // Galois taps 0xB400, pre-shifted with the low bit set
        return machine.RunFrom(BareMachine.CodeBase + 0x2000);
    }
}
