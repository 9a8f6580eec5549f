// Tlb: the per-vCPU translation cache that makes a guest memory access one compare.
//
// Layers: a direct-mapped main array (EntryCount entries, indexed by VA page number) that the
// fast path reads inline, and a small fully-associative victim array that catches conflict
// misses before a page-table walk. Both live in unmanaged memory owned by the vCPU; only the
// vCPU's own thread reads them. Other threads change them only through Vcpu.RequestTlbFlush,
// which the owner applies at its next block boundary.
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

[StructLayout(LayoutKind.Explicit, Size = 48)]
public struct TlbEntry
{
    public const ulong InvalidTag = ulong.MaxValue;

    [FieldOffset(0)] public ulong ReadTag;
    [FieldOffset(8)] public ulong WriteTag;
    [FieldOffset(16)] public ulong ExecTag;
    /// <summary>Host address = guest VA + Addend.</summary>
    [FieldOffset(24)] public long Addend;
    /// <summary>Guest physical address of the page (for code-page invalidation and flushes).</summary>
    [FieldOffset(32)] public ulong PhysicalPage;
    [FieldOffset(40)] public ushort Asid;
    [FieldOffset(42)] public bool Global;

    public readonly bool IsValid => ReadTag != InvalidTag || WriteTag != InvalidTag || ExecTag != InvalidTag;
    public readonly ulong Page => ReadTag != InvalidTag ? ReadTag : WriteTag != InvalidTag ? WriteTag : ExecTag;

    public void Invalidate()
    {
        ReadTag = WriteTag = ExecTag = InvalidTag;
    }
}

public sealed unsafe class Tlb : IDisposable
{
    /// <summary>4096 entries cover 16 MiB: xz -6's dictionary walks missed the 1024-entry TLB
    /// (SoftMmu.Walk was 3.4 % of its vCPU time; 2 MB input 3.35 s -> 2.95 s), at 192 KiB per ASID.</summary>
    public const int EntryBits = 12;
    public const int EntryCount = 1 << EntryBits;
    public const ulong IndexMask = EntryCount - 1;
    public const int VictimCount = 8;
    public const ulong PageMask = ~0xFFFUL;

    public TlbEntry* Entries { get; }
    readonly TlbEntry* victims;
    int nextVictim;

    // Physical pages (hashed, 4096 bits) that an entry with a write tag has ever held: RevokeWrite
    // scans the whole TLB only for these. A new code page is rarely writable, and scanning 4104
    // entries of every TLB of every vCPU for each page the decoder first reads was ~20 % of the
    // guest thread's host instructions in a short run. Bits are set before the entry is written
    // and never cleared (a stale bit costs one scan).
    readonly ulong[] writablePages = new ulong[64];

    public long Misses;
    public long VictimHits;

    /// <summary>The owning vCPU's CpuState.MapEpoch (or null): every invalidation renews it, which is
    /// how tier 1's chained links and jump table learn that a translation they checked may be gone.</summary>
    readonly ulong* epoch;

    public Tlb(ulong* mapEpoch = null)
    {
        epoch = mapEpoch;
        Entries = (TlbEntry*)NativeMemory.AlignedAlloc((nuint)(sizeof(TlbEntry) * (EntryCount + VictimCount)), 64);
        victims = Entries + EntryCount;
        FlushAll();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong IndexOf(ulong va) => (va >> 12) & IndexMask;

    /// <summary>Looks in the victim array for the page of va; on a hit swaps it into the main array.</summary>
    public bool TryRefillFromVictim(ulong va)
    {
        ulong page = va & PageMask;
        for (int i = 0; i < VictimCount; i++)
        {
            ref TlbEntry v = ref victims[i];
            if (v.IsValid && v.Page == page)
            {
                ref TlbEntry main = ref Entries[IndexOf(va)];
                (main, v) = (v, main);
                VictimHits++;
                return true;
            }
        }
        return false;
    }

    /// <summary>Installs a translation, moving the entry it displaces into the victim array.</summary>
    public void Install(in TlbEntry entry, ulong va)
    {
        if (entry.WriteTag != TlbEntry.InvalidTag)
        {
            int bit = (int)(entry.PhysicalPage >> 12) & 4095;
            if ((Volatile.Read(ref writablePages[bit >> 6]) & (1UL << bit)) == 0) Interlocked.Or(ref writablePages[bit >> 6], 1UL << bit);
        }
        ref TlbEntry main = ref Entries[IndexOf(va)];
        if (main.IsValid && main.Page != (va & PageMask))
        {
            victims[nextVictim] = main;
            nextVictim = (nextVictim + 1) % VictimCount;
        }
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
            if (!Entries[i].Global && Entries[i].Asid == asid) Entries[i].Invalidate();
    }

    /// <summary>TLBI VAE1: drops the entries translating the page of va (any ASID if asid is null).
    /// A page can only sit in its own main slot or in the victim array, so this looks at nine entries.</summary>
    public void FlushPage(ulong va, ushort? asid = null)
    {
        ulong page = va & PageMask;
        Invalidated();
        FlushIfMatches(ref Entries[IndexOf(va)], page, asid);
        for (int i = 0; i < VictimCount; i++) FlushIfMatches(ref victims[i], page, asid);
    }

    static void FlushIfMatches(ref TlbEntry e, ulong page, ushort? asid)
    {
        if (e.IsValid && e.Page == page && (asid is null || e.Global || e.Asid == asid)) e.Invalidate();
    }

    /// <summary>Removes write permission from every entry mapping a physical page (it now holds code).</summary>
    public void RevokeWrite(ulong physicalPage)
    {
        int bit = (int)(physicalPage >> 12) & 4095;
        if ((Volatile.Read(ref writablePages[bit >> 6]) & (1UL << bit)) == 0) return;   // no entry ever had write permission to it
        for (int i = 0; i < EntryCount + VictimCount; i++)
            if (Entries[i].PhysicalPage == physicalPage) Entries[i].WriteTag = TlbEntry.InvalidTag;
    }

    public void Dispose() => NativeMemory.AlignedFree(Entries);
}
