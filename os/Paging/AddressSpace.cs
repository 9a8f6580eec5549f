// AddressSpace: one process's virtual memory — its page tables (a VSpace) and its VA regions
// (image segments, heap, stacks, mmap areas). A region says what may be there and with which
// permissions; the page tables say what is there now. ClassifyFault decides, for a faulting
// address, whether the fault is the process's error (SIGSEGV with SEGV_MAPERR outside every
// region, SEGV_ACCERR against the region's permissions) or the kernel's work (allocate the page
// lazily, copy on write, or nothing at all because another thread already resolved it).
// Locking: regionLock guards the region list. Order: regionLock, then the kernel lock (which
// VSpace takes); never call in here holding the kernel lock.
using Fast.Runtime;

namespace Fast.Os.Paging;

public enum RegionKind : byte { Image, Heap, Stack, Mmap }

public sealed record VaRegion(ulong Start, ulong Size, RegionKind Kind, MapFlags Protection, string Name)
{
    public ulong End => Start + Size;
    public bool Contains(ulong va) => va >= Start && va - Start < Size;
    public bool Allows(AccessKind access) => access switch
    {
        AccessKind.Read => (Protection & MapFlags.Read) != 0,
        AccessKind.Write => (Protection & MapFlags.Write) != 0,
        _ => (Protection & MapFlags.Execute) != 0,
    };
}

public enum FaultVerdict : byte
{
    /// <summary>Inside a region that allows the access, nothing mapped: allocate the page.</summary>
    Allocate,
    /// <summary>Mapped read-only in a writable region: copy on write.</summary>
    CopyOnWrite,
    /// <summary>Already mapped with the needed permission (another thread got there first): retry.</summary>
    Spurious,
    /// <summary>No region: SIGSEGV, si_code SEGV_MAPERR.</summary>
    MapError,
    /// <summary>The region forbids the access: SIGSEGV, si_code SEGV_ACCERR.</summary>
    AccessError,
}

/// <summary>Linux's layout of a 48-bit AArch64 user address space.</summary>
public static class VaLayout
{
    public const ulong Low = 0x1_0000;                       // vm.mmap_min_addr
    public const ulong ImageBase = 0x40_0000;                 // ET_EXEC default
    public const ulong PieBase = 0xAAAA_AAAA_0000;            // ELF_ET_DYN_BASE, 2/3 of TASK_SIZE
    public const ulong MmapTop = 0xFFFF_8000_0000;            // mmap grows down from below the stack gap
    public const ulong StackTop = 0xFFFF_FFFF_F000;
    public const ulong StackSize = 8UL << 20;                 // RLIMIT_STACK default
    public const int SegvMapErr = 1, SegvAccErr = 2;          // si_code values
}

public sealed class AddressSpace
{
    readonly object regionLock = new();
    readonly List<VaRegion> regions = new();   // sorted by Start, disjoint; guarded by regionLock

    public AddressSpace(VSpace tables) => Tables = tables;

    public VSpace Tables { get; }

    public IReadOnlyList<VaRegion> Regions { get { lock (regionLock) return regions.ToArray(); } }

    public Err AddRegion(ulong start, ulong size, RegionKind kind, MapFlags protection, string name, out VaRegion region)
    {
        region = null!;
        if (start % Descriptors.PageSize != 0 || size % Descriptors.PageSize != 0 || size == 0) return Err.VaNotAligned;
        if (start >= VSpace.UserLimit || size > VSpace.UserLimit - start) return Err.VaOutOfRange;
        lock (regionLock)
        {
            int i = UpperBound(start);
            if (i > 0 && regions[i - 1].End > start) return Err.RegionOverlap;
            if (i < regions.Count && regions[i].Start < start + size) return Err.RegionOverlap;
            region = new VaRegion(start, size, kind, protection, name);
            regions.Insert(i, region);
            return Err.Ok;
        }
    }

    /// <summary>Removes [start, start + size) from the regions, splitting those it cuts (munmap).
    /// The caller unmaps the pages.</summary>
    public Err RemoveRange(ulong start, ulong size)
    {
        if (start % Descriptors.PageSize != 0 || size % Descriptors.PageSize != 0 || size == 0) return Err.VaNotAligned;
        ulong end = start + size;
        lock (regionLock)
        {
            for (int i = regions.Count - 1; i >= 0; i--)
            {
                var r = regions[i];
                if (r.End <= start || r.Start >= end) continue;
                regions.RemoveAt(i);
                if (r.End > end) regions.Insert(i, r with { Start = end, Size = r.End - end });
                if (r.Start < start) regions.Insert(i, r with { Size = start - r.Start });
            }
            return Err.Ok;
        }
    }

    public VaRegion? FindRegion(ulong va)
    {
        lock (regionLock)
        {
            int i = UpperBound(va) - 1;
            return i >= 0 && regions[i].Contains(va) ? regions[i] : null;
        }
    }

    /// <summary>The lowest free range of size bytes, aligned, inside [min, max).</summary>
    public Err FindFree(ulong size, ulong min, ulong max, out ulong start, ulong alignment = Descriptors.PageSize)
    {
        start = 0;
        if (size == 0 || size % Descriptors.PageSize != 0 || !ulong.IsPow2(alignment)) return Err.VaNotAligned;
        lock (regionLock)
        {
            ulong candidate = (min + alignment - 1) & ~(alignment - 1);
            foreach (var r in regions)
            {
                if (r.End <= candidate) continue;
                if (r.Start >= candidate + size) break;
                candidate = (r.End + alignment - 1) & ~(alignment - 1);
            }
            if (candidate + size > max || candidate + size < candidate) return Err.NoVaSpace;
            start = candidate;
            return Err.Ok;
        }
    }

    /// <summary>Decides what a fault at va means; region is the region containing va, if any.</summary>
    public FaultVerdict ClassifyFault(ulong va, AccessKind access, out VaRegion? region)
    {
        region = FindRegion(va);
        if (region == null) return FaultVerdict.MapError;
        if (!region.Allows(access)) return FaultVerdict.AccessError;
        if (!Tables.TryTranslate(va, out _, out var flags)) return FaultVerdict.Allocate;
        bool permitted = access switch
        {
            AccessKind.Read => (flags & MapFlags.Read) != 0,
            AccessKind.Write => (flags & MapFlags.Write) != 0,
            _ => (flags & MapFlags.Execute) != 0,
        };
        if (permitted) return FaultVerdict.Spurious;
        return access == AccessKind.Write ? FaultVerdict.CopyOnWrite : FaultVerdict.AccessError;
    }

    int UpperBound(ulong va)
    {
        int lo = 0, hi = regions.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (regions[mid].Start <= va) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
