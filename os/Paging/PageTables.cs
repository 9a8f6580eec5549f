// PageTables: the kernel's map and unmap on capabilities (Barrelfish's vnode_map/vnode_unmap):
// put a child VNode or a run of a frame's pages into consecutive slots of one table, writing
// real descriptors into guest RAM and recording the Mapping in the shadow table and on the
// mapped capability. VSpace builds whole address spaces from these; CapSystem calls the
// removal half when a capability or a table goes away.
// Locking: every method runs under CapSystem.Lock (the public ones take it).
using Fast.Os.Capabilities;

namespace Fast.Os.Paging;

public static class PageTables
{
    /// <summary>Maps src into count slots of table from slot. For a frame, offset is the byte offset
    /// of the first page; for a VNode, count is 1 and offset 0.</summary>
    public static Err Map(CapSystem sys, Capability table, Capability src, int slot, MapFlags flags, ulong offset, int count, out Mapping mapping)
    {
        mapping = null!;
        lock (sys.Lock)
        {
            if (table.Deleted || src.Deleted) return Err.CapDeleted;
            if (!table.Type.IsVNode()) return Err.WrongCapType;
            var info = src.Type.Info();
            if (!info.Mappable) return Err.NotMappable;
            if (info.MapsInto != table.Type) return Err.VNodeLevelMismatch;
            if (count < 1 || slot < 0 || slot + count > Descriptors.Entries) return Err.MappingOutOfBounds;
            var vnode = table.AsVNode;
            bool isTable = src.Type.IsVNode();
            if (isTable)
            {
                if (count != 1 || offset != 0) return Err.MappingOutOfBounds;
                if (src.AsVNode.parentMapping != null) return Err.AlreadyMapped;
            }
            else
            {
                if (offset % Descriptors.PageSize != 0) return Err.InvalidOffset;
                // offset + count pages > src.Size, without overflow (and without UInt128, whose use keeps
                // ReadyToRun from precompiling the method: it was JIT-compiled at every start).
                if (count < 0 || offset > src.Size || (ulong)count * Descriptors.PageSize > src.Size - offset) return Err.MappingOutOfBounds;
                if ((flags & MapFlags.Read) == 0) return Err.MappingNotReadable;
                var need = CapRights.Read | ((flags & MapFlags.Write) != 0 ? CapRights.Write : 0) | ((flags & MapFlags.Execute) != 0 ? CapRights.Execute : 0);
                if ((src.Rights & need) != need) return Err.InsufficientRights;
                if (src.Type == CapType.DevFrame) flags |= MapFlags.Device;
            }
            for (int i = slot; i < slot + count; i++)
                if (vnode.shadow[i] != null) return Err.AlreadyMapped;

            mapping = new Mapping(vnode, slot, count, src, offset, isTable ? MapFlags.None : flags);
            (src.mappings ??= new()).Add(mapping);
            if (isTable) src.AsVNode.parentMapping = mapping;
            for (int i = slot; i < slot + count; i++)
            {
                vnode.shadow[i] = mapping;
                WriteEntry(sys, vnode, i, isTable ? Descriptors.TableDescriptor(src.Base) : Descriptors.PageDescriptor(mapping.PhysicalAddress(i), flags));
            }
            return Err.Ok;
        }
    }

    /// <summary>Clears count slots of table from slot, splitting mappings that extend beyond them.
    /// Returns how many slots held something.</summary>
    public static Err Unmap(CapSystem sys, Capability table, int slot, int count, out int cleared)
    {
        cleared = 0;
        lock (sys.Lock)
        {
            if (table.Deleted) return Err.CapDeleted;
            if (!table.Type.IsVNode()) return Err.WrongCapType;
            if (count < 1 || slot < 0 || slot + count > Descriptors.Entries) return Err.MappingOutOfBounds;
            var vnode = table.AsVNode;
            for (int i = slot; i < slot + count;)
            {
                if (vnode.shadow[i] is not { } m) { i++; continue; }
                int to = Math.Min(slot + count, m.Slot + m.Count);
                cleared += to - i;
                RemoveSlots(sys, m, i, to);
                i = to;
            }
            return Err.Ok;
        }
    }

    /// <summary>Rewrites the permissions of count mapped slots (mprotect); holes are skipped.</summary>
    public static Err Protect(CapSystem sys, Capability table, int slot, int count, MapFlags flags)
    {
        lock (sys.Lock)
        {
            if (table.Deleted) return Err.CapDeleted;
            var vnode = table.AsVNode;
            if (vnode.Level != 3) return Err.WrongCapType;
            if (count < 1 || slot < 0 || slot + count > Descriptors.Entries) return Err.MappingOutOfBounds;
            for (int i = slot; i < slot + count; i++)
            {
                if (vnode.shadow[i] is not { } m) continue;
                var need = CapRights.Read | ((flags & MapFlags.Write) != 0 ? CapRights.Write : 0) | ((flags & MapFlags.Execute) != 0 ? CapRights.Execute : 0);
                if ((m.Source.Rights & need) != need) return Err.InsufficientRights;
            }
            for (int i = slot; i < slot + count;)
            {
                if (vnode.shadow[i] is not { } m) { i++; continue; }
                int to = Math.Min(slot + count, m.Slot + m.Count);
                var piece = Isolate(m, i, to);
                piece.Flags = flags | (piece.Source.Type == CapType.DevFrame ? MapFlags.Device : 0);
                for (int k = i; k < to; k++) WriteEntry(sys, vnode, k, Descriptors.PageDescriptor(piece.PhysicalAddress(k), piece.Flags));
                Invalidate(sys, vnode, i, to - i);
                i = to;
            }
            return Err.Ok;
        }
    }

    /// <summary>Removes every mapping made through cap (the cap is being deleted).</summary>
    internal static void RemoveMappingsOf(CapSystem sys, Capability cap)
    {
        if (cap.mappings == null) return;
        foreach (var m in cap.mappings.ToArray()) RemoveSlots(sys, m, m.Slot, m.Slot + m.Count);
    }

    /// <summary>Clears every entry of a table whose object is being destroyed.</summary>
    internal static void ClearTable(CapSystem sys, VNode vnode)
    {
        for (int i = 0; i < Descriptors.Entries; i++)
            if (vnode.shadow[i] is { } m) RemoveSlots(sys, m, m.Slot, m.Slot + m.Count);
    }

    /// <summary>Clears slots [from, to) of m, keeping the parts of m outside them.</summary>
    static void RemoveSlots(CapSystem sys, Mapping m, int from, int to)
    {
        var piece = Isolate(m, from, to);
        var table = piece.Table;
        for (int i = from; i < to; i++)
        {
            table.shadow[i] = null;
            WriteEntry(sys, table, i, 0);
        }
        piece.Source.mappings!.Remove(piece);
        if (piece.Source.Object.Payload is VNode child && child.parentMapping == piece) child.parentMapping = null;
        Invalidate(sys, table, from, to - from);
    }

    /// <summary>Splits m so that slots [from, to) form one mapping of their own, and returns it.</summary>
    static Mapping Isolate(Mapping m, int from, int to)
    {
        int end = m.Slot + m.Count;
        var table = m.Table;
        if (to < end)
        {
            var right = new Mapping(table, to, end - to, m.Source, m.Offset + (ulong)(to - m.Slot) * Descriptors.PageSize, m.Flags);
            m.Source.mappings!.Add(right);
            for (int i = to; i < end; i++) table.shadow[i] = right;
            m.Count = to - m.Slot;
        }
        if (from > m.Slot)
        {
            var middle = new Mapping(table, from, to - from, m.Source, m.Offset + (ulong)(from - m.Slot) * Descriptors.PageSize, m.Flags);
            m.Source.mappings!.Add(middle);
            for (int i = from; i < to; i++) table.shadow[i] = middle;
            m.Count = from - m.Slot;
            return middle;
        }
        return m;
    }

    static unsafe void WriteEntry(CapSystem sys, VNode table, int slot, ulong descriptor)
    {
        ulong pa = table.TablePa + (ulong)slot * 8;
        Volatile.Write(ref *(ulong*)sys.Ram.HostPointer(pa), descriptor);
    }

    static void Invalidate(CapSystem sys, VNode table, int slot, int count)
    {
        var top = table.Position(out ulong vaBase);
        if (top.Level != 0) return;   // not reachable from a root: nothing can be cached
        ulong span = Descriptors.EntrySpan(table.Level);
        sys.RaiseInvalidate(new TlbInvalidation(top.TablePa, vaBase + (ulong)slot * span, (ulong)count * span));
    }
}
