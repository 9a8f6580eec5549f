// The derivation database's two kinds of node.
//
// A CapObject is one kernel object: a typed range of physical memory (or an interrupt number, or
// nothing for endpoints). Objects form a tree per original capability: an object's Parent is the
// object it was retyped from, its Children are the objects retyped from it. A Capability is one
// copy naming an object, with its own rights, badge and location (a CNode slot, or held by the
// kernel itself when Node is null). Copies and mints add Capabilities to the same CapObject, so
// "copies" are exactly Object.Copies, "descendants" are the subtree under Object, and "ancestors"
// are the Parent chain. An object whose last copy is deleted but which still has children stays
// in the tree as a ghost (IsGhost) until they go, so a range stays unavailable for retype exactly
// as long as something derived from it lives.
//
// Cores: each core's kernel has its own database (CapSystem). An object made on another core and
// relayed here (CapSystem.Remote) is a foreign root (ForeignOwner >= 0) standing for the owner's
// object; an object of ours whose capabilities were relayed to other cores counts them in
// relaysOut and stays in the tree (a ghost if need be) until those cores report them dropped.
//
// Locking: every field here is guarded by the owning CapSystem.Lock (System.Lock).
using Fast.Os.Paging;

namespace Fast.Os.Capabilities;

public sealed class CapObject
{
    public CapType Type { get; }
    /// <summary>Physical base address (the interrupt number for Irq).</summary>
    public ulong Base { get; }
    public ulong Size { get; }
    /// <summary>Type-specific kernel state: a CNode, a VNode (with its shadow table), or null.</summary>
    public object? Payload { get; internal set; }

    internal CapObject? parent;
    // Created on the first child: most objects (frames, tables) never have one.
    HashSet<CapObject>? children;
    /// <summary>The children that hold memory, by base address (for the retype overlap check).</summary>
    RangeIndex? memoryChildren;
    internal readonly List<Capability> copies = new();
    /// <summary>The type-specific cleanup has run (the last copy went away).</summary>
    internal bool destroyed;

    /// <summary>The database (one core's kernel) this object lives in.</summary>
    public CapSystem System { get; }
    /// <summary>A relayed copy of another core's object: the owner core (-1: this core owns it) and its id there.</summary>
    internal int foreignOwner = -1;
    internal ulong foreignId;
    /// <summary>Foreign: how many relays from other cores created copies here (reported back when the object goes).</summary>
    internal int relaysIn;
    /// <summary>Owned: the id relays carry now (0: not relayed since the last revoke), and every id still referenced.</summary>
    internal ulong exportId;
    internal List<ulong>? ids;
    /// <summary>Owned: per core, relays of this object's capabilities to that core not yet reported dropped.</summary>
    internal int[]? relaysOut;
    internal int relaysOutTotal;

    internal CapObject(CapSystem system, CapType type, ulong @base, ulong size)
    {
        System = system;
        Type = type;
        Base = @base;
        Size = size;
    }

    public CapObject? Parent => parent;
    public IReadOnlyCollection<CapObject> Children => children ?? (IReadOnlyCollection<CapObject>)Array.Empty<CapObject>();
    internal int ChildCount => children?.Count ?? 0;
    internal CapObject[] ChildArray() => children?.ToArray() ?? [];

    internal void AddChild(CapObject child)
    {
        child.parent = this;
        (children ??= new()).Add(child);
        if (child.Size != 0 && child.Type.Info().HasMemory) (memoryChildren ??= new()).Add(child);
    }

    internal void RemoveChild(CapObject child)
    {
        children?.Remove(child);
        if (child.Size != 0 && child.Type.Info().HasMemory) memoryChildren?.Remove(child);
        child.parent = null;
    }

    /// <summary>A child holding memory that overlaps [start, start + size), if any.</summary>
    internal CapObject? OverlappingChild(ulong start, ulong size) =>
        size == 0 || memoryChildren == null ? null : memoryChildren.FindOverlap(start, start + size);
    public IReadOnlyList<Capability> Copies => copies;
    public bool IsGhost => copies.Count == 0;
    /// <summary>A relayed stand-in for an object another core's kernel owns.</summary>
    public bool IsForeign => foreignOwner >= 0;
    public int ForeignOwner => foreignOwner;
    /// <summary>Capabilities of this object live on other cores (relayed, not yet dropped).</summary>
    public bool HasRemoteCopies => relaysOutTotal > 0;
    /// <summary>Some copy exists here or on another core: the memory may not be reused.</summary>
    public bool InUse => copies.Count > 0 || relaysOutTotal > 0;
    public ulong End => Base + Size;

    public bool Overlaps(ulong @base, ulong size) =>
        Type.Info().HasMemory && Size != 0 && size != 0 && @base < Base + Size && Base < @base + size;

    public bool IsDescendantOf(CapObject ancestor)
    {
        for (var p = parent; p != null; p = p.parent)
            if (p == ancestor) return true;
        return false;
    }

    public override string ToString() => $"{Type} [0x{Base:x}, +0x{Size:x})";
}

public sealed class Capability
{
    public CapObject Object { get; }
    public CapRights Rights { get; }
    /// <summary>Endpoint badge set by Mint; 0 means unbadged.</summary>
    public ulong Badge { get; }
    /// <summary>The CNode holding this capability, or null if the kernel holds it directly.</summary>
    public CNode? Node { get; internal set; }
    public int SlotIndex { get; internal set; }
    public bool Deleted { get; internal set; }
    /// <summary>Mappings made through this copy (a frame's pages, or a VNode in its parent table).</summary>
    internal List<Mapping>? mappings;

    internal Capability(CapObject obj, CapRights rights, ulong badge)
    {
        Object = obj;
        Rights = rights;
        Badge = badge;
    }

    public CapType Type => Object.Type;
    public ulong Base => Object.Base;
    public ulong Size => Object.Size;
    /// <summary>The database (core kernel) holding this capability.</summary>
    public CapSystem System => Object.System;
    public IReadOnlyList<Mapping> Mappings => mappings ?? (IReadOnlyList<Mapping>)Array.Empty<Mapping>();

    /// <summary>The CNode kernel object of a CNode capability.</summary>
    public CNode AsCNode => Object.Payload as CNode ?? throw new InvalidOperationException($"{this} is not a CNode");
    /// <summary>The page table (and its shadow) of a VNode capability.</summary>
    public VNode AsVNode => Object.Payload as VNode ?? throw new InvalidOperationException($"{this} is not a VNode");

    public override string ToString() => $"{Object} rights={Rights}{(Badge != 0 ? $" badge=0x{Badge:x}" : "")}{(Deleted ? " (deleted)" : "")}";
}

/// <summary>A place for a capability: a slot of a CNode, or (Node == null) held by the kernel.</summary>
public readonly record struct SlotRef(CNode? Node, int Index)
{
    public static SlotRef KernelHeld => default;
    public bool IsKernelHeld => Node is null;
    public Capability? Cap => Node?[Index];
    public SlotRef Offset(int delta) => new(Node, Index + delta);
}
