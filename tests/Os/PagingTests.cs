using Fast.Os;
using Fast.Os.Capabilities;
using Fast.Os.Paging;
using Fast.Runtime;

namespace Fast.Tests.Os;

/// <summary>Page tables built from VNode capabilities, checked through the machine's own walker.</summary>
public sealed class PagingTests : IDisposable
{
    const ulong Page = 4096;
    readonly TestKernel k = new();
    readonly VSpace vs;
    readonly List<TlbInvalidation> flushes = new();

    public PagingTests()
    {
        VSpace.Create(k.Caps, k.Mm, asid: 7, out vs).ThrowIfFailed();
        k.Caps.TlbInvalidate += flushes.Add;
    }

    public void Dispose() => k.Dispose();

    WalkResult Walk(ulong va, AccessKind access) => SoftMmu.Walk(k.Ram, vs.Ttbr0, va, access);

    [Fact]
    public void MappedPageTranslatesWithItsPermissions()
    {
        var frame = k.Frame();
        Assert.Equal(Err.Ok, vs.Map(0x40_1000, frame, MapFlags.ReadWrite));
        var r = Walk(0x40_1abc, AccessKind.Read);
        Assert.True(r.Ok);
        Assert.Equal(frame.Base + 0xabc, r.PhysicalAddress);
        Assert.Equal(3, r.Level);
        Assert.True(r.Readable && r.Writable);
        Assert.False(r.Executable);
        Assert.False(r.Global);                                        // nG: tagged with the ASID
        Assert.True(Walk(0x40_1000, AccessKind.Write).Ok);
        Assert.Equal(FaultKind.Permission, Walk(0x40_1000, AccessKind.Execute).Fault);
        Assert.Equal((ulong)7 << 48, vs.Ttbr0 & 0xFFFF_0000_0000_0000);
        Assert.Equal(4, vs.TableCount);                                // L0 + L1 + L2 + L3
        Assert.True(vs.TryTranslate(0x40_1abc, out var pa, out var flags));
        Assert.Equal(frame.Base + 0xabc, pa);
        Assert.Equal(MapFlags.ReadWrite, flags);
    }

    [Fact]
    public void ReadExecuteAndReadOnlyMappings()
    {
        var code = k.Frame();
        var data = k.Frame();
        vs.Map(0x40_0000, code, MapFlags.ReadExecute).ThrowIfFailed();
        vs.Map(0x7FFF_0000_0000, data, MapFlags.Read | MapFlags.Global).ThrowIfFailed();
        Assert.True(Walk(0x40_0010, AccessKind.Execute).Ok);
        Assert.Equal(FaultKind.Permission, Walk(0x40_0010, AccessKind.Write).Fault);
        var r = Walk(0x7FFF_0000_0008, AccessKind.Read);
        Assert.True(r.Ok && r.Global && !r.Writable);
        Assert.Equal(data.Base + 8, r.PhysicalAddress);
        Assert.Equal(FaultKind.Permission, Walk(0x7FFF_0000_0008, AccessKind.Write).Fault);
    }

    [Fact]
    public void DescriptorBitsAreTheArchitecturesOnes()
    {
        var frame = k.Frame();
        vs.Map(0x1000_0000, frame, MapFlags.ReadWrite).ThrowIfFailed();
        var l3 = vs.Root.AsVNode[0]!.Source.AsVNode[0]!.Source.AsVNode[128]!.Source.AsVNode;
        ulong d = k.Ram.Read64(l3.TablePa + 0 * 8);
        Assert.Equal(frame.Base | 3 | 1UL << 10 | 1UL << 6 | 3UL << 8 | 1UL << 11 | 1UL << 53 | 1UL << 54, d);
        ulong table = k.Ram.Read64(vs.RootPa);
        Assert.Equal(3UL, table & 3);
    }

    [Fact]
    public void AMultiPageFrameSpansTwoLevel3Tables()
    {
        var frame = k.Frame(4 * Page);
        ulong va = 0x20_0000 - 2 * Page;                               // crosses a 2 MiB boundary
        vs.Map(va, frame, MapFlags.ReadWrite).ThrowIfFailed();
        for (ulong i = 0; i < 4; i++)
            Assert.Equal(frame.Base + i * Page + 5, Walk(va + i * Page + 5, AccessKind.Read).PhysicalAddress);
        Assert.Equal(2, frame.Mappings.Count);
        Assert.Equal(5, vs.TableCount);
    }

    [Fact]
    public void UnmapMakesItFaultAndSplitsPartialMappings()
    {
        var frame = k.Frame(4 * Page);
        vs.Map(0x50_0000, frame, MapFlags.ReadWrite).ThrowIfFailed();
        flushes.Clear();
        Assert.Equal(Err.Ok, vs.Unmap(0x50_1000, Page, out int n));
        Assert.Equal(1, n);
        Assert.Equal((FaultKind.Translation, 3), (Walk(0x50_1000, AccessKind.Read).Fault, Walk(0x50_1000, AccessKind.Read).Level));
        Assert.Equal(frame.Base, Walk(0x50_0000, AccessKind.Read).PhysicalAddress);
        Assert.Equal(frame.Base + 3 * Page, Walk(0x50_3000, AccessKind.Read).PhysicalAddress);
        Assert.Equal(2, frame.Mappings.Count);
        Assert.Equal([new TlbInvalidation(vs.RootPa, 0x50_1000, Page)], flushes);

        Assert.Equal(Err.Ok, vs.Unmap(0x4F_0000, 0x20_0000, out n));   // holes and the rest
        Assert.Equal(3, n);
        Assert.Empty(frame.Mappings);
        Assert.Equal(FaultKind.Translation, Walk(0x50_3000, AccessKind.Read).Fault);
        Assert.Equal(Err.Ok, vs.Map(0x50_0000, frame, MapFlags.Read));   // the range is free again
    }

    [Fact]
    public void MapErrors()
    {
        var frame = k.Frame(2 * Page);
        Assert.Equal(Err.VaNotAligned, vs.Map(0x1001, frame, MapFlags.Read));
        Assert.Equal(Err.VaOutOfRange, vs.Map(1UL << 48, frame, MapFlags.Read));
        Assert.Equal(Err.VaOutOfRange, vs.Map((1UL << 48) - Page, frame, MapFlags.Read));
        Assert.Equal(Err.MappingOutOfBounds, vs.Map(0x1000, frame, MapFlags.Read, Page, 2 * Page));
        Assert.Equal(Err.NotMappable, vs.Map(0x1000, k.Alloc(Page), MapFlags.Read));
        Assert.Equal(Err.MappingNotReadable, vs.Map(0x1000, frame, MapFlags.Write));
        vs.Map(0x2000, frame, MapFlags.Read).ThrowIfFailed();
        Assert.Equal(Err.AlreadyMapped, vs.Map(0x1000, frame, MapFlags.Read));   // second page collides
        Assert.True(Walk(0x1000, AccessKind.Read).Fault == FaultKind.Translation); // nothing half-mapped
        k.Caps.Mint(frame, SlotRef.KernelHeld, CapRights.Read, 0, out var ro).ThrowIfFailed();
        Assert.Equal(Err.InsufficientRights, vs.Map(0x10_0000, ro, MapFlags.ReadWrite));
        Assert.Equal(Err.Ok, vs.Map(0x10_0000, ro, MapFlags.Read));
    }

    [Fact]
    public void KernelLevelMapChecksLevelsAndSingleParent()
    {
        k.Caps.Retype(k.Alloc(3 * Page), 0, CapType.VNodeL3, Page, 3, SlotRef.KernelHeld, out var l3s).ThrowIfFailed();
        k.Caps.Retype(k.Alloc(Page), 0, CapType.VNodeL2, Page, 1, SlotRef.KernelHeld, out var l2).ThrowIfFailed();
        var frame = k.Frame();
        Assert.Equal(Err.VNodeLevelMismatch, PageTables.Map(k.Caps, l2[0], frame, 0, MapFlags.Read, 0, 1, out _));
        Assert.Equal(Err.VNodeLevelMismatch, PageTables.Map(k.Caps, vs.Root, l3s[0], 0, MapFlags.None, 0, 1, out _));
        Assert.Equal(Err.WrongCapType, PageTables.Map(k.Caps, frame, l3s[0], 0, MapFlags.None, 0, 1, out _));
        Assert.Equal(Err.MappingOutOfBounds, PageTables.Map(k.Caps, l3s[0], frame, 511, MapFlags.Read, 0, 2, out _));
        Assert.Equal(Err.Ok, PageTables.Map(k.Caps, l2[0], l3s[0], 4, MapFlags.None, 0, 1, out _));
        Assert.Equal(Err.AlreadyMapped, PageTables.Map(k.Caps, l2[0], l3s[0], 5, MapFlags.None, 0, 1, out _));
        Assert.Equal(Err.AlreadyMapped, PageTables.Map(k.Caps, l2[0], l3s[1], 4, MapFlags.None, 0, 1, out _));
    }

    [Fact]
    public void DevFramesAreMappedAsDeviceMemory()
    {
        k.Caps.CreateOriginal(CapType.DevFrame, 0x9000_0000, Page, SlotRef.KernelHeld, out var dev).ThrowIfFailed();
        vs.Map(0x3000_0000, dev, MapFlags.ReadWrite).ThrowIfFailed();
        var r = Walk(0x3000_0010, AccessKind.Write);
        Assert.True(r.Ok);
        Assert.Equal(0x9000_0010UL, r.PhysicalAddress);
        Assert.True(vs.TryTranslate(0x3000_0000, out _, out var flags));
        Assert.True(flags.HasFlag(MapFlags.Device));
    }

    [Fact]
    public void ProtectRewritesPermissions()
    {
        var frame = k.Frame(2 * Page);
        vs.Map(0x60_0000, frame, MapFlags.ReadWrite).ThrowIfFailed();
        Assert.Equal(Err.Ok, vs.Protect(0x60_1000, Page, MapFlags.Read));
        Assert.True(Walk(0x60_0000, AccessKind.Write).Ok);
        Assert.Equal(FaultKind.Permission, Walk(0x60_1000, AccessKind.Write).Fault);
        Assert.True(Walk(0x60_1000, AccessKind.Read).Ok);
        Assert.Equal(2, frame.Mappings.Count);
    }

    [Fact]
    public void RevokingTheRamRemovesFramesMappingsAndFreesTheMemory()
    {
        var ram = k.Alloc(4 * Page);
        k.Caps.Retype(ram, 0, CapType.Frame, Page, 4, SlotRef.KernelHeld, out var frames).ThrowIfFailed();
        k.Caps.Copy(frames[2], SlotRef.KernelHeld, out var copy).ThrowIfFailed();
        vs.Map(0x40_0000, copy, MapFlags.ReadWrite).ThrowIfFailed();
        Assert.True(Walk(0x40_0000, AccessKind.Write).Ok);
        var l3 = vs.Root.AsVNode[0]!.Source.AsVNode[0]!.Source.AsVNode[2]!.Source.AsVNode;
        flushes.Clear();

        Assert.Equal(Err.Ok, k.Caps.Revoke(ram));

        Assert.All(frames.Append(copy), f => Assert.True(f.Deleted));
        Assert.Null(l3[0]);                                              // the shadow entry
        Assert.Equal(0UL, k.Ram.Read64(l3.TablePa));                     // the real descriptor
        Assert.Equal((FaultKind.Translation, 3), (Walk(0x40_0000, AccessKind.Read).Fault, Walk(0x40_0000, AccessKind.Read).Level));
        Assert.Equal([new TlbInvalidation(vs.RootPa, 0x40_0000, Page)], flushes);
        Assert.Empty(ram.Object.Children);
        Assert.Equal(Err.Ok, k.Caps.Retype(ram, 0, CapType.Frame, 4 * Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(4, vs.TableCount);                                  // the tables themselves survive
    }

    [Fact]
    public void DeletingALevel3TableUnmapsItFromItsParent()
    {
        var frame = k.Frame();
        vs.Map(0x40_0000, frame, MapFlags.Read).ThrowIfFailed();
        var l2 = vs.Root.AsVNode[0]!.Source.AsVNode[0]!.Source.AsVNode;
        var l3cap = l2[2]!.Source;
        flushes.Clear();
        Assert.Equal(Err.Ok, k.Caps.Delete(l3cap));
        Assert.Null(l2[2]);
        Assert.Equal(0UL, k.Ram.Read64(l2.TablePa + 2 * 8));
        Assert.Empty(frame.Mappings);
        Assert.Equal((FaultKind.Translation, 2), (Walk(0x40_0000, AccessKind.Read).Fault, Walk(0x40_0000, AccessKind.Read).Level));
        Assert.Contains(new TlbInvalidation(vs.RootPa, 0x40_0000, 0x20_0000), flushes);
    }

    [Fact]
    public void DestroyReturnsEveryTableToTheMemoryManager()
    {
        Assert.Equal(1, k.Mm.Stats.Allocations);                        // the root table
        var frame = k.Frame(2 * Page);
        vs.Map(0x1000, frame, MapFlags.Read).ThrowIfFailed();
        vs.Map(0x7000_0000_0000, frame, MapFlags.Read, Page, Page).ThrowIfFailed();
        Assert.Equal(7, vs.TableCount);
        vs.Destroy();
        Assert.Empty(frame.Mappings);
        Assert.False(frame.Deleted);
        Assert.Equal(1, k.Mm.Stats.Allocations);                        // only the frame's RAM is left
    }
}

/// <summary>The kernel lock keeps the database consistent when several cores' threads use it.</summary>
public sealed class KernelLockTests : IDisposable
{
    readonly TestKernel k = new(ramSize: 64 * TestKernel.MiB);

    public void Dispose() => k.Dispose();

    [Fact]
    public void ConcurrentAllocMapUnmapFreeLeavesNothingBehind()
    {
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            try { Work(t); } catch (Exception e) { errors.Add(e); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
        Assert.Equal(0, k.Mm.Stats.Allocations);
        Assert.Single(k.Mm.FreeBlocks);
        Assert.Empty(k.RamCap.Object.Children);
    }

    void Work(int t)
    {
        VSpace.Create(k.Caps, k.Mm, (ushort)(t + 1), out var vs).ThrowIfFailed();
        var rng = new Random(t);
        for (int i = 0; i < 300; i++)
        {
            ulong pages = (ulong)rng.Next(1, 8);
            var frame = k.Frame(pages * 4096);
            ulong va = (ulong)rng.Next(1, 1 << 20) << 12;
            if (vs.Map(va, frame, MapFlags.ReadWrite) == Err.Ok)
            {
                Assert.True(SoftMmu.Walk(k.Ram, vs.Ttbr0, va, AccessKind.Write).Ok);
                if (rng.Next(2) == 0) vs.Unmap(va, pages * 4096, out _).ThrowIfFailed();
            }
            k.Mm.Free(frame.Object.Parent!.Copies[0]).ThrowIfFailed();   // frees, unmapping if still mapped
            Assert.Equal(FaultKind.Translation, SoftMmu.Walk(k.Ram, vs.Ttbr0, va, AccessKind.Read).Fault);
        }
        vs.Destroy();
    }
}
