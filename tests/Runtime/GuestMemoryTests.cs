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
    public void AnAccessAcrossTwoPagesTheTlbHoldsWalksNothing()
    {
        // The fast path never serves an access across two pages; the slow path must then find both
        // pages in the TLB, not walk the page tables for each (xz -6: 576 000 walks a run).
        tables.MapPage(0x7000_0000, 0x30_0000);
        tables.MapPage(0x7000_1000, 0x50_0000);
        h.WriteMemory(0x30_0FFC, [1, 2, 3, 4]);
        h.WriteMemory(0x50_0000, [5, 6, 7, 8]);
        GuestMemory.Read8(h.State, 0x7000_0000);
        GuestMemory.Read8(h.State, 0x7000_1000);
        long walks = h.Cpu.PageWalks, misses = h.Cpu.Tlb.Misses;
        for (int i = 0; i < 3; i++) Assert.Equal(0x0807060504030201UL, GuestMemory.Read64(h.State, 0x7000_0FFC));
        Assert.Equal(walks, h.Cpu.PageWalks);
        Assert.Equal(misses, h.Cpu.Tlb.Misses);
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
        Assert.Equal(TlbEntry.InvalidTag, h.Cpu.Tlb.EntryOf(0x1000)->ReadTag);
        Assert.Equal(0x2000UL, h.Cpu.Tlb.EntryOf(0x2000)->ReadTag);
    }

    [Fact]
    public void ConflictingPagesAreCaughtByTheVictimTlb()
    {
        ulong a = 0x1000, b = a + ((ulong)h.Cpu.Tlb.EntryCount << 12); // same index
        tables.MapPage(a, 0x30_0000);
        tables.MapPage(b, 0x31_0000);
        GuestMemory.Read8(h.State, a);
        GuestMemory.Read8(h.State, b);
        long walks = h.Cpu.PageWalks;
        GuestMemory.Read8(h.State, a);
        Assert.Equal(walks, h.Cpu.PageWalks);
        Assert.Equal(1, h.Cpu.Tlb.VictimHits);
    }

    // TLB growth: a TLB that misses more than Tlb.GrowAfterMisses times its size grows at the next
    // engine run, and the fast path (CpuState's mask) and the slow paths (Tlb.IndexOf) then agree
    // on the bigger array.

    [Fact]
    public void PagesThatConflictedStopConflictingOnceTheTlbGrew()
    {
        ulong a = 0x7000_0000;
        // One main slot, ten pages: more than the victim array holds, so each access misses.
        var pages = new ulong[Tlb.VictimCount + 2];
        for (int i = 0; i < pages.Length; i++)
        {
            pages[i] = a + (ulong)i * ((ulong)h.Cpu.Tlb.EntryCount << 12);
            tables.MapPage(pages[i], 0x30_0000 + (ulong)i * 0x1000);
            h.Write64(0x30_0000 + (ulong)i * 0x1000, 100 + (ulong)i);
        }
        int before = h.Cpu.Tlb.EntryCount;
        Assert.Equal(1 << Tlb.MinEntryBits, before);
        GuestMemory.Read64(h.State, pages[0]);
        long missesBefore = h.Cpu.Tlb.Misses;
        GuestMemory.Read64(h.State, pages[1]);
        GuestMemory.Read64(h.State, pages[0]);
        Assert.Equal(missesBefore + 2, h.Cpu.Tlb.Misses);   // one slot for both
        for (int round = 0; !h.Cpu.Tlb.WantsToGrow; round++)
            foreach (ulong p in pages) GuestMemory.Read64(h.State, p);
        Assert.Equal(before, h.Cpu.Tlb.EntryCount);   // not yet: the owner grows it between engine runs

        tables.MapPage(GuestHarness.CodeBase, GuestHarness.CodeBase);
        h.Run(0xD503201F);   // NOP: one trip through the run loop
        Assert.Equal(2 * before, h.Cpu.Tlb.EntryCount);
        Assert.Equal(h.Cpu.Tlb.OffsetMask, h.State->TlbOffsetMask);
        Assert.Equal((ulong)(2 * before - 1) << Tlb.EntryShift, h.State->TlbOffsetMask);

        // Pages 0 and 1 (the old size apart) now have slots of their own; pages 0 and 2 still share one.
        for (int i = 0; i < pages.Length; i++) Assert.Equal(100 + (ulong)i, GuestMemory.Read64(h.State, pages[i]));
        GuestMemory.Read64(h.State, pages[0]);
        GuestMemory.Read64(h.State, pages[1]);
        long misses = h.Cpu.Tlb.Misses;
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(100UL, GuestMemory.Read64(h.State, pages[0]));
            Assert.Equal(101UL, GuestMemory.Read64(h.State, pages[1]));
        }
        Assert.Equal(misses, h.Cpu.Tlb.Misses);
        Assert.NotEqual(h.Cpu.Tlb.IndexOf(pages[0]), h.Cpu.Tlb.IndexOf(pages[1]));
        Assert.Equal(h.Cpu.Tlb.IndexOf(pages[0]), h.Cpu.Tlb.IndexOf(pages[2]));
    }

    [Fact]
    public void ATlbStopsGrowingAtItsLimit()
    {
        using var tlb = new Tlb();
        for (int bits = Tlb.MinEntryBits; bits < Tlb.MaxEntryBits; bits++)
        {
            tlb.MissesAtThisSize = ((long)Tlb.GrowAfterMisses << bits) + 1;
            Assert.True(tlb.WantsToGrow);
            tlb.Grow();
            Assert.Equal(1 << (bits + 1), tlb.EntryCount);
            Assert.Equal(0, tlb.MissesAtThisSize);
        }
        tlb.MissesAtThisSize = long.MaxValue;
        Assert.False(tlb.WantsToGrow);
        tlb.Grow();
        Assert.Equal(1 << Tlb.MaxEntryBits, tlb.EntryCount);
    }
}
