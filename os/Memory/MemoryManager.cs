// MemoryManager: the physical memory manager of one kernel (the course's libmm). RAM capabilities
// come in through AddRam and become regions; Alloc and AllocInRange choose a range first fit,
// aligned as asked, and return a new RAM capability retyped from the region's capability, so
// every byte handed out is also recorded in the derivation database. Free destroys the
// allocation's object (every copy and everything derived from it: frames, tables, mappings) and
// returns the range to the free list, where it merges with free neighbours of the same region.
//
// Layers: FreeList (sorted free blocks) < MemoryManager (regions, allocations, statistics) <
// SlabAllocator (small objects out of page-sized allocations). Bookkeeping nodes are C# values
// held in the free list and a dictionary, not guest memory: the GC already is their slab, so the
// guest-RAM SlabAllocator is for kernel objects that must live in guest RAM.
//
// Locking: the kernel lock (CapSystem.Lock) guards every field; it is the same lock because
// every allocation and free is also a capability operation (one lock, no ordering to get wrong).
using Fast.Os.Capabilities;

namespace Fast.Os.Memory;

public readonly record struct MmStats(ulong Total, ulong Free, ulong LargestFree, int Allocations, int FreeBlocks,
    long AllocCalls, long FreeCalls, long FailedAllocs)
{
    public ulong Allocated => Total - Free;
}

public sealed class MemoryManager : IRamAllocator
{
    public const ulong PageSize = CapTypes.PageSize;

    readonly CapSystem caps;
    readonly List<Capability> regions = new();                        // guarded by caps.Lock
    readonly FreeList free = new();                                   // guarded by caps.Lock
    // By object, not base: a range handed out (another core's share) may come back as a region of its
    // own, whose allocations can start at the same address.
    readonly Dictionary<CapObject, Allocation> allocated = new();     // guarded by caps.Lock
    ulong total;                                                      // guarded by caps.Lock
    ulong freeBytes;                                                  // guarded by caps.Lock

    /// <summary>Bytes free now (without walking the free list).</summary>
    public ulong FreeBytes => Volatile.Read(ref freeBytes);
    long allocCalls, freeCalls, failedAllocs;                         // guarded by caps.Lock

    // A class, not a struct: Dictionary<CapObject, Allocation> then shares the framework's precompiled
    // code for reference types instead of being JIT-compiled at every start.
    sealed record Allocation(CapObject Object, ulong Size, int Region);

    public MemoryManager(CapSystem caps) => this.caps = caps;
    /// <summary>The capability database the managed RAM and the allocations live in.</summary>
    public CapSystem Caps => caps;

    /// <summary>Hands a RAM capability (with nothing derived from it yet) to the manager.</summary>
    public Err AddRam(Capability ram)
    {
        lock (caps.Lock)
        {
            if (ram.Deleted) return Err.CapDeleted;
            if (ram.Type != CapType.Ram) return Err.WrongCapType;
            // A range this manager handed out (a core's share given to another core) may come back
            // as RAM of its own (a loan from that core, relayed): it is managed by nobody else here.
            bool handedOut = allocated.Keys.Any(o => o.Base <= ram.Base && ram.Base + ram.Size <= o.Base + o.Size);
            foreach (var r in regions)
                if (r.Object.Overlaps(ram.Base, ram.Size) && !handedOut) return Err.RamOverlap;
            if (ram.Object.Children.Count > 0) return Err.RamInUse;
            regions.Add(ram);
            free.Insert(new FreeBlock(ram.Base, ram.Size, regions.Count - 1));
            total += ram.Size;
            freeBytes += ram.Size;
            return Err.Ok;
        }
    }

    public Err Alloc(ulong size, ulong alignment, out Capability ram) => AllocInRange(size, alignment, 0, ulong.MaxValue, out ram);

    /// <summary>Allocates size bytes (rounded up to pages) aligned to alignment, inside [@base, limit).</summary>
    public Err AllocInRange(ulong size, ulong alignment, ulong @base, ulong limit, out Capability ram)
    {
        ram = null!;
        caps.NoteCaller();
        lock (caps.Lock)
        {
            allocCalls++;
            var e = TryAlloc(size, alignment, @base, limit, out ram);
            if (e != Err.Ok) failedAllocs++;
            return e;
        }
    }

    Err TryAlloc(ulong size, ulong alignment, ulong @base, ulong limit, out Capability ram)
    {
        ram = null!;
        if (size == 0) return Err.InvalidSize;
        if (alignment == 0) alignment = PageSize;
        if (!ulong.IsPow2(alignment) || alignment < PageSize) return Err.BadAlignment;
        if (@base >= limit) return Err.InvalidRange;
        if (size > ulong.MaxValue - PageSize) return Err.OutOfMemory;
        size = (size + PageSize - 1) & ~(PageSize - 1);

        for (int i = 0; i < free.Count; i++)
        {
            var b = free[i];
            if (b.End <= @base) continue;
            if (b.Base >= limit) break;
            ulong lo = Math.Max(b.Base, @base);
            ulong start = (lo + alignment - 1) & ~(alignment - 1);
            if (start < lo) continue;   // wrapped
            ulong end = start + size;
            if (end < start || end > b.End || end > limit) continue;

            var region = regions[b.Region];
            var err = caps.Retype(region, start - region.Base, CapType.Ram, size, 1, SlotRef.KernelHeld, out var created);
            if (err != Err.Ok) return err;
            free.Carve(i, start, size);
            allocated.Add(created[0].Object, new Allocation(created[0].Object, size, b.Region));
            freeBytes -= size;
            ram = created[0];
            return Err.Ok;
        }
        return Err.OutOfMemory;
    }

    /// <summary>Returns an allocation: deletes it with all its copies and descendants, then frees the range.</summary>
    public Err Free(Capability ram)
    {
        caps.NoteCaller();
        lock (caps.Lock)
        {
            if (ram.Type != CapType.Ram) return Err.WrongCapType;
            if (!allocated.TryGetValue(ram.Object, out var a))
                return ram.Deleted ? Err.DoubleFree : Err.NotAllocated;   // Free deletes: a live cap was never ours
            freeCalls++;
            caps.DestroyObject(a.Object);
            allocated.Remove(ram.Object);
            free.Insert(new FreeBlock(ram.Base, a.Size, a.Region));
            freeBytes += a.Size;
            return Err.Ok;
        }
    }

    public MmStats Stats
    {
        get
        {
            lock (caps.Lock)
            {
                ulong freeBytes = 0, largest = 0;
                foreach (var b in free.All)
                {
                    freeBytes += b.Size;
                    largest = Math.Max(largest, b.Size);
                }
                return new MmStats(total, freeBytes, largest, allocated.Count, free.Count, allocCalls, freeCalls, failedAllocs);
            }
        }
    }

    /// <summary>The free blocks, in address order (for tests and the shell).</summary>
    public IReadOnlyList<(ulong Base, ulong Size)> FreeBlocks
    {
        get { lock (caps.Lock) return free.All.Select(b => (b.Base, b.Size)).ToArray(); }
    }
}
