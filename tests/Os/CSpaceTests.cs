using Fast.Os;
using Fast.Os.Capabilities;

namespace Fast.Tests.Os;

/// <summary>Capability operations named by two-level capability addresses.</summary>
public sealed class CSpaceTests : IDisposable
{
    const ulong Page = 4096;
    readonly TestKernel k = new();
    readonly CSpace cspace;

    public CSpaceTests()
    {
        k.Caps.Retype(k.Alloc(4 * Page), 0, CapType.CNode, 4 * Page, 1, SlotRef.KernelHeld, out var root).ThrowIfFailed();
        cspace = new CSpace(k.Caps, root[0]);
        cspace.AddL2CNode(0, k.Alloc(CSpace.L2CNodeSize)).ThrowIfFailed();
        cspace.AddL2CNode(3, k.Alloc(CSpace.L2CNodeSize)).ThrowIfFailed();
        k.Caps.Copy(k.Alloc(16 * Page), Resolve(CPtr.Make(0, 1)), out _).ThrowIfFailed();
    }

    SlotRef Resolve(CPtr p)
    {
        cspace.ResolveSlot(p, out var slot).ThrowIfFailed();
        return slot;
    }

    public void Dispose() => k.Dispose();

    [Fact]
    public void AddressesResolveThroughTwoLevels()
    {
        Assert.Equal(Err.Ok, cspace.Lookup(CPtr.Make(0, 1), out var ram));
        Assert.Equal(CapType.Ram, ram.Type);
        Assert.Equal(0x301u, CPtr.Make(3, 1).Value);
        Assert.Equal(Err.SlotEmpty, cspace.Lookup(CPtr.Make(3, 1), out _));
        Assert.Equal(Err.InvalidCPtr, cspace.Lookup(CPtr.Make(1, 0), out _));
        Assert.Equal(Err.SlotOutOfRange, cspace.Lookup(CPtr.Make(1000, 0), out _));
    }

    [Fact]
    public void RetypeCopyMintDeleteRevokeByAddress()
    {
        var ram = CPtr.Make(0, 1);
        Assert.Equal(Err.Ok, cspace.Retype(ram, 0, CapType.Frame, Page, 4, CPtr.Make(3, 10)));
        for (int i = 10; i < 14; i++)
        {
            Assert.Equal(Err.Ok, cspace.Lookup(CPtr.Make(3, i), out var f));
            Assert.Equal(CapType.Frame, f.Type);
        }
        Assert.Equal(Err.SlotInUse, cspace.Retype(ram, 4 * Page, CapType.Frame, Page, 1, CPtr.Make(3, 13)));
        Assert.Equal(Err.Ok, cspace.Copy(CPtr.Make(3, 10), CPtr.Make(0, 20)));
        Assert.Equal(Err.Ok, cspace.Mint(CPtr.Make(3, 11), CPtr.Make(0, 21), CapRights.Read, 0));
        cspace.Lookup(CPtr.Make(0, 21), out var minted).ThrowIfFailed();
        Assert.Equal(CapRights.Read, minted.Rights);
        Assert.Equal(Err.Ok, cspace.Delete(CPtr.Make(3, 12)));
        Assert.Equal(Err.SlotEmpty, cspace.Delete(CPtr.Make(3, 12)));

        Assert.Equal(Err.Ok, cspace.Revoke(ram));
        foreach (var p in new[] { CPtr.Make(3, 10), CPtr.Make(3, 11), CPtr.Make(3, 13), CPtr.Make(0, 20), CPtr.Make(0, 21) })
            Assert.Equal(Err.SlotEmpty, cspace.Lookup(p, out _));
        Assert.Equal(Err.Ok, cspace.Lookup(ram, out _));
    }

    [Fact]
    public void AFrameIsNotACNode()
    {
        cspace.Retype(CPtr.Make(0, 1), 0, CapType.Frame, Page, 1, CPtr.Make(0, 2)).ThrowIfFailed();
        k.Caps.Copy(cspace.RootSlot(0).Cap!.AsCNode[2]!, cspace.RootSlot(5), out _).ThrowIfFailed();
        Assert.Equal(Err.NotACNode, cspace.Lookup(CPtr.Make(5, 0), out _));
    }

    [Fact]
    public void FindFreeSlotSkipsUsedSlots()
    {
        Assert.Equal(Err.Ok, cspace.FindFreeSlot(out var p));
        Assert.Equal(CPtr.Make(0, 0), p);
        cspace.Retype(CPtr.Make(0, 1), 0, CapType.Frame, Page, 1, p).ThrowIfFailed();
        cspace.FindFreeSlot(out p).ThrowIfFailed();
        Assert.Equal(CPtr.Make(0, 2), p);
    }
}
