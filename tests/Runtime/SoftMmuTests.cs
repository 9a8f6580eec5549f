using Fast.Runtime;
using Fast.Tests.Support;
using P = Fast.Tests.Support.PageTableBuilder;

namespace Fast.Tests.Runtime;

/// <summary>VMSAv8-64 stage-1 walks over descriptors written into guest RAM (ARM ARM D8).</summary>
public class SoftMmuTests
{
    readonly PhysicalMemory ram = new(16UL << 20);
    readonly P tables;

    public SoftMmuTests() => tables = new P(ram, 0x800000);

    [Fact]
    public void PageDescriptorTranslatesWithOffset()
    {
        tables.MapPage(0x4000_1000, 0x20_3000);
        var r = SoftMmu.Walk(ram, tables.Root, 0x4000_1abc, AccessKind.Read);
        Assert.True(r.Ok);
        Assert.Equal(0x20_3abcUL, r.PhysicalAddress);
        Assert.Equal(3, r.Level);
    }

    [Fact]
    public void TwoMegabyteBlockAtLevel2()
    {
        tables.MapBlock2M(0x8000_0000, 0x40_0000);
        var r = SoftMmu.Walk(ram, tables.Root, 0x8012_3456, AccessKind.Write);
        Assert.True(r.Ok);
        Assert.Equal(0x52_3456UL, r.PhysicalAddress);
        Assert.Equal(2, r.Level);
    }

    [Fact]
    public void MissingEntryIsTranslationFaultAtTheLevelItWasFound()
    {
        tables.MapPage(0x4000_0000, 0x20_0000);
        Assert.Equal((FaultKind.Translation, 3), Fault(0x4000_2000, AccessKind.Read));   // same L3 table, empty slot
        Assert.Equal((FaultKind.Translation, 1), Fault(0x1_0000_0000, AccessKind.Read)); // L1 slot empty
        Assert.Equal((FaultKind.Translation, 0), Fault(0x8000_0000_0000, AccessKind.Read));
        Assert.Equal((FaultKind.Translation, 0), Fault(0xFFFF_0000_0000_0000, AccessKind.Read)); // TTBR1 half
    }

    [Fact]
    public void AccessFlagClearFaultsBeforePermission()
    {
        tables.MapPage(0x5000, 0x9000, P.ApEl0ReadOnly); // AF = 0 and read-only
        Assert.Equal((FaultKind.AccessFlag, 3), Fault(0x5000, AccessKind.Write));
    }

    [Fact]
    public void PermissionChecksFollowApAndUxn()
    {
        tables.MapPage(0x1000, 0x9000, P.ApEl0ReadOnly | P.AccessFlag);
        tables.MapPage(0x2000, 0xA000, P.ApEl1Only | P.AccessFlag);
        tables.MapPage(0x3000, 0xB000, P.ApEl0ReadWrite | P.AccessFlag | P.Uxn);
        Assert.True(SoftMmu.Walk(ram, tables.Root, 0x1000, AccessKind.Read).Ok);
        Assert.Equal((FaultKind.Permission, 3), Fault(0x1000, AccessKind.Write));
        Assert.Equal((FaultKind.Permission, 3), Fault(0x2000, AccessKind.Read));
        Assert.Equal((FaultKind.Permission, 3), Fault(0x3000, AccessKind.Execute));
        Assert.True(SoftMmu.Walk(ram, tables.Root, 0x3000, AccessKind.Write).Ok);
    }

    [Fact]
    public void NotGlobalBitIsReported()
    {
        tables.MapPage(0x1000, 0x9000, P.ApEl0ReadWrite | P.AccessFlag | P.NotGlobal);
        tables.MapPage(0x2000, 0x9000);
        Assert.False(SoftMmu.Walk(ram, tables.Root, 0x1000, AccessKind.Read).Global);
        Assert.True(SoftMmu.Walk(ram, tables.Root, 0x2000, AccessKind.Read).Global);
    }

    [Fact]
    public void BlockDescriptorAtLevel0IsReserved()
    {
        ram.Write64(tables.Root, 0x0 | P.AccessFlag | P.Valid); // block type at level 0
        Assert.Equal((FaultKind.Translation, 0), Fault(0x1000, AccessKind.Read));
    }

    (FaultKind, int) Fault(ulong va, AccessKind kind)
    {
        var r = SoftMmu.Walk(ram, tables.Root, va, kind);
        return (r.Fault, r.Level);
    }
}
