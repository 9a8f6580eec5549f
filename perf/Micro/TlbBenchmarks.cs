// The TLB paths of a guest load: the inline hit path (one compare), a victim-TLB hit, and a miss
// that walks four levels of real page tables (12 pages on one index: more than the victim array holds). OperationsPerInvoke = accesses per invocation.
using BenchmarkDotNet.Attributes;
using Fast.Runtime;

namespace Fast.Perf.Micro;

public unsafe class TlbBenchmarks
{
    const int Accesses = 4096;
    BareMachine machine = null!;
    ulong missStride;

    [GlobalSetup]
    public void Setup()
    {
        machine = new BareMachine(64UL << 20);
        // Map 48 MiB at 0x4000_0000 to PA 16 MiB with 4 KiB pages, tables from 0x100000.
        var tables = new BenchPageTables(machine, 0x100000);
        for (ulong va = 0x4000_0000; va < 0x4300_0000; va += 0x1000) tables.Map(va, 0x100_0000 + (va - 0x4000_0000));
        ulong root = tables.Root;
        machine.Cpu.SetTranslationTable(root);
        machine.State->Control = CpuControl.MmuEnabled;
        missStride = (ulong)machine.Cpu.Tlb.EntryCount << 12; // every access maps to the same TLB index
    }

    [GlobalCleanup]
    public void Cleanup() => machine.Dispose();

    [Benchmark(OperationsPerInvoke = Accesses)]
    public ulong Hit()
    {
        CpuState* c = machine.State;
        ulong sum = 0;
        for (int i = 0; i < Accesses; i++) sum += GuestMemory.Read64(c, 0x4000_0000 + (ulong)(i & 15) * 0x1000 + (ulong)(i & 0x1F8));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Accesses)]
    public ulong VictimHit()
    {
        CpuState* c = machine.State;
        ulong sum = 0;
        for (int i = 0; i < Accesses; i++) sum += GuestMemory.Read64(c, 0x4000_0000 + (ulong)(i & 1) * missStride);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Accesses)]
    public ulong MissWithWalk()
    {
        CpuState* c = machine.State;
        ulong sum = 0;
        for (int i = 0; i < Accesses; i++) sum += GuestMemory.Read64(c, 0x4000_0000 + (ulong)(i % 12) * missStride);
        return sum;
    }
}
