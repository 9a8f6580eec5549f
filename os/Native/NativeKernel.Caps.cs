// NativeKernel, capabilities: the native API's capability calls — RAM and frames from the calling
// core's memory manager (in that core's capability database), mapping a frame (relayed into the
// database of the address space's home core first when it lives in another), delete (a native frame's RAM returns when no copy is left on any core) and revoke
// (which waits for the other cores' kernels to answer: CapSystem.Remote), and the dispatcher and
// endpoint capabilities behind LMP channels.
using System.Runtime.CompilerServices;
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Memory;
using Fast.Os.Process;
using Fast.Runtime;

namespace Fast.Os.Native;

public sealed unsafe partial class NativeKernel
{
    /// <summary>LMP: each end's receive buffer is named by an Endpoint capability retyped from its process's dispatcher.</summary>
    void GiveEndpointCaps(GuestProcess process, int core, Channel ch)
    {
        var disp = DispatcherOf(process, core);
        if (disp is null) return;
        // (The dispatcher is in the database of the core the process first used: retyped there.)
        os.Kernel.Calls.Call(disp.System.CoreId, () =>
        {
            foreach (var end in new[] { ch.A, ch.B })
                if (disp.System.Retype(disp, 0, CapType.Endpoint, 0, 1, SlotRef.KernelHeld, out var ep) == Err.Ok)
                {
                    ep[0].Object.Payload = end.Inbox;
                    end.EndpointCap = ep[0];
                }
        });
    }

    ConditionalWeakTable<GuestProcess, Capability>? dispatchers;   // made at the first use, under dispatchersLock
    readonly object dispatchersLock = new();

    /// <summary>The process's Dispatcher capability (made on first use from the RAM and in the database of the core it runs on).</summary>
    Capability? DispatcherOf(GuestProcess process, int core)
    {
        lock (dispatchersLock)
        {
            dispatchers ??= new();
            if (dispatchers.TryGetValue(process, out var d)) return d;
            var mm = Kernels[core].Memory;
            if (mm.Alloc(CapTypes.PageSize, CapTypes.PageSize, out var ram) != Err.Ok) return null;
            if (mm.Caps.Retype(ram, 0, CapType.Dispatcher, CapTypes.DispatcherSize, 1, SlotRef.KernelHeld, out var disp) != Err.Ok) { mm.Free(ram); return null; }
            lock (Of(process).Lock) Of(process).Allocations.Add((mm, ram));
            dispatchers.Add(process, disp[0]);
            return disp[0];
        }
    }


    long Allocate(Core core, NativeProcess np, ulong size, bool frame, CpuState* c)
    {
        if (size == 0 || size > 1UL << 32) return (long)IpcStatus.Invalid;
        size = (size + 0xFFF) & ~0xFFFUL;
        var mm = Kernels[core.Id].Memory;
        if (mm.Alloc(size, CapTypes.PageSize, out var ram) != Err.Ok) return (long)IpcStatus.OutOfMemory;
        Capability give;
        if (frame)
        {
            if (mm.Caps.Retype(ram, 0, CapType.Frame, size, 1, SlotRef.KernelHeld, out var frames) != Err.Ok) { mm.Free(ram); return (long)IpcStatus.CapError; }
            give = frames[0];
            lock (frameLock) (frameOwners ??= new())[give.Object] = new FrameOwner(mm, ram, np);
        }
        else if (mm.Caps.Copy(ram, SlotRef.KernelHeld, out give) != Err.Ok) { mm.Free(ram); return (long)IpcStatus.CapError; }
        lock (np.Lock) np.Allocations.Add((mm, ram));
        c->X[1] = ram.Base;
        c->X[2] = size;
        return np.Add(give);
    }

    // A frame allocated through the native API goes back to its memory manager when its last copy
    // is deleted (the allocating process, receivers, copies in flight, copies relayed to other
    // cores: those report their drop by message, CapSystem.Released), not earlier.
    // (Made at the first native frame; a class, not a ValueTuple of three, whose Dictionary instantiation is JIT-compiled.)
    Dictionary<CapObject, FrameOwner>? frameOwners;   // guarded by frameLock
    readonly object frameLock = new();
    sealed record FrameOwner(MemoryManager Mm, Capability Ram, NativeProcess Owner);

    // A process whose thread moved to another core may hold capabilities of its old core's database:
    // operations on them run on that core (HomeCalls: a message from here), never under its lock here.

    /// <summary>Whether cap's database may be used on this thread (it is this core's, or we are off the cores).</summary>
    bool OwnedHere(Capability cap) => os.Kernel.Calls.Local(cap.System.CoreId);

    /// <summary>
    /// A kernel-held copy of cap (to send it, or for CapCopy). Of another core's database: that core
    /// relays it to us (Export there, by message; Import here), so the copy — and all later work on it,
    /// such as a UMP relay onwards — is in this core's database; a type that cannot cross cores is
    /// copied there instead.
    /// </summary>
    Err CopyOnOwner(Capability cap, out Capability copy)
    {
        if (OwnedHere(cap)) return cap.System.Copy(cap, SlotRef.KernelHeld, out copy);
        int here = Core.ExecutingId, owner = cap.System.CoreId;
        if (CapSystem.Relayable(cap.Type))
        {
            var (exported, wire) = os.Kernel.Calls.Call(owner, () => (cap.System.Export(cap, here, out var w), w));
            copy = null!;
            return exported != Err.Ok ? exported : Kernels[here].Caps.Import(wire, out copy);
        }
        (Err err, copy) = os.Kernel.Calls.Call(owner, () => (cap.System.Copy(cap, SlotRef.KernelHeld, out var c), c));
        return err;
    }

    /// <summary>Deletes cap on the core owning its database.</summary>
    Err DeleteOnOwner(Capability cap) =>
        OwnedHere(cap) ? cap.System.Delete(cap) : os.Kernel.Calls.Call(cap.System.CoreId, () => cap.System.Delete(cap));

    long DeleteCap(Capability cap)
    {
        if (!OwnedHere(cap)) return os.Kernel.Calls.Call(cap.System.CoreId, () => DeleteCap(cap));
        if (!cap.Deleted && cap.System.Delete(cap) != Err.Ok) return (long)IpcStatus.CapError;
        if (cap.Type != CapType.Frame) return 0;
        bool inUse;
        lock (cap.System.Lock) inUse = cap.Object.InUse;
        if (!inUse) FrameReleased(cap.Object);
        return 0;
    }

    /// <summary>No copy of a native frame is left on any core: its RAM goes back to the memory manager it came from.</summary>
    void FrameReleased(CapObject frame)
    {
        FrameOwner? owner;
        lock (frameLock)
            if (frameOwners is null || !frameOwners.Remove(frame, out owner)) return;
        lock (owner.Owner.Lock) owner.Owner.Allocations.Remove((owner.Mm, owner.Ram));
        owner.Mm.Free(owner.Ram);
    }

    /// <summary>CapRevoke (X0 = capability): revokes here and, by messages, on every core holding relayed copies; waits for them.</summary>
    Resume Revoke(Vcpu cpu, GuestThread thread, NativeProcess np)
    {
        CpuState* c = cpu.State;
        var nt = Of(thread);
        if (AwaitPending(cpu, thread, nt) is { } resumed) return resumed;
        if (np.Get<Capability>((long)c->X[0]) is not { } cap) return Done(c, (long)IpcStatus.BadHandle);
        var request = new PendingRequest();
        nt.Pending = request;
        var me = thread;
        Action answered = () =>
        {
            request.Done = true;
            Wake(me);   // the last core's acknowledgement wakes the caller (an IPI if it is elsewhere)
        };
        bool remote;
        Err err;
        if (OwnedHere(cap)) remote = cap.System.RevokeEverywhere(cap, answered, out err);
        else (remote, err) = os.Kernel.Calls.Call(cap.System.CoreId, () => (cap.System.RevokeEverywhere(cap, answered, out var e), e));
        // Done already (the other cores answered before our own part was signalled, so done ran here, on
        // this thread, where its wake-up found us still running): no block. A later answer comes by mailbox.
        if (!remote || request.Done)
        {
            nt.Pending = null;
            return Done(c, err == Err.Ok ? 0 : (long)IpcStatus.CapError);
        }
        return Block(cpu, thread, 0);
    }

    long MapFrame(GuestProcess process, NativeProcess np, long handle, CpuState* c)
    {
        if (np.Get<Capability>(handle) is not { } cap) return (long)IpcStatus.BadHandle;
        if (cap.Deleted || cap.Type != CapType.Frame) return (long)IpcStatus.CapError;
        ulong va;
        lock (np.Lock)
        {
            va = np.NextFrameVa;
            if (va + cap.Size > FrameWindowEnd) return (long)IpcStatus.OutOfMemory;
            np.NextFrameVa = va + cap.Size + 0x1000;   // a guard page between frames
        }
        // The address space lives in its home core's database: a frame from another core's database
        // is relayed into it first (the import and the mapping run on the home core, as a message
        // from elsewhere), and the mapping is made (and later removed) through that copy.
        var memory = process.Memory;
        var home = memory.Kernel.Caps;
        if (cap.System == home)
            return memory.MapFrame(va, cap, Paging.MapFlags.ReadWrite) != Err.Ok ? (long)IpcStatus.CapError : Mapped(c, cap, va);
        CapWire wire;
        Err exported;
        if (OwnedHere(cap)) exported = cap.System.Export(cap, home.CoreId, out wire);
        else (exported, wire) = os.Kernel.Calls.Call(cap.System.CoreId, () => (cap.System.Export(cap, home.CoreId, out var w), w));
        if (exported != Err.Ok) return (long)IpcStatus.CapError;
        var (mapped, err) = os.Kernel.Calls.Call(home.CoreId, () =>
        {
            if (home.Import(wire, out var copy) != Err.Ok) return ((Capability?)null, Err.CapDeleted);
            return (copy, memory.MapFrame(va, copy, Paging.MapFlags.ReadWrite));
        });
        if (mapped is null) return (long)IpcStatus.CapError;
        lock (np.Lock) np.Relayed.Add(mapped);
        return err != Err.Ok ? (long)IpcStatus.CapError : Mapped(c, cap, va);
    }

    static long Mapped(CpuState* c, Capability cap, ulong va)
    {
        c->X[1] = cap.Size;
        return (long)va;
    }
}
