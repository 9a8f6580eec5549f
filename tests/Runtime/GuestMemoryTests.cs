using Fast.Runtime;
using Fast.Tests.Support;
using P = Fast.Tests.Support.PageTableBuilder;

namespace Fast.Tests.Runtime;

/// <summary>The TLB fast path and the slow path behind it, through a vCPU with the MMU on.</summary>
public unsafe class GuestMemoryTests : IDisposable
{
    readonly GuestHarness h = new();
    readonly P tables;

    public GuestMemoryTests()
    {
        tables = new P(h.Machine.Ram, 0x800000);
        h.Cpu.SetTranslationTable(tables.Root);
        h.State->Control = CpuControl.MmuEnabled;
    }

    public void Dispose() => h.Dispose();

    [Fact]
    public void ReadAfterMissIsServedByTheTlb()
    {
        tables.MapPage(0x7000_0000, 0x30_0000);
        h.Write64(0x30_0010, 0x1122334455667788);
        Assert.Equal(0x1122334455667788UL, GuestMemory.Read64(h.State, 0x7000_0010));
        long walks = h.Cpu.PageWalks;
        Assert.Equal(0x55667788u, GuestMemory.Read32(h.State, 0x7000_0010));
        Assert.Equal(walks, h.Cpu.PageWalks);
    }

    [Fact]
    public void StraddlingLoadAssemblesBothPages()
    {
        tables.MapPage(0x7000_0000, 0x30_0000);
        tables.MapPage(0x7000_1000, 0x50_0000); // physically discontiguous
        h.WriteMemory(0x30_0FFC, [1, 2, 3, 4]);
        h.WriteMemory(0x50_0000, [5, 6, 7, 8]);
        Assert.Equal(0x0807060504030201UL, GuestMemory.Read64(h.State, 0x7000_0FFC));
    }

    [Fact]
    public void StraddlingStoreFaultsOnTheSecondPageAndWritesNothing()
    {
        tables.MapPage(0x7000_0000, 0x30_0000);
        h.WriteMemory(0x30_0FFC, [0xAA, 0xAA, 0xAA, 0xAA]);
        Assert.Throws<GuestRedirectException>(() => GuestMemory.Write64(h.State, 0x7000_0FFC, 0));
        var fault = h.Os.Last!.Value;
        Assert.Equal(ExceptionKind.DataAbort, fault.Kind);
        Assert.Equal(0x7000_1000UL, fault.FaultAddress);
        Assert.Equal(AccessKind.Write, fault.Access);
        Assert.Equal(FaultKind.Translation, fault.Fault);
        Assert.Equal(0x24u, fault.ExceptionClass);
        Assert.Equal(new byte[] { 0xAA, 0xAA, 0xAA, 0xAA }, h.ReadMemory(0x30_0FFC, 4));
    }

    [Fact]
    public void OsRepairingTheMappingRetriesTheAccessInPlace()
    {
        h.Write64(0x60_0008, 42);
        h.Os.Handler = (cpu, e) =>
        {
            tables.MapPage(e.FaultAddress & ~0xFFFUL, 0x60_0000);
            return Resume.Retry;
        };
        Assert.Equal(42UL, GuestMemory.Read64(h.State, 0x9000_0008));
        Assert.Single(h.Os.Exceptions);
    }

    [Fact]
    public void ReadOnlyPageRejectsWritesButServesReads()
    {
        tables.MapPage(0x7000_0000, 0x30_0000, P.ApEl0ReadOnly | P.AccessFlag);
        h.Write64(0x30_0000, 7);
        Assert.Equal(7UL, GuestMemory.Read64(h.State, 0x7000_0000));
        Assert.Throws<GuestRedirectException>(() => GuestMemory.Write8(h.State, 0x7000_0000, 1));
        Assert.Equal(FaultKind.Permission, h.Os.Last!.Value.Fault);
        Assert.Equal(7UL, h.Read64(0x30_0000));
    }

    [Fact]
    public void FlushByAsidKeepsGlobalEntries()
    {
        tables.MapPage(0x1000, 0x30_0000, P.ApEl0ReadWrite | P.AccessFlag | P.NotGlobal);
        tables.MapPage(0x2000, 0x31_0000);
        GuestMemory.Read8(h.State, 0x1000);
        GuestMemory.Read8(h.State, 0x2000);
        h.Cpu.Tlb.FlushAsid(0);
        Assert.Equal(TlbEntry.InvalidTag, h.Cpu.Tlb.Entries[Tlb.IndexOf(0x1000)].ReadTag);
        Assert.Equal(0x2000UL, h.Cpu.Tlb.Entries[Tlb.IndexOf(0x2000)].ReadTag);
    }

    [Fact]
    public void ConflictingPagesAreCaughtByTheVictimTlb()
    {
        ulong a = 0x1000, b = a + ((ulong)Tlb.EntryCount << 12); // same index
        tables.MapPage(a, 0x30_0000);
        tables.MapPage(b, 0x31_0000);
        GuestMemory.Read8(h.State, a);
        GuestMemory.Read8(h.State, b);
        long walks = h.Cpu.PageWalks;
        GuestMemory.Read8(h.State, a);
        Assert.Equal(walks, h.Cpu.PageWalks);
        Assert.Equal(1, h.Cpu.Tlb.VictimHits);
    }
}
