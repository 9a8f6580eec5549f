using Fast.Os;
using Fast.Os.Paging;
using Fast.Runtime;

namespace Fast.Tests.Os;

/// <summary>VA regions and the decision a page fault starts with.</summary>
public sealed class AddressSpaceTests : IDisposable
{
    const ulong Page = 4096;
    readonly TestKernel k = new();
    readonly AddressSpace space;

    public AddressSpaceTests()
    {
        VSpace.Create(k.Caps, k.Mm, 1, out var vs).ThrowIfFailed();
        space = new AddressSpace(vs);
        space.AddRegion(VaLayout.ImageBase, 4 * Page, RegionKind.Image, MapFlags.ReadExecute, "text", out _).ThrowIfFailed();
        space.AddRegion(0x60_0000, 16 * Page, RegionKind.Heap, MapFlags.ReadWrite, "heap", out _).ThrowIfFailed();
        space.AddRegion(VaLayout.StackTop - VaLayout.StackSize, VaLayout.StackSize, RegionKind.Stack, MapFlags.ReadWrite, "stack", out _).ThrowIfFailed();
    }

    public void Dispose() => k.Dispose();

    [Fact]
    public void RegionsMayNotOverlap()
    {
        Assert.Equal(Err.RegionOverlap, space.AddRegion(0x60_f000, 2 * Page, RegionKind.Mmap, MapFlags.Read, "x", out _));
        Assert.Equal(Err.RegionOverlap, space.AddRegion(0x5F_0000, 0x20_0000, RegionKind.Mmap, MapFlags.Read, "x", out _));
        Assert.Equal(Err.VaNotAligned, space.AddRegion(0x70_0001, Page, RegionKind.Mmap, MapFlags.Read, "x", out _));
        Assert.Equal(Err.VaOutOfRange, space.AddRegion(1UL << 48, Page, RegionKind.Mmap, MapFlags.Read, "x", out _));
        Assert.Equal(Err.Ok, space.AddRegion(0x61_0000, Page, RegionKind.Mmap, MapFlags.Read, "adjacent", out _));
        Assert.Equal(4, space.Regions.Count);
    }

    [Fact]
    public void FaultsOutsideRegionsAndAgainstPermissionsAreTheProcesssError()
    {
        Assert.Equal(FaultVerdict.MapError, space.ClassifyFault(0x10, AccessKind.Read, out var r));
        Assert.Null(r);
        Assert.Equal(FaultVerdict.MapError, space.ClassifyFault(0x61_0000, AccessKind.Read, out _));   // just past the heap
        Assert.Equal(FaultVerdict.AccessError, space.ClassifyFault(VaLayout.ImageBase, AccessKind.Write, out r));
        Assert.Equal("text", r!.Name);
        Assert.Equal(FaultVerdict.AccessError, space.ClassifyFault(0x60_0000, AccessKind.Execute, out _));
    }

    [Fact]
    public void FaultsInsideRegionsAreTheKernelsWork()
    {
        Assert.Equal(FaultVerdict.Allocate, space.ClassifyFault(0x60_3008, AccessKind.Write, out var r));
        Assert.Equal(RegionKind.Heap, r!.Kind);
        Assert.Equal(FaultVerdict.Allocate, space.ClassifyFault(VaLayout.StackTop - 8, AccessKind.Write, out _));
        var frame = k.Frame();
        space.Tables.Map(0x60_3000, frame, MapFlags.ReadWrite).ThrowIfFailed();
        Assert.Equal(FaultVerdict.Spurious, space.ClassifyFault(0x60_3008, AccessKind.Write, out _));
        space.Tables.Protect(0x60_3000, Page, MapFlags.Read).ThrowIfFailed();
        Assert.Equal(FaultVerdict.CopyOnWrite, space.ClassifyFault(0x60_3008, AccessKind.Write, out _));
        Assert.Equal(FaultVerdict.Spurious, space.ClassifyFault(0x60_3008, AccessKind.Read, out _));
    }

    [Fact]
    public void RemoveRangeSplitsRegions()
    {
        Assert.Equal(Err.Ok, space.RemoveRange(0x60_4000, 2 * Page));
        Assert.NotNull(space.FindRegion(0x60_3000));
        Assert.Null(space.FindRegion(0x60_4000));
        Assert.Null(space.FindRegion(0x60_5000));
        Assert.Equal(0x60_6000UL, space.FindRegion(0x60_6000)!.Start);
        Assert.Equal(4, space.Regions.Count);
        Assert.Equal(Err.Ok, space.RemoveRange(0, 1UL << 47));
        Assert.Single(space.Regions);                                  // only the stack is that high
    }

    [Fact]
    public void FindFreeReturnsTheLowestGap()
    {
        Assert.Equal(Err.Ok, space.FindFree(2 * Page, VaLayout.ImageBase, VaLayout.MmapTop, out var at));
        Assert.Equal(VaLayout.ImageBase + 4 * Page, at);
        Assert.Equal(Err.Ok, space.FindFree(2 * Page, VaLayout.ImageBase, VaLayout.MmapTop, out at, alignment: 0x20_0000));
        Assert.Equal(0x80_0000UL, at);
        Assert.Equal(Err.NoVaSpace, space.FindFree(0x20_0000, VaLayout.ImageBase, 0x60_0000, out _));
    }
}
