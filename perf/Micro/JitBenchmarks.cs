// Tier 1 throughput on the interpreter suite's loops (GuestLoops): the same guest code with the
// IL tier on, warmed until its regions are compiled. ns/op is nanoseconds per guest instruction.
using BenchmarkDotNet.Attributes;
using Fast.Runtime;
using Fast.Translator.Interpreter;
using Fast.Translator.Jit;

namespace Fast.Perf.Micro;

[MemoryDiagnoser]
public unsafe class JitBenchmarks
{
    const int Iterations = 200_000;
    sealed class HaltingOs : IGuestOs
    {
        public Resume OnException(Vcpu cpu, in GuestException exception) => Resume.Halt;
        public Resume OnInterrupt(Vcpu cpu, int pending) => Resume.Continue;
    }

    TierUpQueue tierUp = null!;
    Machine machine = null!;
    Vcpu cpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        tierUp = new TierUpQueue();
        machine = new Machine(32UL << 20, new Interpreter { TierUp = tierUp, TierUpThreshold = 2 }, new HaltingOs());
        cpu = machine.AddVcpu();
        Load(BareMachine.CodeBase, GuestLoops.Integer);
        Load(BareMachine.CodeBase + 0x1000, GuestLoops.Memory);
        Load(BareMachine.CodeBase + 0x2000, GuestLoops.Branchy);
        Integer(); Memory(); Branchy();
        tierUp.Drain();
        Integer(); Memory(); Branchy();
    }

    void Load(ulong address, uint[] words)
    {
        var span = machine.Ram.Span(address, words.Length * 4);
        for (int i = 0; i < words.Length; i++) BitConverter.TryWriteBytes(span[(i * 4)..], words[i]);
    }

    ulong RunFrom(ulong pc)
    {
        ulong before = cpu.State->Retired;
        cpu.State->PC = pc;
        cpu.Run();
        return cpu.State->Retired - before;
    }

    [GlobalCleanup]
    public void Cleanup() { tierUp.Dispose(); machine.Dispose(); }

    [Benchmark(OperationsPerInvoke = Iterations * 5)]
    public ulong Integer()
    {
        cpu.State->X[0] = Iterations;
        return RunFrom(BareMachine.CodeBase);
    }

    [Benchmark(OperationsPerInvoke = Iterations * 9)]
    public ulong Memory()
    {
        cpu.State->X[0] = Iterations * 8UL;
        cpu.State->X[4] = BareMachine.DataBase;
        cpu.State->X[5] = 0xFFF8;
        return RunFrom(BareMachine.CodeBase + 0x1000);
    }

    [Benchmark(OperationsPerInvoke = Iterations * 8)]
    public ulong Branchy()
    {
        cpu.State->X[0] = Iterations;
        cpu.State->X[1] = 0xACE1;
        cpu.State->X[7] = 0x16801;
        return RunFrom(BareMachine.CodeBase + 0x2000);
    }
}
