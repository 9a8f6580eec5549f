// VNode: one page table, the payload of a VNode capability. Its 4 KiB of descriptors live in
// guest RAM at Object.Base (that is what SoftMmu walks); beside them the kernel keeps a shadow:
// for each slot, the Mapping that filled it, which names the capability mapped there (a child
// VNode or a Frame/DevFrame) and the offset into it. A Mapping covers a run of consecutive
// slots of one table made by one map call; it is recorded both in the table's shadow and in the
// mapped capability's Mappings, so deleting either side finds the other.
// Locking: shadow, ParentMapping and every Mapping field are guarded by CapSystem.Lock.
using Fast.Os.Capabilities;

namespace Fast.Os.Paging;

public sealed class VNode
{
    internal readonly Mapping?[] shadow = new Mapping?[Descriptors.Entries];
    /// <summary>Where this table is mapped in its parent, if it is.</summary>
    internal Mapping? parentMapping;

    internal VNode(CapObject obj, int level)
    {
        Object = obj;
        Level = level;
    }

    public CapObject Object { get; }
    public int Level { get; }
    public ulong TablePa => Object.Base;
    public Mapping? this[int slot] => shadow[slot];
    public Mapping? ParentMapping => parentMapping;

    /// <summary>The topmost table above this one; vaBase, the VA this table's slot 0 translates. (An out
    /// parameter, not a (VNode, ulong) tuple: that instantiation was JIT-compiled at every start.)</summary>
    public VNode Position(out ulong vaBase)
    {
        var v = this;
        ulong va = 0;
        while (v.parentMapping is { } m)
        {
            var parent = m.Table;
            va += (ulong)m.Slot << Descriptors.Shift(parent.Level);
            v = parent;
        }
        vaBase = va;
        return v;
    }

    public int UsedSlots() => shadow.Count(m => m != null);
}

public sealed class Mapping
{
    internal Mapping(VNode table, int slot, int count, Capability source, ulong offset, MapFlags flags)
    {
        Table = table;
        Slot = slot;
        Count = count;
        Source = source;
        Offset = offset;
        Flags = flags;
    }

    public VNode Table { get; }
    public int Slot { get; internal set; }
    public int Count { get; internal set; }
    /// <summary>The capability mapped: a child VNode (Count 1) or a frame.</summary>
    public Capability Source { get; }
    /// <summary>Byte offset into the frame of the first slot's page.</summary>
    public ulong Offset { get; internal set; }
    public MapFlags Flags { get; internal set; }

    public ulong PhysicalAddress(int slot) => Source.Base + Offset + (ulong)(slot - Slot) * Descriptors.PageSize;

    public override string ToString() => $"L{Table.Level}[{Slot}..{Slot + Count}) -> {Source.Object} +0x{Offset:x} {Flags}";
}
