// SlabAllocator: fixed-size kernel objects in guest RAM (AIMv6's slab, Barrelfish's slab_alloc).
// Each slab is one aligned allocation from an IRamAllocator (the memory manager), cut into
// equal objects; a slab's base is found from an object's address by masking, and a bitmap per
// slab catches double frees. Alloc takes from the most recently touched slab with room and
// refills (one more slab) only when none has any; Shrink returns empty slabs.
// Objects are zeroed when handed out.
// Locking: gate guards every field. Order: gate, then the kernel lock (taken inside the RAM
// allocator); kernel code holding the kernel lock must not call into a slab.
using Fast.Os.Capabilities;
using Fast.Runtime;

namespace Fast.Os.Memory;

public readonly record struct SlabStats(int ObjectSize, int ObjectsPerSlab, int Slabs, int InUse, int Free,
    long Allocs, long Frees, long Refills);

public sealed class SlabAllocator
{
    readonly object gate = new();
    readonly IRamAllocator source;
    readonly PhysicalMemory ram;
    readonly Dictionary<ulong, Slab> slabs = new();   // by slab base; guarded by gate
    readonly List<Slab> withRoom = new();             // slabs with a free object; guarded by gate
    long allocs, frees, refills;                      // guarded by gate

    sealed class Slab(Capability cap, int objects)
    {
        public readonly Capability Cap = cap;
        public readonly ulong[] Used = new ulong[(objects + 63) / 64];
        public readonly Stack<int> FreeIndices = new(Enumerable.Range(0, objects).Reverse());
        public bool Listed = true;   // in withRoom
    }

    public SlabAllocator(IRamAllocator source, PhysicalMemory ram, int objectSize, ulong slabSize = CapTypes.PageSize)
    {
        if (!ulong.IsPow2(slabSize) || slabSize < CapTypes.PageSize) throw new OsException(Err.BadAlignment);
        if (objectSize < 8 || (ulong)objectSize > slabSize / 2) throw new OsException(Err.InvalidSlabObjectSize);
        this.source = source;
        this.ram = ram;
        ObjectSize = objectSize;
        SlabSize = slabSize;
        ObjectsPerSlab = (int)(slabSize / (ulong)objectSize);
    }

    public int ObjectSize { get; }
    public ulong SlabSize { get; }
    public int ObjectsPerSlab { get; }

    /// <summary>A zeroed object; its guest physical address.</summary>
    public Err Alloc(out ulong pa)
    {
        pa = 0;
        lock (gate)
        {
            if (withRoom.Count == 0 && Refill() is var e && e != Err.Ok) return e;
            var slab = withRoom[^1];
            int index = slab.FreeIndices.Pop();
            slab.Used[index / 64] |= 1UL << (index % 64);
            if (slab.FreeIndices.Count == 0)
            {
                withRoom.RemoveAt(withRoom.Count - 1);
                slab.Listed = false;
            }
            pa = slab.Cap.Base + (ulong)index * (ulong)ObjectSize;
            ram.Span(pa, ObjectSize).Clear();
            allocs++;
            return Err.Ok;
        }
    }

    public Err Free(ulong pa)
    {
        lock (gate)
        {
            if (!slabs.TryGetValue(pa & ~(SlabSize - 1), out var slab)) return Err.NotAllocated;
            ulong offset = pa - slab.Cap.Base;
            if (offset % (ulong)ObjectSize != 0 || offset / (ulong)ObjectSize >= (ulong)ObjectsPerSlab) return Err.NotAllocated;
            int index = (int)(offset / (ulong)ObjectSize);
            ulong bit = 1UL << (index % 64);
            if ((slab.Used[index / 64] & bit) == 0) return Err.DoubleFree;
            slab.Used[index / 64] &= ~bit;
            slab.FreeIndices.Push(index);
            if (!slab.Listed)
            {
                withRoom.Add(slab);
                slab.Listed = true;
            }
            frees++;
            return Err.Ok;
        }
    }

    /// <summary>Returns every completely free slab to the RAM allocator; how many went back.</summary>
    public int Shrink()
    {
        lock (gate)
        {
            int n = 0;
            for (int i = withRoom.Count - 1; i >= 0; i--)
            {
                var slab = withRoom[i];
                if (slab.FreeIndices.Count != ObjectsPerSlab) continue;
                withRoom.RemoveAt(i);
                slabs.Remove(slab.Cap.Base);
                source.Free(slab.Cap);
                n++;
            }
            return n;
        }
    }

    public SlabStats Stats
    {
        get
        {
            lock (gate)
            {
                int freeObjects = slabs.Values.Sum(s => s.FreeIndices.Count);
                return new SlabStats(ObjectSize, ObjectsPerSlab, slabs.Count, slabs.Count * ObjectsPerSlab - freeObjects, freeObjects, allocs, frees, refills);
            }
        }
    }

    Err Refill()
    {
        if (source.Alloc(SlabSize, SlabSize, out var cap) is var e && e != Err.Ok) return e;
        var slab = new Slab(cap, ObjectsPerSlab);
        slabs.Add(cap.Base, slab);
        withRoom.Add(slab);
        refills++;
        return Err.Ok;
    }
}
