// Interpreter, tier 1 dispatch (DESIGN.md section 3): the trampoline that runs compiled regions
// back to back, and the checks that let one region enter another.
//
// A region entered from here may enter further regions itself (RegionEmitter.Chaining): through
// the link slot of a direct exit, or the vCPU's region table for BR/BLR/RET. When it cannot (no
// link yet, target not validated at the current MapEpoch, budget or interrupt), it returns its exit
// and this loop does the slow part: find the region at the new PC (the managed RegionCache, checked
// against the TLB: StillMapped), record it in the link slot and the region table at the current
// MapEpoch, and call it. The region that returned is CpuState.CurrentRegion's, which need not be the
// one this loop called.
using Fast.Runtime;

namespace Fast.Translator.Interpreter;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Runs regions from r while each exit leads to a compiled one. Returns true when a region stopped
    /// at an instruction the interpreter must take again with the full state (exit -2).
    /// </summary>
    bool RunRegions(Vcpu cpu, VcpuData data, Jit.Region r, ulong end)
    {
        CpuState* c = cpu.State;
        long slot = (long)((c->PC >> 2) & JumpCacheMask);
        data.RegionCache[slot] = r;
        data.RegionCachePc[slot] = c->PC;
        // In compiled code from here (RegionReclaimer): announced before r's validity is read again, with
        // a full fence, so that a region invalidated meanwhile is either seen invalid here or not freed
        // under this vCPU by another one's reclaim (the caller's check came before the announcement).
        data.Quiescence.InRegions = 1;
        Interlocked.MemoryBarrier();
        if (!r.Valid)
        {
            data.Quiescence.InRegions = 0;
            return false;
        }
        c->BudgetEnd = end;
        cpu.RegistersInLocals = true;
        int entry = r.EntryIndexOf(c->PC);
        while (true)
        {
            data.RegionEntries++;
            int exit = r.Code!(c, entry);
            var current = c->CurrentRegion == (nint)r.Header ? r : Jit.Region.FromHeader(c->CurrentRegion);
            if (exit == Jit.Emit.RegionEmitter.MissExit && ResumeEntry(c, current, end) is int resume and >= 0)
            {
                if (Refilled(cpu))
                {
                    // A TLB miss: refilled, the region goes on at the access (entered like a block start).
                    data.MissResumes++;
                    r = current;
                    entry = resume;
                    continue;
                }
                if (RanAcrossPages(cpu, current))
                {
                    data.AcrossPages++;
                    r = current;
                    entry = current.AfterAccessEntry(resume);
                    continue;
                }
            }
            if (exit is -2 or Jit.Emit.RegionEmitter.MissExit)
            {
                data.Handovers++;
                // An abort the OS must see with the full state: the region wrote its registers
                // back and stopped at the faulting instruction; the interpreter takes it again.
                c->Retired += (c->PC - current.BlockStartOf(c->PC)) / 4;
                LeftRegions(cpu, data);
                return true;
            }
            if (c->ExitReason != ExitReason.None || Volatile.Read(ref c->PendingInterrupt) != 0) break;
            var next = FindRegion(cpu, data, c->PC, out entry);
            if (Jit.TransitionProfile.Enabled) Jit.TransitionProfile.Record(current.EntryPc, c->PC, exit);
            if (next is null) break;
            if (exit >= 0) current.Link(exit, next, entry, c->MapEpoch);
            ulong retired = c->Retired;
            if (retired >= end || end - retired <= (ulong)next.InstructionCount) break;
            r = next;
        }
        LeftRegions(cpu, data);
        return false;
    }

    /// <summary>
    /// After a miss exit: the entry that resumes the region at the access, or -1 when it may not be
    /// resumed (something pending; the region no longer fits the budget, so its entry check would
    /// fail and Retired not stay exact). Resumed or not, Refilled and RanAcrossPages decide next.
    /// </summary>
    static int ResumeEntry(CpuState* c, Jit.Region region, ulong end)
    {
        ulong retired = c->Retired;
        if (retired >= end || end - retired <= (ulong)region.InstructionCount) return -1;
        if (c->ExitReason != ExitReason.None || Volatile.Read(ref c->PendingInterrupt) != 0) return -1;
        return region.Valid ? region.ResumeIndexOf(c->PC) : -1;
    }

    static bool Refilled(Vcpu cpu)
    {
        CpuState* c = cpu.State;
        ulong access = c->MissAccess;
        return cpu.TryRefill(c->MissAddress, (int)(access & 0xFF), (access & CpuState.MissWrite) != 0);
    }

    /// <summary>
    /// An access across two pages (the inline path never serves one: unaligned words near a page's
    /// end, xz's match finder ~300 000 times a run): when both pages translate for it without a fault,
    /// the instruction runs here through its semantics (which assemble it) and the region goes on
    /// right after it (Region.AfterAccessEntry); otherwise the interpreter takes it.
    /// </summary>
    static bool RanAcrossPages(Vcpu cpu, Jit.Region region)
    {
        CpuState* c = cpu.State;
        ulong va = c->MissAddress, access = c->MissAccess;
        ulong last = va + (access & 0xFF) - 1;
        bool write = (access & CpuState.MissWrite) != 0;
        if (((last ^ va) & ~0xFFFUL) == 0) return false;
        if (!cpu.TryRefill(va, 1, write) || !cpu.TryRefill(last, 1, write)) return false;
        var inst = region.InstructionAt(c->PC);
        inst.Execute(c, inst.Word);   // both pages translate for it: it cannot fault
        c->PC += 4;
        return true;
    }

    /// <summary>Leaving compiled code (normally or by an exception): the region that was running.</summary>
    static Jit.Region LeftRegions(Vcpu cpu, VcpuData data)
    {
        cpu.RegistersInLocals = false;
        var current = Jit.Region.FromHeader(cpu.State->CurrentRegion);
        data.Chains = (long)cpu.State->RegionChains;
        data.Quiescence.Passes++;
        data.Quiescence.InRegions = 0;
        return current;
    }

    /// <summary>
    /// The compiled region with a block at pc (its index in block), valid under the current mapping:
    /// from the region table when it was checked at this MapEpoch, else from the RegionCache checked
    /// through the TLB (and then entered in the table).
    /// </summary>
    static Jit.Region? FindRegion(Vcpu cpu, VcpuData data, ulong pc, out int block)
    {
        CpuState* c = cpu.State;
        long index = (long)((pc >> 2) & JumpCacheMask);
        var r = data.RegionCache[index];
        block = -1;
        if (r is null || data.RegionCachePc[index] != pc || !r.Valid) return null;
        var entry = Jit.RegionTableEntry.Slot(data.RegionTable, pc);
        if (entry->Pc == pc && entry->Epoch == c->MapEpoch && entry->Header == r.Header) { block = entry->Index; return r; }
        if (!StillMapped(cpu, r)) return null;
        block = r.EntryIndexOf(pc);
        *entry = new Jit.RegionTableEntry { Pc = pc, Epoch = c->MapEpoch, Header = r.Header, Index = block };
        return r;
    }

    /// <summary>A linked region's pages still map where they did (its entry page through the TLB, the others as PagesPresent).</summary>
    static bool StillMapped(Vcpu cpu, Jit.Region r)
    {
        TlbEntry* e = cpu.Tlb.EntryOf(r.EntryPc);
        if (e->ExecTag != (r.EntryPc & ~0xFFFUL) || cpu.Tlb.PhysicalPageOf(e) != r.Pages[0].Physical) return false;
        return r.Pages.Length == 1 || PagesPresent(cpu, r);
    }

    /// <summary>Forms a region from a hot block (on this thread: it decodes through this vCPU's translation) and queues it.</summary>
    void TierUpFrom(Vcpu cpu, DecodedBlock block)
    {
        if (block.CoveredBy is { Code: not null, Valid: true } covering && covering.EntersAt(block.Pc))
        {
            covering.InstallAt(block);   // compiled meanwhile: it runs this block
            return;
        }
        if (block.CoveredBy is { Code: null, Valid: true })
        {
            // Inside a region the compiler has not reached yet: that region will run this block.
            // Ask again after another half threshold of entries (it may be a region entry of its
            // own, e.g. a call's return site, which the interpreter keeps reaching afterwards).
            block.EntryCount = TierUpThreshold / 2;
            return;
        }
        if (Interlocked.Exchange(ref block.TierUpQueued, 1) != 0) return;
        var region = Jit.RegionBuilder.Build(block, pc => BlockForRegion(cpu, pc), FollowLeafCalls);
        if (!Cache.AddRegion(region)) return;
        foreach (var member in region.Sources) if (member != block) member.CoveredBy = region;
        TierUp!.Enqueue(region);
    }

    DecodedBlock? BlockForRegion(Vcpu cpu, ulong pc)
    {
        if (!TryTranslateExecute(cpu, pc, out ulong pa)) return null;
        var block = Cache.Find(pa);
        if (block is not null && block.Valid && block.Pc == pc) return block;
        return Decode(cpu, pc);
    }

    /// <summary>Translates an instruction address without faulting; installs the TLB entry when it succeeds.</summary>
    static bool TryTranslateExecute(Vcpu cpu, ulong va, out ulong pa)
    {
        CpuState* c = cpu.State;
        ulong page = va & ~0xFFFUL;
        pa = 0;
        if (cpu.Tlb.EntryOf(va)->ExecTag != page)
        {
            ulong ppage = page;
            if ((c->Control & CpuControl.MmuEnabled) != 0)
            {
                var walk = SoftMmu.Walk(cpu.Ram, c->Ttbr0, va, AccessKind.Execute);
                if (!walk.Ok || !walk.Executable) return false;
                ppage = walk.PhysicalAddress & ~0xFFFUL;
            }
            if (!cpu.Ram.IsRam(ppage, PhysicalMemory.PageSize)) return false;
        }
        cpu.FetchPointer(va, out pa);
        return true;
    }

    /// <summary>The region's pages from the first'th still map where they did when it was formed (page 0,
    /// the entry's, needs no check when the block just looked up through the TLB lies on it).</summary>
    static bool PagesPresent(Vcpu cpu, Jit.Region region, int first = 1)
    {
        var pages = region.Pages;
        for (int i = first; i < pages.Length; i++)
        {
            var (v, p) = pages[i];
            TlbEntry* e = cpu.Tlb.EntryOf(v);
            if (e->ExecTag == v && cpu.Tlb.PhysicalPageOf(e) == p) continue;
            if (!TryTranslateExecute(cpu, v, out ulong pa) || pa != p) return false;
        }
        return true;
    }
}
