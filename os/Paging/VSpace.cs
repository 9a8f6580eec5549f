// VSpace: the page tables of one address space, built only from VNode capabilities retyped from
// RAM the memory manager hands out. Map(va, frame) finds or creates the L1..L3 tables on the way
// (each a 4 KiB RAM allocation retyped into a VNode and mapped into its parent) and maps the
// frame's pages in runs of one L3 table each; Unmap(va, size) clears whatever is mapped in the
// range, splitting mappings at the edges. Translate reads the shadow tables, not guest RAM.
// Intermediate tables are kept until Destroy (as Linux keeps empty page-table pages).
// Locking: all state is guarded by CapSystem.Lock, taken by every public method (which counts a
// caller on another core's thread: CapSystem.ForeignCallers, 0 in a multikernel); the RAM
// allocator may be called with it held (the memory manager uses the same lock).
using Fast.Os.Capabilities;
using Fast.Os.Memory;

namespace Fast.Os.Paging;

public sealed class VSpace
{
    public const ulong UserLimit = 1UL << 48;
    readonly CapSystem sys;
    readonly IRamAllocator ram;
    readonly List<(Capability Ram, Capability Table)> tables = new();   // guarded by sys.Lock

    VSpace(CapSystem sys, IRamAllocator ram, ushort asid, Capability ramCap, Capability root)
    {
        this.sys = sys;
        this.ram = ram;
        Asid = asid;
        Root = root;
        tables.Add((ramCap, root));
    }

    /// <summary>Makes an empty address space: one L0 table.</summary>
    public static Err Create(CapSystem sys, IRamAllocator ram, ushort asid, out VSpace vspace)
    {
        vspace = null!;
        lock (sys.Lock)
        {
            sys.NoteCaller();
            if (NewTable(sys, ram, 0, out var ramCap, out var root) is var e && e != Err.Ok) return e;
            vspace = new VSpace(sys, ram, asid, ramCap, root);
            return Err.Ok;
        }
    }

    public Capability Root { get; }
    public ushort Asid { get; }
    public ulong RootPa => Root.Base;
    /// <summary>The TTBR0_EL1 value: table address and ASID in bits 63:48.</summary>
    public ulong Ttbr0 => RootPa | ((ulong)Asid << 48);
    public int TableCount { get { lock (sys.Lock) return tables.Count; } }

    /// <summary>Maps size bytes of frame from offset at va (size 0: the rest of the frame).</summary>
    public Err Map(ulong va, Capability frame, MapFlags flags, ulong offset = 0, ulong size = 0)
    {
        lock (sys.Lock)
        {
            sys.NoteCaller();
            if (frame.Deleted) return Err.CapDeleted;
            if (size == 0) size = offset < frame.Size ? frame.Size - offset : 0;
            if (CheckRange(va, size) is var e && e != Err.Ok) return e;
            if (!frame.Type.Info().Mappable || frame.Type.IsVNode()) return Err.NotMappable;
            if (offset > frame.Size || size > frame.Size - offset) return Err.MappingOutOfBounds;   // offset + size > frame.Size (no UInt128: see PageTables.Map)
            for (ulong p = va; p < va + size; p += Descriptors.PageSize)
                if (Lookup(p, out _, out _)) return Err.AlreadyMapped;

            for (ulong done = 0; done < size;)
            {
                ulong at = va + done;
                int index = Descriptors.Index(at, 3);
                int count = (int)Math.Min((ulong)(Descriptors.Entries - index), (size - done) / Descriptors.PageSize);
                var err = EnsureTable(at, out var l3);
                if (err == Err.Ok) err = PageTables.Map(sys, l3, frame, index, flags, offset + done, count, out _);
                if (err != Err.Ok)
                {
                    if (done > 0) Unmap(va, done, out _);
                    return err;
                }
                done += (ulong)count * Descriptors.PageSize;
            }
            return Err.Ok;
        }
    }

    /// <summary>Unmaps every page mapped in [va, va + size); holes are fine.</summary>
    public Err Unmap(ulong va, ulong size, out int pagesUnmapped)
    {
        pagesUnmapped = 0;
        lock (sys.Lock)
        {
            sys.NoteCaller();
            if (CheckRange(va, size) is var e && e != Err.Ok) return e;
            return ForEachL3Run(va, size, (Capability l3, int index, int count, out int n) => PageTables.Unmap(sys, l3, index, count, out n), out pagesUnmapped);
        }
    }

    /// <summary>Changes the permissions of every page mapped in the range (mprotect).</summary>
    public Err Protect(ulong va, ulong size, MapFlags flags)
    {
        lock (sys.Lock)
        {
            sys.NoteCaller();
            if (CheckRange(va, size) is var e && e != Err.Ok) return e;
            if ((flags & MapFlags.Read) == 0) return Err.MappingNotReadable;
            return ForEachL3Run(va, size, (Capability l3, int index, int count, out int n) => { n = 0; return PageTables.Protect(sys, l3, index, count, flags); }, out _);
        }
    }

    /// <summary>The kernel's view of a translation, from the shadow tables.</summary>
    public bool TryTranslate(ulong va, out ulong pa, out MapFlags flags)
    {
        lock (sys.Lock)
        {
            sys.NoteCaller();
            bool ok = Lookup(va & ~(Descriptors.PageSize - 1), out var m, out int slot);
            pa = ok ? m!.PhysicalAddress(slot) + (va & (Descriptors.PageSize - 1)) : 0;
            flags = ok ? m!.Flags : MapFlags.None;
            return ok;
        }
    }

    /// <summary>Deletes every table (and with them every mapping) and returns their RAM.</summary>
    public void Destroy()
    {
        lock (sys.Lock)
        {
            sys.NoteCaller();
            for (int i = tables.Count - 1; i >= 0; i--)
            {
                var (ramCap, table) = tables[i];
                if (!table.Deleted) sys.Delete(table);
                ram.Free(ramCap);
            }
            tables.Clear();
        }
    }

    // ---- internals (sys.Lock held) ----

    static Err CheckRange(ulong va, ulong size)
    {
        if (va % Descriptors.PageSize != 0 || size % Descriptors.PageSize != 0 || size == 0) return Err.VaNotAligned;
        if (va >= UserLimit || size > UserLimit - va) return Err.VaOutOfRange;
        return Err.Ok;
    }

    bool Lookup(ulong va, out Mapping? leaf, out int slot)
    {
        var table = Root.AsVNode;
        for (int level = 0; ; level++)
        {
            slot = Descriptors.Index(va, level);
            leaf = table.shadow[slot];
            if (leaf == null) return false;
            if (level == 3) return true;
            table = leaf.Source.AsVNode;
        }
    }

    /// <summary>An operation on count slots of an L3 table from index; done: the pages it changed.
    /// (A delegate of Fast's own: Func returning an (Err, int) tuple made the runtime JIT-compile the
    /// tuple's constructor, a framework generic over Fast's enum, at the first munmap.)</summary>
    delegate Err L3RunOp(Capability table, int index, int count, out int done);

    /// <summary>Calls op for each run of slots of one existing L3 table in the range.</summary>
    Err ForEachL3Run(ulong va, ulong size, L3RunOp op, out int total)
    {
        total = 0;
        for (ulong at = va, end = va + size; at < end;)
        {
            var (table, level) = Deepest(at);
            ulong span = Descriptors.EntrySpan(level);
            if (level < 3)
            {   // no table below: skip the hole this entry covers
                at = (at & ~(span - 1)) + span;
                continue;
            }
            int index = Descriptors.Index(at, 3);
            int count = (int)Math.Min((ulong)(Descriptors.Entries - index), (end - at) / Descriptors.PageSize);
            var err = op(table, index, count, out int n);
            if (err != Err.Ok) return err;
            total += n;
            at += (ulong)count * Descriptors.PageSize;
        }
        return Err.Ok;
    }

    /// <summary>The deepest existing table on va's path and its level.</summary>
    (Capability Table, int Level) Deepest(ulong va)
    {
        var cap = Root;
        for (int level = 0; level < 3; level++)
        {
            if (cap.AsVNode.shadow[Descriptors.Index(va, level)] is not { } m) return (cap, level);
            cap = m.Source;
        }
        return (cap, 3);
    }

    Err EnsureTable(ulong va, out Capability l3)
    {
        var cap = Root;
        for (int level = 0; level < 3; level++)
        {
            int index = Descriptors.Index(va, level);
            if (cap.AsVNode.shadow[index] is { } m) { cap = m.Source; continue; }
            if (NewTable(sys, ram, level + 1, out var ramCap, out var child) is var e && e != Err.Ok) { l3 = null!; return e; }
            tables.Add((ramCap, child));
            if (PageTables.Map(sys, cap, child, index, MapFlags.None, 0, 1, out _) is var f && f != Err.Ok) { l3 = null!; return f; }
            cap = child;
        }
        l3 = cap;
        return Err.Ok;
    }

    static Err NewTable(CapSystem sys, IRamAllocator ram, int level, out Capability ramCap, out Capability table)
    {
        table = null!;
        if (ram.Alloc(Descriptors.PageSize, Descriptors.PageSize, out ramCap) is var e && e != Err.Ok) return e;
        if (sys.Retype(ramCap, 0, CapTypes.VNodeOfLevel(level), Descriptors.PageSize, 1, SlotRef.KernelHeld, out var caps) is var f && f != Err.Ok)
        {
            ram.Free(ramCap);
            return f;
        }
        table = caps[0];
        return Err.Ok;
    }
}
