// Interpreter throughput on FP/SIMD code: a NEON memcpy kernel (LDP/STP of Q registers), a NEON
// strlen kernel (LD1, CMEQ, UMAXV, FMOV, CBZ) and a scalar double loop (FMADD, FADD, FMUL, FSQRT).
// OperationsPerInvoke = guest instructions, so ns/op is nanoseconds per guest instruction.
using BenchmarkDotNet.Attributes;

namespace Fast.Perf.Micro;

public unsafe class SimdBenchmarks
{
    const int Bytes = 1 << 20;
    const int FpIterations = 100_000;
    BareMachine machine = null!;

    [GlobalSetup]
    public void Setup()
    {
        machine = new BareMachine(64UL << 20);
        machine.Load(BareMachine.CodeBase, SimdLoops.Memcpy);
        machine.Load(BareMachine.CodeBase + 0x1000, SimdLoops.Strlen);
        machine.Load(BareMachine.CodeBase + 0x2000, SimdLoops.ScalarFp);
        var text = machine.Machine.Ram.Span(BareMachine.DataBase, Bytes);
        for (int i = 0; i < Bytes; i++) text[i] = (byte)('a' + i % 26);
        text[Bytes - 1] = 0;
        Memcpy(); Strlen(); ScalarFp();
    }

    [GlobalCleanup]
    public void Cleanup() => machine.Dispose();

    [Benchmark(OperationsPerInvoke = Bytes / 32 * 4)]
    public ulong Memcpy()
    {
        machine.State->X[0] = BareMachine.DataBase + 2 * Bytes;
        machine.State->X[1] = BareMachine.DataBase;
        machine.State->X[2] = Bytes;
        return machine.RunFrom(BareMachine.CodeBase);
    }

    [Benchmark(OperationsPerInvoke = Bytes / 16 * 5)]
    public ulong Strlen()
    {
        machine.State->X[0] = BareMachine.DataBase;
        return machine.RunFrom(BareMachine.CodeBase + 0x1000);
    }

    [Benchmark(OperationsPerInvoke = FpIterations * 6)]
    public ulong ScalarFp()
    {
        machine.State->X[0] = FpIterations;
        machine.State->V[2] = BitConverter.DoubleToUInt64Bits(1.0000001);
        machine.State->V[6] = BitConverter.DoubleToUInt64Bits(0.5);
        return machine.RunFrom(BareMachine.CodeBase + 0x2000);
    }
}
