// Tlb: the per-vCPU translation cache that makes a guest memory access one compare.
//
// Layers: a direct-mapped main array (EntryCount entries, indexed by VA page number) that the
// fast path reads inline, and a small fully-associative victim array that catches conflict
// misses before a page-table walk. Both live in unmanaged memory owned by the vCPU; only the
// vCPU's own thread reads them. Other threads change them only through Vcpu.RequestTlbFlush,
// which the owner applies at its next block boundary, and RevokeWrite (under the TLB's lock).
//
// Entries are 32 bytes (the three tags and the addend, what the fast path reads), so the entry of
// a VA is Entries + ((va >> 7) & OffsetMask): a shift and an AND, no multiply. What only the slow
// paths need (physical page, ASID, global) sits in a parallel array, Infos.
//
// Size: a TLB starts with 2^MinEntryBits entries and grows (x2, up to 2^MaxEntryBits) when it has
// missed more than GrowAfterMisses times its size since it last changed size, as QEMU's softmmu
// TLB resizes with its use. The fast path reads the mask from CpuState.TlbOffsetMask, so short
// programs and the many address spaces of a shell keep small TLBs while xz -6's match finder,
// whose binary tree spans ~80 MiB of pages, gets 256 MiB of reach: a 16 MiB TLB missed 24 M
// times on the 8 MB workload (0.7 % of accesses; page walks were ~14 % of the run). The owner
// grows it between engine runs (Vcpu.RunLoop), when no entry pointer is held.
//
// Each entry holds one tag per kind of access. A tag is the VA of the page if that access is
// permitted, or InvalidTag. The fast path compares the tag with the page of the *last* byte of
// the access, while the entry was chosen by the page of the *first* byte: an access that
// straddles a page boundary therefore misses and takes the slow path, which faults on the right
// page. Permission is folded in by leaving a tag invalid (a read-only page has no write tag, a
// page holding translated code has no write tag so writes reach the invalidation hook, MMIO pages
// have no tags at all).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fast.Runtime;

[StructLayout(LayoutKind.Explicit, Size = 32)]
public struct TlbEntry
{
    public const ulong InvalidTag = ulong.MaxValue;

    [FieldOffset(0)] public ulong ReadTag;
    [FieldOffset(8)] public ulong WriteTag;
    [FieldOffset(16)] public ulong ExecTag;
    /// <summary>Host address = guest VA + Addend.</summary>
    [FieldOffset(24)] public long Addend;

    public readonly bool IsValid => ReadTag != InvalidTag || WriteTag != InvalidTag || ExecTag != InvalidTag;
    public readonly ulong Page => ReadTag != InvalidTag ? ReadTag : WriteTag != InvalidTag ? WriteTag : ExecTag;

    public void Invalidate()
    {
        ReadTag = WriteTag = ExecTag = InvalidTag;
    }
}

/// <summary>What the slow paths know of an entry: the guest physical page (for code-page invalidation
/// and region validation), the ASID and the global bit (for flushes by ASID), packed in one word.</summary>
public readonly record struct TlbEntryInfo(ulong PhysicalPage, ushort Asid, bool Global)
{
    public ulong Packed => (PhysicalPage & ~0xFFFUL & 0x0000_FFFF_FFFF_FFFFUL) | ((ulong)Asid << 48) | (Global ? 1UL : 0);
    public static ulong PhysicalPageOf(ulong packed) => packed & 0x0000_FFFF_FFFF_F000UL;
    public static ushort AsidOf(ulong packed) => (ushort)(packed >> 48);
    public static bool GlobalOf(ulong packed) => (packed & 1) != 0;
}

public sealed unsafe class Tlb : IDisposable
{
    /// <summary>log2 of the entries a new TLB has: 256 entries (1 MiB of reach) in 8 KiB. A vCPU has a
    /// TLB per recent ASID, most of them little used (`busybox true` made three of 4096 entries, 110 of
    /// its 3 000 host page faults); a busy one grows to 4096 entries after ~15 000 misses.</summary>
    public const int MinEntryBits = 8;
    /// <summary>log2 of the most entries a TLB grows to: 65536 (256 MiB of reach) in 2 MiB.</summary>
    public const int MaxEntryBits = 16;
    /// <summary>A TLB grows after missing this many times its entry count since its last size change.</summary>
    public const int GrowAfterMisses = 4;
    public const int VictimCount = 8;
    public const ulong PageMask = ~0xFFFUL;
    /// <summary>log2 of sizeof(TlbEntry): the fast path's shift is 12 - EntryShift.</summary>
    public const int EntryShift = 5;

    public TlbEntry* Entries { get; private set; }
    /// <summary>TlbEntryInfo.Packed of each entry, main array then victims (parallel to Entries).</summary>
    ulong* infos;
    TlbEntry* victims;
    int nextVictim;
    int entryBits;

    public int EntryCount => 1 << entryBits;
    public ulong IndexMask => (ulong)EntryCount - 1;
    /// <summary>The byte offset of va's entry is (va >> (12 - EntryShift)) & OffsetMask (CpuState.TlbOffsetMask).</summary>
    public ulong OffsetMask => IndexMask << EntryShift;

    // Physical pages (hashed, 4096 bits) that an entry with a write tag has ever held: RevokeWrite
    // scans the whole TLB only for these. A new code page is rarely writable, and scanning 4104
    // entries of every TLB of every vCPU for each page the decoder first reads was ~20 % of the
    // guest thread's host instructions in a short run. Bits are set before the entry is written
    // and never cleared (a stale bit costs one scan).
    readonly ulong[] writablePages = new ulong[64];
    // RevokeWrite (any thread) against a change of size (the owner): the arrays it scans stay allocated.
    readonly object resizeLock = new();

    public long Misses;
    public long VictimHits;
    /// <summary>Misses since the TLB last changed size (see GrowAfterMisses).</summary>
    public long MissesAtThisSize;

    /// <summary>The owning vCPU's CpuState.MapEpoch (or null): every invalidation renews it, which is
    /// how tier 1's chained links and jump table learn that a translation they checked may be gone.</summary>
    readonly ulong* epoch;

    public Tlb(ulong* mapEpoch = null, int entryBits = MinEntryBits)
    {
        epoch = mapEpoch;
        Allocate(entryBits);
    }

    void Allocate(int bits)
    {
        entryBits = bits;
        int total = EntryCount + VictimCount;
        Entries = (TlbEntry*)NativeMemory.AlignedAlloc((nuint)(sizeof(TlbEntry) * total), 64);
        infos = (ulong*)NativeMemory.AlignedAlloc((nuint)(sizeof(ulong) * total), 64);
        NativeMemory.Clear(infos, (nuint)(sizeof(ulong) * total));
        victims = Entries + EntryCount;
        nextVictim = 0;
        MissesAtThisSize = 0;
        FlushAll();
    }

    void Free()
    {
        NativeMemory.AlignedFree(Entries);
        NativeMemory.AlignedFree(infos);
        Entries = null;
        infos = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong IndexOf(ulong va) => (va >> 12) & IndexMask;

    /// <summary>The main-array entry of va (a pointer into the current arrays: do not keep it across a Grow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TlbEntry* EntryOf(ulong va) => Entries + IndexOf(va);

    /// <summary>The physical page an entry of this TLB (main or victim) maps.</summary>
    public ulong PhysicalPageOf(TlbEntry* e) => TlbEntryInfo.PhysicalPageOf(infos[e - Entries]);

    /// <summary>It missed GrowAfterMisses times its size and may still grow.</summary>
    public bool WantsToGrow => entryBits < MaxEntryBits && MissesAtThisSize > (long)GrowAfterMisses << entryBits;

    /// <summary>Doubles the entry count, dropping every translation (owner thread, holding no entry pointer).</summary>
    public void Grow()
    {
        if (entryBits >= MaxEntryBits) return;
        lock (resizeLock)
        {
            Free();
            Allocate(entryBits + 1);
        }
    }

    /// <summary>Looks in the victim array for the page of va; on a hit swaps it into the main array.</summary>
    public bool TryRefillFromVictim(ulong va)
    {
        ulong page = va & PageMask;
        for (int i = 0; i < VictimCount; i++)
        {
            ref TlbEntry v = ref victims[i];
            if (v.IsValid && v.Page == page)
            {
                ulong index = IndexOf(va);
                ref TlbEntry main = ref Entries[index];
                (main, v) = (v, main);
                (infos[index], infos[EntryCount + i]) = (infos[EntryCount + i], infos[index]);
                VictimHits++;
                return true;
            }
        }
        return false;
    }

    /// <summary>Installs a translation, moving the entry it displaces into the victim array.</summary>
    public void Install(in TlbEntry entry, in TlbEntryInfo info, ulong va)
    {
        if (entry.WriteTag != TlbEntry.InvalidTag)
        {
            int bit = (int)(info.PhysicalPage >> 12) & 4095;
            if ((Volatile.Read(ref writablePages[bit >> 6]) & (1UL << bit)) == 0) Interlocked.Or(ref writablePages[bit >> 6], 1UL << bit);
        }
        ulong index = IndexOf(va);
        ref TlbEntry main = ref Entries[index];
        if (main.IsValid && main.Page != (va & PageMask))
        {
            victims[nextVictim] = main;
            infos[EntryCount + nextVictim] = infos[index];
            nextVictim = (nextVictim + 1) % VictimCount;
        }
        infos[index] = info.Packed;
        main = entry;
    }

    void Invalidated()
    {
        if (epoch != null) Volatile.Write(ref *epoch, NextEpoch());
    }

    static long lastEpoch;

    /// <summary>
    /// A MapEpoch value no vCPU has had before (never 0): epochs are unique across vCPUs, so a link
    /// slot shared by regions of several vCPUs, checked by one at epoch E, can match only that vCPU
    /// while its mapping is unchanged.
    /// </summary>
    public static ulong NextEpoch() => (ulong)Interlocked.Increment(ref lastEpoch);

    public void FlushAll()
    {
        Invalidated();
        for (int i = 0; i < EntryCount + VictimCount; i++) Entries[i].Invalidate();
    }

    /// <summary>TLBI ASIDE1: drops the non-global entries of one address space.</summary>
    public void FlushAsid(ushort asid)
    {
        Invalidated();
        for (int i = 0; i < EntryCount + VictimCount; i++)
            if (!TlbEntryInfo.GlobalOf(infos[i]) && TlbEntryInfo.AsidOf(infos[i]) == asid) Entries[i].Invalidate();
    }

    /// <summary>TLBI VAE1: drops the entries translating the page of va (any ASID if asid is null).
    /// A page can only sit in its own main slot or in the victim array, so this looks at nine entries.</summary>
    public void FlushPage(ulong va, ushort? asid = null)
    {
        ulong page = va & PageMask;
        Invalidated();
        FlushIfMatches((int)IndexOf(va), page, asid);
        for (int i = 0; i < VictimCount; i++) FlushIfMatches(EntryCount + i, page, asid);
    }

    void FlushIfMatches(int i, ulong page, ushort? asid)
    {
        ref TlbEntry e = ref Entries[i];
        ulong info = infos[i];
        if (e.IsValid && e.Page == page && (asid is null || TlbEntryInfo.GlobalOf(info) || TlbEntryInfo.AsidOf(info) == asid)) e.Invalidate();
    }

    /// <summary>Removes write permission from every entry mapping a physical page (it now holds code). Any thread.</summary>
    public void RevokeWrite(ulong physicalPage)
    {
        int bit = (int)(physicalPage >> 12) & 4095;
        if ((Volatile.Read(ref writablePages[bit >> 6]) & (1UL << bit)) == 0) return;   // no entry ever had write permission to it
        lock (resizeLock)
        {
            if (Entries == null) return;   // disposed
            for (int i = 0; i < EntryCount + VictimCount; i++)
                if (TlbEntryInfo.PhysicalPageOf(infos[i]) == physicalPage) Entries[i].WriteTag = TlbEntry.InvalidTag;
        }
    }

    public void Dispose()
    {
        lock (resizeLock) if (Entries != null) Free();
    }
}
