// CapSystem: the capability system of one kernel instance — the derivation database and the
// operations on it (create original, retype, copy, mint, delete, revoke; map and unmap live in
// Paging/PageTables and are called with the same lock).
//
// Layers: CapTypes (the rules, as data) < CapObject/Capability/CNode (the database) < CapSystem
// (operations on Capability references, used by kernel code) < CSpace (the same operations named
// by capability addresses, as a process names them). The memory manager and the page-table code
// sit above this file and reach memory only through retype.
//
// Derivation: originals (RAM, DevFrame, Irq) are roots made at boot. Retype carves new objects
// out of a range of its source and refuses any range that overlaps an existing child (Barrelfish:
// retype only where no descendant exists); copy and mint add copies of the same object. Delete
// removes one copy; removing the last runs the type's cleanup (a CNode deletes its slots, a VNode
// unmaps its entries) and, once nothing derived from it remains, unlinks the object so its range
// is free for retype again. Revoke deletes every other copy and every descendant, exactly.
//
// Cores: there is one CapSystem per core kernel (the multikernel: each core's capability
// operations run against its own database, under its own lock). Capabilities cross cores only as
// serialized descriptions relayed by the kernels, and revoke reaches other cores by messages:
// CapSystem.Remote.cs. An address space's page tables are in the database of its home core (the
// core it was made on); other cores ask that core by message (Kernel/HomeCalls.cs).
//
// Locking: Lock is the kernel lock of this core. It guards the whole database, every CNode slot,
// every VNode shadow table and the descriptors the kernel writes. Every public operation takes it
// (Monitor is re-entrant, so layered calls are fine). The memory manager uses the same lock.
// Descriptor writes are single aligned 64-bit stores, so a vCPU walking concurrently sees either
// the old or the new entry; TlbInvalidate tells the kernel which translations to drop.
using Fast.Os.Paging;
using Fast.Runtime;

namespace Fast.Os.Capabilities;

public sealed partial class CapSystem
{
    public PhysicalMemory Ram { get; }
    /// <summary>The kernel lock of this core (see the header).</summary>
    public object Lock { get; } = new();
    readonly List<CapObject> roots = new();   // guarded by Lock

    /// <summary>Raised (under Lock) after descriptors were removed: translations to drop.</summary>
    public event Action<TlbInvalidation>? TlbInvalidate;

    /// <summary>The core whose kernel owns this database (relays name objects by core and id).</summary>
    public int CoreId { get; }

    public CapSystem(PhysicalMemory ram, int coreId = 0)
    {
        Ram = ram;
        CoreId = coreId;
    }

    public IReadOnlyList<CapObject> Roots { get { lock (Lock) return roots.ToArray(); } }

    /// <summary>Boot only: creates an original capability (a derivation-tree root).</summary>
    public Err CreateOriginal(CapType type, ulong @base, ulong size, SlotRef dest, out Capability cap)
    {
        cap = null!;
        var info = type.Info();
        if (!info.Original) return Err.NotOriginalType;
        if (type == CapType.Irq) { if (size != 1) return Err.InvalidObjectSize; }
        else
        {
            if (type.CheckObjectSize(size) is var e && e != Err.Ok) return e;
            if (@base % CapTypes.PageSize != 0 || @base + size < @base) return Err.InvalidOffset;
            bool isRam = Ram.IsRam(@base, size);
            if (type == CapType.Ram && !isRam) return Err.InvalidRange;
            if (type == CapType.DevFrame && @base < Ram.Size) return Err.InvalidRange;
        }
        lock (Lock)
        {
            foreach (var r in roots)
                if (r.Type == type && @base < r.Base + r.Size && r.Base < @base + size) return Err.RetypeOverlap;
            if (!dest.IsKernelHeld && dest.Node!.CheckFree(dest.Index, 1) is var f && f != Err.Ok) return f;
            var obj = new CapObject(this, type, @base, size);
            roots.Add(obj);
            cap = AddCopy(obj, CapRights.All, 0, dest);
            return Err.Ok;
        }
    }

    /// <summary>
    /// Carves count objects of objSize bytes, starting offset bytes into src, and places their
    /// capabilities in count consecutive slots from dest (or holds them in the kernel).
    /// </summary>
    public Err Retype(Capability src, ulong offset, CapType type, ulong objSize, int count, SlotRef dest, out Capability[] created)
    {
        created = [];
        NoteCaller();
        lock (Lock)
        {
            if (src.Deleted) return Err.CapDeleted;
            if (!src.Type.CanRetypeInto(type)) return Err.IllegalRetype;
            if (count < 1) return Err.InvalidCount;
            if (type.CheckObjectSize(objSize) is var e && e != Err.Ok) return e;
            var info = type.Info();
            var parent = src.Object;
            if (info.HasMemory)
            {
                if (offset % CapTypes.PageSize != 0) return Err.InvalidOffset;
                // offset + objSize * count > src.Size, without overflow (and without UInt128, whose use
                // keeps ReadyToRun from precompiling the method: it is JIT-compiled at every start).
                ulong high = Math.BigMul(objSize, (ulong)count, out ulong bytes);
                if (high != 0 || bytes > src.Size || offset > src.Size - bytes) return Err.RetypeOutOfBounds;
                ulong start = src.Base + offset, length = bytes;
                if (parent.OverlappingChild(start, length) != null) return Err.RetypeOverlap;
            }
            else if (offset != 0) return Err.InvalidOffset;
            if (!dest.IsKernelHeld && dest.Node!.CheckFree(dest.Index, count) is var f && f != Err.Ok) return f;

            created = new Capability[count];
            for (int i = 0; i < count; i++)
            {
                ulong b = info.HasMemory ? src.Base + offset + objSize * (ulong)i : src.Base;
                var obj = new CapObject(this, type, b, objSize);
                if (info.ZeroOnRetype) Zero(b, objSize);
                obj.Payload = type switch
                {
                    CapType.CNode => new CNode(obj),
                    _ when type.IsVNode() => new VNode(obj, type.VNodeLevel()),
                    _ => null,
                };
                parent.AddChild(obj);
                created[i] = AddCopy(obj, CapRights.All, 0, dest.IsKernelHeld ? dest : dest.Offset(i));
            }
            return Err.Ok;
        }
    }

    /// <summary>A new copy of src (same object, rights and badge).</summary>
    public Err Copy(Capability src, SlotRef dest, out Capability copy) => Derive(src, dest, src.Rights, src.Badge, out copy);

    /// <summary>A copy with rights reduced to rights ∩ src.Rights and, for endpoints, a badge.</summary>
    public Err Mint(Capability src, SlotRef dest, CapRights rights, ulong badge, out Capability copy)
    {
        copy = null!;
        if (badge != 0)
        {
            if (src.Type != CapType.Endpoint) return Err.BadgeNotAllowed;
            if (src.Badge != 0) return Err.AlreadyBadged;
        }
        return Derive(src, dest, src.Rights & rights, badge != 0 ? badge : src.Badge, out copy);
    }

    Err Derive(Capability src, SlotRef dest, CapRights rights, ulong badge, out Capability copy)
    {
        copy = null!;
        NoteCaller();
        lock (Lock)
        {
            if (src.Deleted) return Err.CapDeleted;
            if (!dest.IsKernelHeld && dest.Node!.CheckFree(dest.Index, 1) is var f && f != Err.Ok) return f;
            copy = AddCopy(src.Object, rights, badge, dest);
            return Err.Ok;
        }
    }

    Capability AddCopy(CapObject obj, CapRights rights, ulong badge, SlotRef dest)
    {
        var cap = new Capability(obj, rights, badge);
        obj.copies.Add(cap);
        dest.Node?.Put(dest.Index, cap);
        return cap;
    }

    unsafe void Zero(ulong pa, ulong size)
    {
        // A byte written to each page first: the host then gives a never-touched page as a fresh
        // zero page. Span.Clear reads the page before writing it, which maps the shared zero page and
        // then takes a copy-on-write fault whose TLB flush interrupts every CPU running Fast's threads
        // (~30 % of `busybox true`'s TLB flushes; costly under virtualisation).
        if (Ram.IsRam(pa, size))
            for (ulong page = pa & ~(PhysicalMemory.PageSize - 1); page < pa + size; page += PhysicalMemory.PageSize)
                *Ram.HostPointer(Math.Max(page, pa)) = 0;
        const ulong chunk = 1UL << 30;
        for (ulong done = 0; done < size; done += chunk)
            Ram.Span(pa + done, (int)Math.Min(chunk, size - done)).Clear();
    }

    // ---- queries ----

    /// <summary>All objects derived (transitively) from cap's object.</summary>
    public List<CapObject> Descendants(Capability cap)
    {
        lock (Lock)
        {
            var list = new List<CapObject>();
            var stack = new Stack<CapObject>(cap.Object.ChildArray());
            while (stack.Count > 0)
            {
                var o = stack.Pop();
                list.Add(o);
                foreach (var c in o.ChildArray()) stack.Push(c);
            }
            return list;
        }
    }

    public bool HasDescendants(Capability cap) { lock (Lock) return cap.Object.ChildCount > 0; }

    internal void RaiseInvalidate(in TlbInvalidation inv) => TlbInvalidate?.Invoke(inv);
}
