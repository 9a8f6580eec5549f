// The runtime's exception round trips, without a kernel behind them: an SVC that the OS answers
// at once (the cost a system call pays before its handler runs), and a data abort on a fresh page
// that the OS repairs by writing one descriptor and retrying the access in place (the cost a
// minor page fault pays before the kernel's own work). OperationsPerInvoke = exceptions.
using BenchmarkDotNet.Attributes;
using Fast.Runtime;
using Fast.Translator.Interpreter;

namespace Fast.Perf.Micro;

public unsafe class ExceptionBenchmarks
{
    const int Svcs = 100_000;
    const int Faults = 20_000;
    const ulong FaultBase = 0x10_0000_0000;
    const ulong Backing = 0x200_0000;   // physical page the faulting pages all map to

    static readonly uint[] SvcLoop = [0xd4000001, 0xf1000400, 0x54ffffc1, 0xd43e01a0];          // svc #0; subs x0,#1; b.ne; brk
    static readonly uint[] StoreLoop = [0xf9000041, 0x91400442, 0xf1000400, 0x54ffffa1, 0xd43e01a0]; // str x1,[x2]; add x2,#1,lsl 12; subs; b.ne; brk

    sealed class RepairingOs(ExceptionBenchmarks owner) : IGuestOs
    {
        public Resume OnException(Vcpu cpu, in GuestException e) => e.Kind switch
        {
            ExceptionKind.Svc => Resume.Continue,
            ExceptionKind.DataAbort => owner.Repair(e.FaultAddress),
            _ => Resume.Halt,
        };

        public Resume OnInterrupt(Vcpu cpu, int pending) => Resume.Continue;
    }

    Machine machine = null!;
    Vcpu cpu = null!;
    BenchPageTables tables = null!;
    BareMachine bare = null!;

    Resume Repair(ulong va)
    {
        tables.Map(va & ~0xFFFUL, Backing);
        return Resume.Retry;
    }

    [GlobalSetup]
    public void Setup()
    {
        bare = new BareMachine(64UL << 20);
        machine = bare.Machine;
        machine.AttachOs(new RepairingOs(this));
        cpu = bare.Cpu;
        tables = new BenchPageTables(bare, 0x300_0000);
        tables.Map(BareMachine.CodeBase, BareMachine.CodeBase);
        tables.Map(BareMachine.CodeBase + 0x1000, BareMachine.CodeBase + 0x1000);
        bare.Load(BareMachine.CodeBase, SvcLoop);
        bare.Load(BareMachine.CodeBase + 0x1000, StoreLoop);
        for (ulong va = FaultBase; va < FaultBase + Faults * 0x1000UL; va += 0x1000) tables.LeafSlot(va);  // tables exist up front
        cpu.SetTranslationTable(tables.Root);
        cpu.State->Control = CpuControl.MmuEnabled;
        SvcRoundTrip();
    }

    [GlobalCleanup]
    public void Cleanup() => bare.Dispose();

    [Benchmark(OperationsPerInvoke = Svcs)]
    public ulong SvcRoundTrip()
    {
        cpu.State->X[0] = Svcs;
        return bare.RunFrom(BareMachine.CodeBase);
    }

    [IterationSetup(Target = nameof(PageFaultRoundTrip))]
    public void UnmapFaultPages()
    {
        for (ulong va = FaultBase; va < FaultBase + Faults * 0x1000UL; va += 0x1000) tables.Unmap(va);
        cpu.Tlb.FlushAll();
    }

    [Benchmark(OperationsPerInvoke = Faults)]
    public ulong PageFaultRoundTrip()
    {
        cpu.State->X[0] = Faults;
        cpu.State->X[2] = FaultBase;
        return bare.RunFrom(BareMachine.CodeBase + 0x1000);
    }
}
