// The vCPU's TLBs, one per recently used ASID (the ARM ARM lets a TLB hold entries of several
// ASIDs at once; D8.13). Switching address space points CpuState.Tlb at that ASID's array, so a
// context switch keeps the translations of the thread it returns to instead of refilling them:
// the fast path stays one compare, with no ASID in it. At most CachedAsids arrays are kept; the
// least recently used one is flushed and reused.
//
// Invalidation: a TLB of an ASID that is current on this vCPU is flushed at once by its owner
// thread (or on request at the next block boundary); an ASID that is not current is marked stale
// by any thread and flushed when the vCPU next switches to it.
using Fast.Runtime.Observability;

namespace Fast.Runtime;

public sealed unsafe partial class Vcpu
{
    public const int CachedAsids = 16;

    // Arrays, not a Dictionary, LinkedList and ConcurrentDictionary over ushort: those instantiations
    // are JIT-compiled at every start (framework generics outside ReadyToRun's version bubble), and
    // CachedAsids entries are few enough for a linear search.
    readonly ushort[] usedAsids = new ushort[CachedAsids];   // most recent first; owner thread only
    readonly Tlb[] usedTlbs = new Tlb[CachedAsids];          // the TLB of usedAsids[i]; owner thread only
    int usedCount;                                           // owner thread only
    readonly ulong[] staleAsids = new ulong[65536 / 64];     // one bit per ASID; any thread sets, the owner clears
    Tlb currentTlb = null!;

    /// <summary>The TLB of the current ASID.</summary>
    public Tlb Tlb => currentTlb;

    /// <summary>
    /// Every TLB this vCPU holds (for revocations that concern all address spaces). Any thread may
    /// read it: it is an array the owner replaces (never changes) when it creates a TLB; a reused TLB
    /// keeps its object, so the array only grows, to CachedAsids.
    /// </summary>
    public IReadOnlyList<Tlb> AllTlbs => Volatile.Read(ref allTlbs);
    Tlb[] allTlbs = [];

    /// <summary>Marks an ASID's translations stale on this vCPU; any thread may call it.</summary>
    public void MarkAsidStale(ushort asid) => Interlocked.Or(ref staleAsids[asid >> 6], 1UL << (asid & 63));

    void SelectTlb(ushort asid)
    {
        int at = usedCount - 1;
        while (at >= 0 && usedAsids[at] != asid) at--;
        Tlb tlb;
        if (at < 0)
        {
            if (usedCount >= CachedAsids)
            {
                at = usedCount - 1;   // the least recently used gives up its TLB
                tlb = usedTlbs[at];
                tlb.FlushAll();
            }
            else
            {
                tlb = new Tlb(&State->MapEpoch);
                Volatile.Write(ref allTlbs, [.. allTlbs, tlb]);
                at = usedCount++;
            }
        }
        else tlb = usedTlbs[at];
        // Move to the front (most recent first).
        Array.Copy(usedAsids, 0, usedAsids, 1, at);
        Array.Copy(usedTlbs, 0, usedTlbs, 1, at);
        usedAsids[0] = asid;
        usedTlbs[0] = tlb;
        ulong bit = 1UL << (asid & 63);
        if ((Interlocked.And(ref staleAsids[asid >> 6], ~bit) & bit) != 0) tlb.FlushAll();
        currentTlb = tlb;
        PointStateAtTlb();
        State->MapEpoch = Tlb.NextEpoch();   // another address space: nothing validated under the old one holds
    }

    void PointStateAtTlb()
    {
        State->Tlb = currentTlb.Entries;
        State->TlbOffsetMask = currentTlb.OffsetMask;
    }

    /// <summary>
    /// Grows the current TLB if it has missed enough (Tlb.WantsToGrow). Called by the owner between
    /// engine runs, when neither tier holds a pointer into the entries.
    /// </summary>
    void GrowTlbIfMissing()
    {
        if (!currentTlb.WantsToGrow) return;
        currentTlb.Grow();
        PointStateAtTlb();
        State->MapEpoch = Tlb.NextEpoch();
        if (FastEventSource.FaultEnabled) FastEventSource.Log.TlbGrown(Id, currentTlb.EntryCount, currentTlb.Misses);
    }

    void DisposeTlbs()
    {
        for (int i = 0; i < usedCount; i++) usedTlbs[i].Dispose();
        Array.Clear(usedTlbs);
        usedCount = 0;
        Volatile.Write(ref allTlbs, []);
    }
}
