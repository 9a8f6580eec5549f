using Fast.Os;
using Fast.Os.Capabilities;

namespace Fast.Tests.Os;

/// <summary>Retype, copy, mint, delete and revoke over the derivation database.</summary>
public sealed class CapabilityTests : IDisposable
{
    const ulong Page = 4096;
    readonly TestKernel k = new();
    CapSystem Caps => k.Caps;

    public void Dispose() => k.Dispose();

    Capability[] Retype(Capability src, ulong offset, CapType type, ulong size, int count = 1)
    {
        Caps.Retype(src, offset, type, size, count, SlotRef.KernelHeld, out var caps).ThrowIfFailed();
        return caps;
    }

    [Fact]
    public void RetypeCarvesChildrenAndZeroesFrames()
    {
        var ram = k.Alloc(4 * Page);
        k.Ram.Span(ram.Base, 16).Fill(0xAB);
        var frames = Retype(ram, 0, CapType.Frame, Page, 4);
        Assert.Equal(4, frames.Length);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(ram.Base + (ulong)i * Page, frames[i].Base);
            Assert.Same(ram.Object, frames[i].Object.Parent);
            Assert.Equal(CapRights.All, frames[i].Rights);
        }
        Assert.True(k.Ram.Span(ram.Base, 16).ToArray().All(b => b == 0));
        Assert.Equal(4, ram.Object.Children.Count);
    }

    [Fact]
    public void RetypeRefusesOverlapWithADescendantButAllowsTheRestOfTheRange()
    {
        var ram = k.Alloc(4 * Page);
        Retype(ram, Page, CapType.Frame, Page);
        Assert.Equal(Err.RetypeOverlap, Caps.Retype(ram, 0, CapType.Frame, 2 * Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.RetypeOverlap, Caps.Retype(ram, 0, CapType.Ram, 4 * Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.Ok, Caps.Retype(ram, 2 * Page, CapType.VNodeL3, Page, 2, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.Ok, Caps.Retype(ram, 0, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _));
    }

    [Fact]
    public void RetypeErrors()
    {
        var ram = k.Alloc(2 * Page);
        var frame = Retype(ram, 0, CapType.Frame, Page)[0];
        Assert.Equal(Err.IllegalRetype, Caps.Retype(frame, 0, CapType.VNodeL3, Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.RetypeOutOfBounds, Caps.Retype(ram, Page, CapType.Frame, Page, 2, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.RetypeOutOfBounds, Caps.Retype(ram, 0, CapType.Frame, 1UL << 62, 8, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.InvalidOffset, Caps.Retype(ram, 100, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.InvalidObjectSize, Caps.Retype(ram, Page, CapType.VNodeL0, 2 * Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.InvalidCount, Caps.Retype(ram, Page, CapType.Frame, Page, 0, SlotRef.KernelHeld, out _));
        Caps.Delete(frame).ThrowIfFailed();
        Assert.Equal(Err.CapDeleted, Caps.Retype(frame, 0, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.CapDeleted, Caps.Delete(frame));
    }

    [Fact]
    public void OriginalsAreCheckedAgainstTheTableAndEachOther()
    {
        Assert.Equal(Err.NotOriginalType, Caps.CreateOriginal(CapType.Frame, 0, Page, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.RetypeOverlap, Caps.CreateOriginal(CapType.Ram, 2 * TestKernel.MiB, Page, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.InvalidRange, Caps.CreateOriginal(CapType.Ram, k.Ram.Size, Page, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.InvalidRange, Caps.CreateOriginal(CapType.DevFrame, 0, Page, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.Ok, Caps.CreateOriginal(CapType.DevFrame, 0x1_0000_0000, 4 * Page, SlotRef.KernelHeld, out var dev));
        Assert.Equal(Err.Ok, Caps.Retype(dev, Page, CapType.DevFrame, Page, 1, SlotRef.KernelHeld, out _));
        Assert.Equal(Err.Ok, Caps.CreateOriginal(CapType.Irq, 33, 1, SlotRef.KernelHeld, out var irq));
        Assert.Equal(33UL, irq.Base);
        Assert.Contains(Caps.Roots, r => r.Type == CapType.Irq);
    }

    [Fact]
    public void MintReducesRightsAndBadgesOnlyEndpoints()
    {
        var ram = k.Alloc(Page);
        var frame = Retype(ram, 0, CapType.Frame, Page)[0];
        Assert.Equal(Err.Ok, Caps.Mint(frame, SlotRef.KernelHeld, CapRights.Read, 0, out var ro));
        Assert.Equal(CapRights.Read, ro.Rights);
        Assert.Same(frame.Object, ro.Object);
        Assert.Equal(Err.Ok, Caps.Mint(ro, SlotRef.KernelHeld, CapRights.All, 0, out var stillRo));
        Assert.Equal(CapRights.Read, stillRo.Rights);          // rights never grow back
        Assert.Equal(Err.BadgeNotAllowed, Caps.Mint(frame, SlotRef.KernelHeld, CapRights.All, 7, out _));

        var disp = Retype(k.Alloc(Page), 0, CapType.Dispatcher, CapTypes.DispatcherSize, 4);
        var ep = Retype(disp[0], 0, CapType.Endpoint, 0)[0];
        Assert.Same(disp[0].Object, ep.Object.Parent);
        Assert.Equal(Err.Ok, Caps.Mint(ep, SlotRef.KernelHeld, CapRights.All, 0x42, out var badged));
        Assert.Equal(0x42UL, badged.Badge);
        Assert.Equal(Err.AlreadyBadged, Caps.Mint(badged, SlotRef.KernelHeld, CapRights.All, 0x43, out _));
        Assert.Equal(Err.Ok, Caps.Copy(badged, SlotRef.KernelHeld, out var copy));
        Assert.Equal(0x42UL, copy.Badge);
        Assert.Equal(3, ep.Object.Copies.Count);
        // endpoints hold no memory: any number may come from one dispatcher
        Assert.Equal(Err.Ok, Caps.Retype(disp[0], 0, CapType.Endpoint, 0, 3, SlotRef.KernelHeld, out _));
    }

    [Fact]
    public void DeletingACopyKeepsTheObjectAndTheLastCopyFreesTheRange()
    {
        var ram = k.Alloc(2 * Page);
        var frame = Retype(ram, 0, CapType.Frame, 2 * Page)[0];
        Caps.Copy(frame, SlotRef.KernelHeld, out var copy).ThrowIfFailed();
        Caps.Delete(frame).ThrowIfFailed();
        Assert.Single(ram.Object.Children);
        Assert.Equal(Err.RetypeOverlap, Caps.Retype(ram, 0, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _));
        Caps.Delete(copy).ThrowIfFailed();
        Assert.Empty(ram.Object.Children);
        Assert.Equal(Err.Ok, Caps.Retype(ram, 0, CapType.VNodeL3, Page, 2, SlotRef.KernelHeld, out _));
    }

    [Fact]
    public void AnObjectWithoutCopiesStaysAsAGhostWhileDescendantsLive()
    {
        var ram = k.Alloc(4 * Page);
        var sub = Retype(ram, 0, CapType.Ram, 2 * Page)[0];
        var frame = Retype(sub, Page, CapType.Frame, Page)[0];
        Caps.Delete(sub).ThrowIfFailed();
        Assert.True(sub.Object.IsGhost);
        Assert.Same(sub.Object, frame.Object.Parent);
        Assert.Equal(Err.RetypeOverlap, Caps.Retype(ram, 0, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _));
        Assert.Contains(frame.Object, Caps.Descendants(ram));
        Caps.Delete(frame).ThrowIfFailed();
        Assert.Empty(ram.Object.Children);                        // the ghost went with its last child
        Assert.Equal(Err.Ok, Caps.Retype(ram, 0, CapType.Frame, 4 * Page, 1, SlotRef.KernelHeld, out _));
    }

    [Fact]
    public void RevokeDeletesExactlyAllCopiesAndDescendants()
    {
        var ram = k.Alloc(8 * Page);
        var other = k.Alloc(Page);                                // unrelated: must survive
        var cnodeRam = k.Alloc(4 * Page);
        var cnode = Retype(cnodeRam, 0, CapType.CNode, 4 * Page)[0].AsCNode;

        Caps.Copy(ram, cnode.Slot(0), out var ramCopy).ThrowIfFailed();
        var sub = Retype(ram, 0, CapType.Ram, 4 * Page)[0];
        var frames = Retype(sub, 0, CapType.Frame, Page, 4);
        Caps.Copy(frames[1], cnode.Slot(1), out var frameCopy).ThrowIfFailed();
        Caps.Mint(frames[2], cnode.Slot(2), CapRights.Read, 0, out var frameMint).ThrowIfFailed();
        var tables = Retype(ram, 4 * Page, CapType.VNodeL3, Page, 4);
        Caps.Copy(other, cnode.Slot(3), out var otherCopy).ThrowIfFailed();

        Assert.Equal(9, Caps.Descendants(ram).Count);
        Assert.Equal(Err.Ok, Caps.Revoke(ram));

        Assert.False(ram.Deleted);
        Assert.Empty(ram.Object.Children);
        Assert.Equal([ram], ram.Object.Copies);
        foreach (var c in frames.Concat(tables).Append(sub).Append(ramCopy).Append(frameCopy).Append(frameMint))
            Assert.True(c.Deleted, c.ToString());
        Assert.Null(cnode[0]);
        Assert.Null(cnode[1]);
        Assert.Null(cnode[2]);
        Assert.Same(otherCopy, cnode[3]);
        Assert.False(other.Deleted);
        Assert.Equal(Err.Ok, Caps.Retype(ram, 0, CapType.Frame, 8 * Page, 1, SlotRef.KernelHeld, out _));
    }

    [Fact]
    public void DeletingTheLastCopyOfACNodeDeletesItsSlots()
    {
        var cnodeCap = Retype(k.Alloc(4 * Page), 0, CapType.CNode, 4 * Page)[0];
        var cnode = cnodeCap.AsCNode;
        Assert.Equal(256, cnode.SlotCount);
        var ram = k.Alloc(Page);
        var frame = Retype(ram, 0, CapType.Frame, Page)[0];
        Caps.Copy(frame, cnode.Slot(5), out var inSlot).ThrowIfFailed();
        Caps.Delete(frame).ThrowIfFailed();
        Caps.Copy(cnodeCap, cnode.Slot(6), out _).ThrowIfFailed();    // a CNode holding itself
        Caps.Delete(cnodeCap).ThrowIfFailed();
        Assert.False(inSlot.Deleted);                                 // the self-copy keeps it alive
        Caps.Revoke(FindParentRam(cnodeCap)).ThrowIfFailed();      // revoking the RAM it came from ends it
        Assert.True(inSlot.Deleted);
        Assert.Empty(ram.Object.Children);
    }

    static Capability FindParentRam(Capability c) => c.Object.Parent!.Copies[0];

    [Fact]
    public void DestinationSlotsMustExistAndBeEmpty()
    {
        var cnode = Retype(k.Alloc(Page), 0, CapType.CNode, Page)[0].AsCNode;   // 64 slots
        var ram = k.Alloc(4 * Page);
        Assert.Equal(Err.Ok, Caps.Retype(ram, 0, CapType.Frame, Page, 2, cnode.Slot(62), out var two));
        Assert.Same(two[1], cnode[63]);
        Assert.Equal(63, two[1].SlotIndex);
        Assert.Equal(Err.SlotOutOfRange, Caps.Retype(ram, 2 * Page, CapType.Frame, Page, 2, cnode.Slot(63), out _));
        Assert.Equal(Err.SlotInUse, Caps.Retype(ram, 2 * Page, CapType.Frame, Page, 1, cnode.Slot(62), out _));
        Assert.Equal(Err.SlotInUse, Caps.Copy(ram, cnode.Slot(63), out _));
        Assert.Equal(Err.Ok, Caps.Delete(two[0]));
        Assert.Null(cnode[62]);
    }
}
