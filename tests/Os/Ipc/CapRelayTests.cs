// Capabilities across cores (os/Capabilities/CapSystem.Remote.cs): two core kernels with separate
// capability databases, a UMP channel between them, and each core's mailbox driven by hand, so
// every test can look at the state between a message being sent and being handled.
using Fast.Os;
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Memory;
using Fast.Runtime;
using Xunit;

namespace Fast.Tests.Os.Ipc;

public sealed class CapRelayTests : IDisposable
{
    const ulong MiB = 1UL << 20;
    readonly PhysicalMemory ram = new(64 * MiB);
    readonly CapSystem[] db;
    readonly MemoryManager[] mm;
    readonly Queue<Action>[] mailbox = [new(), new()];

    public CapRelayTests()
    {
        db = [new CapSystem(ram, 0), new CapSystem(ram, 1)];
        var cores = new CapCores(db, (core, m) => mailbox[core].Enqueue(m));
        foreach (var d in db) d.Join(cores);
        db[0].CreateOriginal(CapType.Ram, MiB, 63 * MiB, SlotRef.KernelHeld, out var all).ThrowIfFailed();
        mm = [new MemoryManager(db[0]), new MemoryManager(db[1])];
        mm[0].AddRam(all).ThrowIfFailed();
        // Core 0 hands core 1 a share, relayed as at boot.
        mm[0].Alloc(16 * MiB, MiB, out var share).ThrowIfFailed();
        db[0].Export(share, 1, out var wire).ThrowIfFailed();
        db[1].Import(wire, out var relayed).ThrowIfFailed();
        mm[1].AddRam(relayed).ThrowIfFailed();
    }

    public void Dispose() => ram.Dispose();

    /// <summary>Runs the messages waiting in a core's mailbox (as its kernel does at an IPI); returns how many.</summary>
    int Drain(int core)
    {
        int n = 0;
        while (mailbox[core].TryDequeue(out var m)) { m(); n++; }
        return n;
    }

    Capability Frame(int core, ulong size = 4096)
    {
        mm[core].Alloc(size, 4096, out var r).ThrowIfFailed();
        db[core].Retype(r, 0, CapType.Frame, size, 1, SlotRef.KernelHeld, out var f).ThrowIfFailed();
        return f[0];
    }

    Capability Send(Channel ch, Capability cap)
    {
        cap.System.Copy(cap, SlotRef.KernelHeld, out var inFlight).ThrowIfFailed();
        Assert.Equal(IpcStatus.Ok, ch.A.Send(new IpcMessage { Length = 1, Cap = inFlight }));
        return inFlight;
    }

    [Fact]
    public void EachCoreHasItsOwnDatabaseAndTheRamShareWasRelayed()
    {
        Assert.NotSame(db[0], db[1]);
        Assert.NotSame(db[0].Lock, db[1].Lock);
        Assert.Equal(1, db[1].CoreId);
        var root = Assert.Single(db[1].Roots);
        Assert.True(root.IsForeign);
        Assert.Equal(0, root.ForeignOwner);
        // Core 0's allocation of the share stays a live object there with a copy on core 1.
        var f1 = Frame(1);
        Assert.Same(db[1], f1.System);
        Assert.DoesNotContain(db[0].Descendants(db[0].Roots[0].Copies[0]), o => o.Base == f1.Base && o.Type == CapType.Frame);
    }

    [Fact]
    public unsafe void UmpTransferSerializesIntoTheMessageAndTheReceivingKernelRecreatesIt()
    {
        Assert.Equal(Err.Ok, Channel.CreateUmp(db[0], db[1], mm[0], 0, 10, 1, 11, out var ch));
        var frame = Frame(0);
        int foreignBefore = db[1].ForeignCount;
        var inFlight = Send(ch, frame);
        Assert.True(inFlight.Deleted);
        Assert.True(frame.Object.HasRemoteCopies);
        Assert.Equal(foreignBefore, db[1].ForeignCount);   // nothing exists on core 1 until its kernel takes the message

        // The description is in the shared frame, in the side line of B's ring's first slot (page 1, second half... first half).
        byte* p = ram.HostPointer(ch.Frame!.Base);
        var wire = CapWire.Read((ulong*)(p + 2 * Channel.UmpSlotsPerDirection * UmpRing.SlotBytes));
        Assert.Equal((CapType.Frame, frame.Base, frame.Size, 0), (wire.Type, wire.Base, wire.Size, wire.OwnerCore));

        Assert.True(ch.B.TryReceive(out var m));
        var got = m.Cap!;
        Assert.Same(db[1], got.System);
        Assert.NotSame(frame.Object, got.Object);
        Assert.True(got.Object.IsForeign);
        Assert.Equal((frame.Type, frame.Base, frame.Size), (got.Type, got.Base, got.Size));
        Assert.Equal(foreignBefore + 1, db[1].ForeignCount);
        Assert.Empty(mailbox[0]);   // a relay from the owner needs no extra message
    }

    [Fact]
    public void OwnerRevokeReachesTheOtherCoreByMessageWithItsDescendants()
    {
        Assert.Equal(Err.Ok, Channel.CreateUmp(db[0], db[1], mm[0], 0, 10, 1, 11, out var ch));
        mm[0].Alloc(64 * 1024, 4096, out var ramCap).ThrowIfFailed();
        Send(ch, ramCap);
        Assert.True(ch.B.TryReceive(out var m));
        var remote = m.Cap!;
        // Core 1 derives from it: a descendant that lives only in core 1's database.
        Assert.Equal(Err.Ok, db[1].Retype(remote, 0, CapType.Frame, 4096, 2, SlotRef.KernelHeld, out var frames));
        // A second relay is still in flight when the revoke happens.
        Send(ch, ramCap);

        bool done = false;
        Assert.True(db[0].RevokeEverywhere(ramCap, () => done = true, out var err));
        Assert.Equal(Err.Ok, err);
        Assert.False(done);
        Assert.False(remote.Deleted);          // core 1's database is untouched until its kernel handles the message
        Assert.False(frames[0].Deleted);
        Assert.Equal(1, Drain(1));
        Assert.True(done);
        Assert.True(remote.Deleted);
        Assert.All(frames, f => Assert.True(f.Deleted));
        Assert.False(ramCap.Deleted);          // the revoker keeps its capability

        // The relay that was in flight is refused on arrival: the revoked object does not come back.
        Assert.True(ch.B.TryReceive(out var late));
        Assert.Null(late.Cap);
        Drain(0);   // core 1's drop reports
        Assert.False(ramCap.Object.HasRemoteCopies);
        // A relay after the revoke works again.
        Send(ch, ramCap);
        Assert.True(ch.B.TryReceive(out var again));
        Assert.NotNull(again.Cap);
    }

    [Fact]
    public void TheOwnerKeepsTheObjectUntilTheOtherCoreReportsItsCopyDropped()
    {
        Assert.Equal(Err.Ok, Channel.CreateUmp(db[0], db[1], mm[0], 0, 10, 1, 11, out var ch));
        var frame = Frame(0);
        Send(ch, frame);
        Assert.True(ch.B.TryReceive(out var m));
        CapObject? released = null;
        db[0].Released += o => released = o;

        Assert.Equal(Err.Ok, db[0].Delete(frame));
        Assert.True(frame.Object.InUse);                            // core 1 still names it
        Assert.Contains(frame.Object, db[0].Descendants(db[0].Roots[0].Copies[0]));
        Assert.Equal(Err.Ok, db[1].Delete(m.Cap!));
        Assert.True(frame.Object.InUse);                            // the report is a message not yet handled
        Assert.Equal(1, Drain(0));
        Assert.Same(frame.Object, released);
        Assert.False(frame.Object.InUse);
        Assert.DoesNotContain(frame.Object, db[0].Descendants(db[0].Roots[0].Copies[0]));
    }

    [Fact]
    public void NonOwnerRevokeKeepsItsCopyAndDeletesTheOwnersByMessage()
    {
        Assert.Equal(Err.Ok, Channel.CreateUmp(db[0], db[1], mm[0], 0, 10, 1, 11, out var ch));
        var frame = Frame(0);
        db[0].Copy(frame, SlotRef.KernelHeld, out var ownerCopy).ThrowIfFailed();
        Send(ch, frame);
        Assert.True(ch.B.TryReceive(out var m));
        var remote = m.Cap!;

        bool done = false;
        Assert.True(db[1].RevokeEverywhere(remote, () => done = true, out _));
        Assert.False(frame.Deleted);
        Assert.Equal(1, Drain(0));
        Assert.True(done);
        Assert.True(frame.Deleted && ownerCopy.Deleted);
        Assert.False(remote.Deleted);
        Assert.True(frame.Object.InUse);   // a ghost on core 0 while core 1 holds the capability
    }

    [Fact]
    public void KernelStateCannotBeRelayed()
    {
        mm[0].Alloc(4096, 4096, out var r).ThrowIfFailed();
        db[0].Retype(r, 0, CapType.Dispatcher, CapTypes.DispatcherSize, 1, SlotRef.KernelHeld, out var disp).ThrowIfFailed();
        Assert.Equal(Err.NotRelayable, db[0].Export(disp[0], 1, out _));
    }
}
