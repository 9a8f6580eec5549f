using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>Tier 0: block cache, entry counters, invalidation on writes to code pages.</summary>
public unsafe class InterpreterTests
{
    const uint Brk1 = 0xD4200020;  // BRK #0x1
    const uint Svc5 = 0xD40000A1;  // SVC #0x5

    [Fact]
    public void GuestWriteToCodePageDropsTheDecodedBlock()
    {
        using var h = new GuestHarness();
        int seen = 0;
        h.Os.Handler = (cpu, e) =>
        {
            if (seen++ > 0) return Resume.Halt;
            // A guest store (through the vCPU's TLB) rewrites the BRK into an SVC, then re-executes it.
            GuestMemory.Write32(cpu.State, GuestHarness.CodeBase, Svc5);
            cpu.State->PC = GuestHarness.CodeBase;
            return Resume.Continue;
        };
        h.RunRaw(Brk1);
        Assert.Equal(2, h.Os.Exceptions.Count);
        Assert.Equal(ExceptionKind.Brk, h.Os.Exceptions[0].Kind);
        Assert.Equal(ExceptionKind.Svc, h.Os.Exceptions[1].Kind);
        Assert.Equal(5u, h.Os.Exceptions[1].Syndrome & 0xFFFF);
        Assert.Equal(1, h.Engine.Cache.BlocksInvalidated);
    }

    [Fact]
    public void BlocksAreDecodedOnceAndCountEntries()
    {
        using var h = new GuestHarness();
        int entries = 0;
        h.Os.Handler = (cpu, e) =>
        {
            if (++entries == 10) return Resume.Halt;
            cpu.State->PC = GuestHarness.CodeBase;
            return Resume.Continue;
        };
        h.RunRaw(Brk1);
        Assert.Equal(1, h.Engine.Cache.BlocksDecoded);
        var block = Assert.Single(h.Engine.Cache.Snapshot());
        Assert.Equal(10, block.EntryCount);
    }

    [Fact]
    public void MisalignedPcRaisesPcAlignmentFault()
    {
        using var h = new GuestHarness();
        h.Load(GuestHarness.CodeBase, Brk1);
        h.PC = GuestHarness.CodeBase + 2;
        h.Cpu.Run(100);
        var e = h.Os.Last!.Value;
        Assert.Equal(ExceptionKind.PcAlignment, e.Kind);
        Assert.Equal(0x22u, e.ExceptionClass);
        Assert.Equal(GuestHarness.CodeBase + 2, e.FaultAddress);
    }

    [Fact]
    public void FetchFromUnmappedMemoryIsAnInstructionAbort()
    {
        using var h = new GuestHarness();
        var tables = new PageTableBuilder(h.Machine.Ram, 0x800000);
        h.Cpu.SetTranslationTable(tables.Root);
        h.State->Control = CpuControl.MmuEnabled;
        h.PC = 0x40_0000;
        h.Cpu.Run(100);
        var e = h.Os.Last!.Value;
        Assert.Equal(ExceptionKind.InstructionAbort, e.Kind);
        Assert.Equal(0x20u, e.ExceptionClass);
        Assert.Equal(0x40_0000UL, e.FaultAddress);
        Assert.Equal(FaultKind.Translation, e.Fault);
    }

    [Fact]
    public void ExecuteNeverPageIsAPermissionFault()
    {
        using var h = new GuestHarness();
        var tables = new PageTableBuilder(h.Machine.Ram, 0x800000);
        tables.MapPage(0x40_0000, GuestHarness.CodeBase, PageTableBuilder.ApEl0ReadWrite | PageTableBuilder.AccessFlag | PageTableBuilder.Uxn);
        h.Load(GuestHarness.CodeBase, Brk1);
        h.Cpu.SetTranslationTable(tables.Root);
        h.State->Control = CpuControl.MmuEnabled;
        h.PC = 0x40_0000;
        h.Cpu.Run(100);
        Assert.Equal(FaultKind.Permission, h.Os.Last!.Value.Fault);
        Assert.Equal(ExceptionKind.InstructionAbort, h.Os.Last!.Value.Kind);
    }
}
