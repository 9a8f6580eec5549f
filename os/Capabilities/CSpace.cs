// CSpace: a process's capability space, a two-level tree of CNodes addressed by CPtr, as in
// Barrelfish: the root (L1) CNode's slots hold L2 CNodes, and a CPtr's bits 31..8 pick the root
// slot and bits 7..0 the slot in that L2 CNode. The operations are CapSystem's, named by
// address. Locking: each call resolves and operates under the CapSystem lock, so an address is
// never resolved against a CNode that another core's operation is deleting meanwhile.
namespace Fast.Os.Capabilities;

public readonly record struct CPtr(uint Value)
{
    public const int L2Bits = 8;
    public const int L2Slots = 1 << L2Bits;
    public static CPtr Make(int l1, int l2) => new(((uint)l1 << L2Bits) | (uint)l2);
    public int L1 => (int)(Value >> L2Bits);
    public int L2 => (int)(Value & (L2Slots - 1));
    public override string ToString() => $"{L1}:{L2}";
}

public sealed class CSpace
{
    /// <summary>Bytes of an L2 CNode (256 slots).</summary>
    public const ulong L2CNodeSize = CPtr.L2Slots * CapTypes.CNodeSlotBytes;

    public CapSystem System { get; }
    public Capability Root { get; }

    public CSpace(CapSystem system, Capability root)
    {
        if (root.Type != CapType.CNode) throw new ArgumentException($"{root} is not a CNode", nameof(root));
        System = system;
        Root = root;
    }

    /// <summary>A slot of the root CNode (where L2 CNodes live).</summary>
    public SlotRef RootSlot(int l1) => Root.AsCNode.Slot(l1);

    public Err ResolveSlot(CPtr p, out SlotRef slot)
    {
        slot = default;
        lock (System.Lock)
        {
            if (Root.Deleted) return Err.CapDeleted;
            var l1 = Root.AsCNode;
            if (p.L1 >= l1.SlotCount) return Err.SlotOutOfRange;
            var l2cap = l1[p.L1];
            if (l2cap == null) return Err.InvalidCPtr;
            if (l2cap.Type != CapType.CNode) return Err.NotACNode;
            var l2 = l2cap.AsCNode;
            if (p.L2 >= l2.SlotCount) return Err.SlotOutOfRange;
            slot = l2.Slot(p.L2);
            return Err.Ok;
        }
    }

    public Err Lookup(CPtr p, out Capability cap)
    {
        cap = null!;
        lock (System.Lock)
        {
            if (ResolveSlot(p, out var slot) is var e && e != Err.Ok) return e;
            cap = slot.Cap!;
            return cap == null ? Err.SlotEmpty : Err.Ok;
        }
    }

    /// <summary>Retypes part of ram into a 256-slot CNode placed in root slot l1.</summary>
    public Err AddL2CNode(int l1, Capability ram, ulong offset = 0)
    {
        lock (System.Lock)
            return System.Retype(ram, offset, CapType.CNode, L2CNodeSize, 1, RootSlot(l1), out _);
    }

    /// <summary>The first empty slot in any L2 CNode.</summary>
    public Err FindFreeSlot(out CPtr p)
    {
        p = default;
        lock (System.Lock)
        {
            var l1 = Root.AsCNode;
            for (int i = 0; i < l1.SlotCount; i++)
            {
                if (l1[i] is not { Type: CapType.CNode } l2cap) continue;
                int free = l2cap.AsCNode.FirstFree();
                if (free >= 0) { p = CPtr.Make(i, free); return Err.Ok; }
            }
            return Err.OutOfMemory;
        }
    }

    public Err Retype(CPtr src, ulong offset, CapType type, ulong objSize, int count, CPtr dest)
    {
        lock (System.Lock)
        {
            if (Lookup(src, out var s) is var e && e != Err.Ok) return e;
            if (ResolveSlot(dest, out var d) is var f && f != Err.Ok) return f;
            return System.Retype(s, offset, type, objSize, count, d, out _);
        }
    }

    public Err Copy(CPtr src, CPtr dest) => WithSource(src, dest, (s, d) => System.Copy(s, d, out _));

    public Err Mint(CPtr src, CPtr dest, CapRights rights, ulong badge) =>
        WithSource(src, dest, (s, d) => System.Mint(s, d, rights, badge, out _));

    public Err Delete(CPtr p)
    {
        lock (System.Lock)
            return Lookup(p, out var c) is var e && e != Err.Ok ? e : System.Delete(c);
    }

    public Err Revoke(CPtr p)
    {
        lock (System.Lock)
            return Lookup(p, out var c) is var e && e != Err.Ok ? e : System.Revoke(c);
    }

    Err WithSource(CPtr src, CPtr dest, Func<Capability, SlotRef, Err> op)
    {
        lock (System.Lock)
        {
            if (Lookup(src, out var s) is var e && e != Err.Ok) return e;
            if (ResolveSlot(dest, out var d) is var f && f != Err.Ok) return f;
            return op(s, d);
        }
    }
}
