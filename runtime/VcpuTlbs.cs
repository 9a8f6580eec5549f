// The vCPU's TLBs, one per recently used ASID (the ARM ARM lets a TLB hold entries of several
// ASIDs at once; D8.13). Switching address space points CpuState.Tlb at that ASID's array, so a
// context switch keeps the translations of the thread it returns to instead of refilling them:
// the fast path stays one compare, with no ASID in it. At most CachedAsids arrays are kept; the
// least recently used one is flushed and reused.
//
// Invalidation: a TLB of an ASID that is current on this vCPU is flushed at once by its owner
// thread (or on request at the next block boundary); an ASID that is not current is marked stale
// by any thread and flushed when the vCPU next switches to it.
using System.Collections.Concurrent;

namespace Fast.Runtime;

public sealed unsafe partial class Vcpu
{
    public const int CachedAsids = 16;

    readonly Dictionary<ushort, Tlb> tlbsByAsid = new();    // owner thread only
    readonly LinkedList<ushort> asidUse = new();             // most recent first; owner thread only
    readonly ConcurrentDictionary<ushort, byte> staleAsids = new();
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
    public void MarkAsidStale(ushort asid) => staleAsids[asid] = 0;

    void SelectTlb(ushort asid)
    {
        if (!tlbsByAsid.TryGetValue(asid, out var tlb))
        {
            if (tlbsByAsid.Count >= CachedAsids)
            {
                ushort victim = asidUse.Last!.Value;
                asidUse.RemoveLast();
                tlb = tlbsByAsid[victim];
                tlbsByAsid.Remove(victim);
                tlb.FlushAll();
            }
            else
            {
                tlb = new Tlb(&State->MapEpoch);
                Volatile.Write(ref allTlbs, [.. allTlbs, tlb]);
            }
            tlbsByAsid[asid] = tlb;
        }
        else asidUse.Remove(asid);
        asidUse.AddFirst(asid);
        if (staleAsids.TryRemove(asid, out _)) tlb.FlushAll();
        currentTlb = tlb;
        State->Tlb = tlb.Entries;
        State->MapEpoch = Tlb.NextEpoch();   // another address space: nothing validated under the old one holds
    }

    void DisposeTlbs()
    {
        foreach (var t in tlbsByAsid.Values) t.Dispose();
        tlbsByAsid.Clear();
        Volatile.Write(ref allTlbs, []);
    }
}
