// CapSystem, part three: capabilities across cores — the multikernel's distributed capability
// operations, simplified from Barrelfish's (its owner / remote-relations scheme; no code of it here).
//
// Every core's kernel has its own database (one CapSystem, one lock); the cores' databases share
// no objects. A capability crosses cores as a description (CapWire: type, range, rights, badge,
// owner core, object id) that the sending kernel serializes into the message and the receiving
// kernel turns back into a capability in its own database (Import: "relaying"). The receiving
// database holds the object as a foreign root that stands for the owner's; it may retype it, map
// it and relay it further.
//
// Ownership and liveness: the core that created an object owns it and counts, per core, the
// relays of its capabilities to other cores (relaysOut). A foreign object counts the relays that
// created copies here (relaysIn); when its last copy and descendant go, its kernel reports that
// count back to the owner by message (OnRelaysChanged). Relays to the owner itself are not counted
// (they land as plain copies of the owner's object), except a core's relays to itself (two ends of
// a channel on one database, in unit tests), which the owner counts until they land. An owned object is unlinked — its memory free for
// reuse — only when it has no copies, no descendants and no relays outstanding, so a range never
// comes back while another core still names it. A core that relays a foreign capability on to a
// third core tells the owner first (Relayed, posted before the message carrying the wire, and
// mailboxes are FIFO, so the owner never sees the drop before the relay).
//
// Revoke (RevokeEverywhere): the local revoke as before, then messages. The owner revoking its
// object broadcasts the object's id (and those of any relayed descendants it destroyed) to every
// other core, each of which destroys its foreign copy and everything derived from it there, and
// forwards ids of objects of its own that this destroyed (relayed further on). The owner then
// gives the object a fresh id, and every core remembers the old one (tombstones): a relay still in
// flight with the old id is refused on arrival instead of resurrecting a revoked capability. A
// non-owner revoking a foreign capability keeps its own copy and asks every other core (the
// owner included) to destroy theirs. The caller learns completion through a countdown that every
// message handler adds its forwards to before signalling its own part (RevokeWave).
//
// Departures from Barrelfish, on purpose: no ownership transfer (the owner keeps a ghost until
// remote copies go), retype of a relayed range is checked only on the retyping core, and a
// non-owner's revoke does not tombstone (a relay in flight during it may still land).
//
// Locking: each method takes this database's Lock only; work on another core's database is always
// a message posted to that core (CapCores.Post), run there under that core's lock.
using System.Runtime.InteropServices;

namespace Fast.Os.Capabilities;

/// <summary>A capability as it travels between cores: the fields the receiving kernel re-creates it from.</summary>
public readonly record struct CapWire(CapType Type, CapRights Rights, ulong Badge, ulong Base, ulong Size, int OwnerCore, ulong Id, int FromCore)
{
    /// <summary>Words of a serialized description (a UMP slot's side line holds one).</summary>
    public const int Words = 5;

    public unsafe void Write(ulong* p)
    {
        p[0] = (ulong)Type | (ulong)Rights << 8 | (ulong)(ushort)OwnerCore << 16 | (ulong)(ushort)FromCore << 32;
        p[1] = Badge;
        p[2] = Base;
        p[3] = Size;
        p[4] = Id;
    }

    public static unsafe CapWire Read(ulong* p) =>
        new((CapType)(byte)p[0], (CapRights)(byte)(p[0] >> 8), p[1], p[2], p[3], (ushort)(p[0] >> 16), p[4], (ushort)(p[0] >> 32));
}

/// <summary>The cores' databases and the way to send a message to a core's kernel (its mailbox).</summary>
public sealed class CapCores(IReadOnlyList<CapSystem> systems, Action<int, Action> post)
{
    public CapSystem this[int core] => systems[core];
    public int Count => systems.Count;
    /// <summary>Runs message on core's kernel thread, soon (an inter-processor interrupt).</summary>
    public void Post(int core, Action message) => post(core, message);
}

/// <summary>Completion of a distributed revoke: outstanding messages; the last Signal runs Done.</summary>
public sealed class RevokeWave(Action done)
{
    int outstanding = 1;   // the initiator's own part
    public void Add(int n) => Interlocked.Add(ref outstanding, n);
    public void Signal()
    {
        if (Interlocked.Decrement(ref outstanding) == 0) done();
    }
}

public sealed partial class CapSystem
{
    /// <summary>The other cores (null: a lone database, as in unit tests of one core).</summary>
    public CapCores? Cores { get; private set; }
    readonly Dictionary<ulong, CapObject> byId = new();                             // guarded by Lock
    // Keyed by ForeignKey(owner, id), not by an (int, ulong) tuple: framework collections over a
    // tuple key are JIT-compiled at every start (14 methods); over ulong they are precompiled.
    readonly Dictionary<ulong, CapObject> foreign = new();                          // guarded by Lock
    readonly Dictionary<ulong, object?> tombstones = new();                         // guarded by Lock (a set)
    ulong nextId;                                                                   // guarded by Lock
    public long RelaysOut, RelaysIn, RemoteMessages;

    /// <summary>Raised (under Lock) when an owned object is released by the last remote drop: its memory may be reused.</summary>
    public event Action<CapObject>? Released;

    public void Join(CapCores cores) => Cores = cores;

    /// <summary>Entries into this database (page tables: VSpace; copy, retype, delete, export, import, revoke; the memory manager's alloc and free) from
    /// another core's host thread: a direct cross-core call, which the multikernel avoids (work on
    /// another core's objects is a message: HomeCalls, OnOwnCore); tests assert it stays 0.</summary>
    public long ForeignCallers;

    /// <summary>Runs work on this database's core: now if called there (or off the cores, or with
    /// no other cores), else as a message, not waited for (deletions at a channel's close).</summary>
    public void OnOwnCore(Action work)
    {
        int caller = Kernel.Core.ExecutingId;
        if (Cores is null || caller < 0 || caller == CoreId) work();
        else Cores.Post(CoreId, work);
    }

    /// <summary>Counts a caller running on another core's thread (Core.ExecutingId names the caller's core).</summary>
    internal void NoteCaller()
    {
        int caller = Kernel.Core.ExecutingId;
        if (caller >= 0 && caller != CoreId) Interlocked.Increment(ref ForeignCallers);
    }

    /// <summary>Foreign objects held here (relayed from other cores).</summary>
    public int ForeignCount { get { lock (Lock) return foreign.Count; } }

    /// <summary>Types whose capabilities may cross cores (Export/Import).</summary>
    public static bool Relayable(CapType t) => t is CapType.Ram or CapType.Frame or CapType.DevFrame or CapType.Irq;

    /// <summary>
    /// Serializes cap for a relay to core toCore's kernel and records the relay (the owner counts it;
    /// a foreign capability's owner is told by message). Undo with Unexport if the wire is never sent.
    /// </summary>
    public Err Export(Capability cap, int toCore, out CapWire wire)
    {
        wire = default;
        NoteCaller();
        lock (Lock)
        {
            if (cap.Deleted) return Err.CapDeleted;
            var o = cap.Object;
            if (!Relayable(o.Type)) return Err.NotRelayable;
            if (o.IsForeign)
            {
                wire = new CapWire(o.Type, cap.Rights, cap.Badge, o.Base, o.Size, o.foreignOwner, o.foreignId, CoreId);
                if (toCore != o.foreignOwner) PostToOwner(o.foreignOwner, o.foreignId, toCore, +1);
            }
            else
            {
                if (o.exportId == 0)
                {
                    o.exportId = ++nextId;
                    (o.ids ??= new()).Add(o.exportId);
                    byId[o.exportId] = o;
                }
                wire = new CapWire(o.Type, cap.Rights, cap.Badge, o.Base, o.Size, CoreId, o.exportId, CoreId);
                CountRelay(o, toCore, +1);   // (a relay to ourselves too: the object must outlive the wire)
            }
            RelaysOut++;
            return Err.Ok;
        }
    }

    /// <summary>Takes back an Export whose wire was never sent (a full ring).</summary>
    public void Unexport(in CapWire wire, int toCore)
    {
        lock (Lock)
        {
            if (wire.OwnerCore == CoreId)
            {
                if (byId.TryGetValue(wire.Id, out var o)) CountRelay(o, toCore, -1);
            }
            else if (toCore != wire.OwnerCore) PostToOwner(wire.OwnerCore, wire.Id, toCore, -1);
        }
    }

    /// <summary>
    /// The receiving kernel's half of a relay: a kernel-held capability in this database for the
    /// wire's object (a copy of our own object if it came home; else of the foreign stand-in, made on
    /// first arrival). CapDeleted if the object was revoked while the wire was in flight.
    /// </summary>
    public Err Import(in CapWire wire, out Capability cap)
    {
        cap = null!;
        NoteCaller();
        lock (Lock)
        {
            CapObject? o;
            if (wire.OwnerCore == CoreId)
            {
                if (!byId.TryGetValue(wire.Id, out o)) return Err.CapDeleted;
                bool fromUs = wire.FromCore == CoreId;
                if (o.exportId != wire.Id)
                {
                    if (fromUs) CountRelay(o, CoreId, -1);
                    return Err.CapDeleted;   // revoked while in flight
                }
                RelaysIn++;
                cap = AddCopy(o, wire.Rights, wire.Badge, SlotRef.KernelHeld);
                if (fromUs) CountRelay(o, CoreId, -1);   // the relay to ourselves has landed
                return Err.Ok;
            }
            else
            {
                ulong key = ForeignKey(wire.OwnerCore, wire.Id);
                if (tombstones.ContainsKey(key))
                {
                    PostToOwner(wire.OwnerCore, wire.Id, CoreId, -1);   // the owner counted this relay: it is dropped at once
                    return Err.CapDeleted;
                }
                if (!foreign.TryGetValue(key, out o))
                {
                    o = new CapObject(this, wire.Type, wire.Base, wire.Size) { foreignOwner = wire.OwnerCore, foreignId = wire.Id };
                    roots.Add(o);
                    foreign[key] = o;
                }
                o.relaysIn++;
            }
            RelaysIn++;
            cap = AddCopy(o, wire.Rights, wire.Badge, SlotRef.KernelHeld);
            return Err.Ok;
        }
    }

    /// <summary>A wire that will never be imported (its channel closed first): counts as imported and dropped.</summary>
    public void Discard(in CapWire wire)
    {
        lock (Lock)
        {
            if (wire.OwnerCore != CoreId) PostToOwner(wire.OwnerCore, wire.Id, CoreId, -1);
            else if (wire.FromCore == CoreId && byId.TryGetValue(wire.Id, out var o)) CountRelay(o, CoreId, -1);
        }
    }

    void CountRelay(CapObject o, int core, int delta)
    {
        o.relaysOut ??= new int[Math.Max(Cores?.Count ?? 1, core + 1)];
        if (core >= o.relaysOut.Length) Array.Resize(ref o.relaysOut, core + 1);
        o.relaysOut[core] += delta;
        o.relaysOutTotal += delta;
        if (o.relaysOutTotal == 0 && o.copies.Count == 0 && o.ChildCount == 0)
        {
            Unlink(o);
            Released?.Invoke(o);
        }
    }

    /// <summary>Tells an owner (by message) that relays of its object id to core changed by delta.</summary>
    void PostToOwner(int owner, ulong id, int core, int delta)
    {
        var cores = Cores ?? throw new InvalidOperationException("a foreign capability without other cores");
        RemoteMessages++;
        cores.Post(owner, () => cores[owner].OnRelaysChanged(id, core, delta));
    }

    void OnRelaysChanged(ulong id, int core, int delta)
    {
        lock (Lock)
            if (byId.TryGetValue(id, out var o)) CountRelay(o, core, delta);
    }

    /// <summary>Another core's object id with its core (ids count up from 1 and stay far below 2^56; cores are at most 64).</summary>
    static ulong ForeignKey(int owner, ulong id) => id << 8 | (byte)owner;

    /// <summary>An object leaves the tree (Unlink): its ids are forgotten; a foreign one reports its relays dropped.</summary>
    void Forget(CapObject o)
    {
        if (o.ids is { } ids)
            foreach (var id in ids) byId.Remove(id);
        o.ids = null;
        o.exportId = 0;
        if (!o.IsForeign) return;
        foreign.Remove(ForeignKey(o.foreignOwner, o.foreignId));
        if (o.relaysIn > 0) PostToOwner(o.foreignOwner, o.foreignId, CoreId, -o.relaysIn);
        o.relaysIn = 0;
    }

    // ---- revoke across cores ----

    /// <summary>
    /// Revokes cap here and on every core holding copies or descendants of its object. Returns
    /// true if messages went to other cores: done runs (on some core's thread) once all have been
    /// handled; false if the revoke was purely local (done is not called).
    /// </summary>
    public bool RevokeEverywhere(Capability cap, Action done, out Err err)
    {
        var entries = new List<(int Owner, ulong Id, bool Tombstone)>();
        NoteCaller();
        lock (Lock)
        {
            err = Revoke(cap, entries);
            if (err != Err.Ok) return false;
            var o = cap.Object;
            if (o.IsForeign) entries.Add((o.foreignOwner, o.foreignId, false));   // we keep ours: no tombstone
            else if (o.exportId != 0)
            {
                entries.Add((CoreId, o.exportId, true));
                o.exportId = 0;   // later relays carry a fresh id; the old one stays known for drops
            }
        }
        if (entries.Count == 0 || Cores is null) return false;
        var wave = new RevokeWave(done);
        Broadcast(entries.ToArray(), wave);
        wave.Signal();
        return true;
    }

    void Broadcast((int Owner, ulong Id, bool Tombstone)[] entries, RevokeWave wave)
    {
        var cores = Cores!;
        for (int c = 0; c < cores.Count; c++)
        {
            if (c == CoreId) continue;
            wave.Add(1);
            RemoteMessages++;
            var target = cores[c];
            cores.Post(c, () => target.OnRevoke(entries, wave));
        }
    }

    /// <summary>A revoke message: destroy our copies of these objects and all we derived from them.</summary>
    void OnRevoke((int Owner, ulong Id, bool Tombstone)[] entries, RevokeWave wave)
    {
        var forward = new List<(int, ulong, bool)>();
        lock (Lock)
        {
            foreach (var (owner, id, tomb) in entries)
            {
                CapObject? o;
                if (owner == CoreId) byId.TryGetValue(id, out o);
                else
                {
                    if (tomb) tombstones.TryAdd(ForeignKey(owner, id), null);
                    foreign.TryGetValue(ForeignKey(owner, id), out o);
                }
                if (o is null) continue;
                foreach (var child in o.ChildArray()) CollectRelayed(child, forward);
                DestroySubtree(o);
            }
        }
        if (forward.Count > 0) Broadcast(forward.ToArray(), wave);
        wave.Signal();
    }

    /// <summary>Ids of our own relayed objects in the subtree under (and including) o: their remote copies go too.</summary>
    void CollectRelayed(CapObject o, List<(int, ulong, bool)> into)
    {
        if (!o.IsForeign && o.exportId != 0)
        {
            into.Add((CoreId, o.exportId, true));
            o.exportId = 0;   // destroyed: a relay of it still in flight back home is refused
        }
        foreach (var c in o.ChildArray()) CollectRelayed(c, into);
    }
}
