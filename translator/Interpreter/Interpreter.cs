// Interpreter: translator tier 0 (DESIGN.md section 3). Runs pre-decoded blocks with a threaded
// loop of function-pointer calls into the shared instruction semantics.
//
// Lookup: a per-vCPU direct-mapped jump cache maps PC to a block; a hit is confirmed by the
// vCPU's TLB (the exec tag for PC must be present and map to the block's physical page), which
// also makes the cache correct across ASIDs, since TLB entries belong to the current ASID. On a
// miss the shared CodeCache is asked by physical address, and only then is the page decoded.
//
// Exceptions: an abort that the OS resolves by redirecting the vCPU arrives here as
// GuestRedirectException; the block is abandoned at the faulting instruction and the loop
// continues at whatever PC the OS chose.
using System.Runtime.CompilerServices;
using Fast.Runtime;
using Fast.Runtime.Observability;

namespace Fast.Translator.Interpreter;

public sealed unsafe class Interpreter : IExecutionEngine
{
    const int JumpCacheBits = 12;
    const ulong JumpCacheMask = (1 << JumpCacheBits) - 1;

    public CodeCache Cache { get; } = new();

    /// <summary>Tier 1, when enabled: blocks entered TierUpThreshold times are compiled in the background.</summary>
    public Jit.TierUpQueue? TierUp { get; init; }
    public int TierUpThreshold { get; init; } = int.TryParse(Environment.GetEnvironmentVariable("FAST_JIT_THRESHOLD"), out int t) ? t : 1000;


    sealed class VcpuData
    {
        public readonly DecodedBlock?[] JumpCache = new DecodedBlock?[1 << JumpCacheBits];
        public readonly Jit.Region?[] RegionCache = new Jit.Region?[1 << JumpCacheBits];
        public long BlockEntries;
        public long RegionEntries;
        public long InterpretedInstructions;
        public VcpuData() { if (ReportAtExit) lock (AllData) AllData.Add(this); }
    }

    public void Run(Vcpu cpu, long budget)
    {
        CpuState* c = cpu.State;
        var data = cpu.EngineData as VcpuData ?? (VcpuData)(cpu.EngineData = new VcpuData());
        // The budget as an absolute Retired value: regions count Retired themselves.
        ulong end = (ulong)budget > ulong.MaxValue - c->Retired ? ulong.MaxValue : c->Retired + (ulong)budget;
        bool interpretOnce = false;   // after a region stopped at a faulting instruction (exit -2)
        while (true)
        {
            if (c->ExitReason != ExitReason.None) return;
            if (Volatile.Read(ref c->PendingInterrupt) != 0) { c->ExitReason = ExitReason.Interrupt; return; }
            ulong retired = c->Retired;
            if (retired >= end) { c->ExitReason = ExitReason.Budget; return; }
            ulong left = end - retired;

            DecodedBlock? block = null;
            Jit.Region? region = null;
            try
            {
                block = Lookup(cpu, data, c->PC);
                if (block is null) continue;   // an exception at the block's start was delivered
                long entries = ++block.EntryCount;
                data.BlockEntries++;
                var r = block.Region;
                if (r is not null && !interpretOnce && left > (ulong)r.InstructionCount && r.Valid && PagesPresent(cpu, r))
                {
                    data.RegionCache[(r.EntryPc >> 2) & JumpCacheMask] = r;
                    // Trampoline: run regions back to back while each exit leads to a compiled region.
                    cpu.RegistersInLocals = true;
                    while (true)
                    {
                        region = r;
                        data.RegionEntries++;
                        int exit = r.Code!(c, end - (ulong)r.InstructionCount);
                        if (exit == -2)
                        {
                            // An abort the OS must see with the full state: the region wrote its registers
                            // back and stopped at the faulting instruction; the interpreter takes it again.
                            c->Retired += (c->PC - r.BlockStartOf(c->PC)) / 4;
                            interpretOnce = true;
                            break;
                        }
                        if (c->ExitReason != ExitReason.None || Volatile.Read(ref c->PendingInterrupt) != 0) break;
                        Jit.Region? next = null;
                        if (exit >= 0)
                        {
                            var link = r.Links[exit];
                            next = link is not null && link.Target.Valid && (link.Covered || StillMapped(cpu, link.Target)) ? link.Target : null;
                            if (next is null)
                            {
                                next = FindRegion(cpu, data, c->PC);
                                if (next is not null) r.Links[exit] = new Jit.RegionLink(next, r.Covers(next));
                            }
                        }
                        else next = FindRegion(cpu, data, c->PC);
                        if (next is null) break;
                        retired = c->Retired;
                        if (retired >= end || end - retired <= (ulong)next.InstructionCount) break;
                        r = next;
                    }
                    cpu.RegistersInLocals = false;
                    continue;
                }
                interpretOnce = false;
                if (entries == TierUpThreshold && TierUp is not null) TierUpFrom(cpu, block);
                c->MemoryInstructions += (ulong)block.MemoryInstructions;
                int n = (ulong)block.Count <= left ? block.Count : (int)left;
                ExecuteBlock(c, block, n);
                c->Retired += (ulong)n;
                data.InterpretedInstructions += n;
            }
            catch (RegisterSyncException) when (region is not null)
            {
                // A semantics call in a region hit an abort the OS must see: the region had written
                // everything back before the call; the interpreter takes the instruction again.
                cpu.RegistersInLocals = false;
                c->Retired += (c->PC - region.BlockStartOf(c->PC)) / 4;
                interpretOnce = true;
            }
            catch (GuestRedirectException)
            {
                cpu.RegistersInLocals = false;
                // Credit the instructions of the abandoned block that completed before the faulting one.
                ulong at = cpu.AbandonedPc;
                if (region is not null)
                {
                    if (region.Contains(at)) c->Retired += (at - region.BlockStartOf(at)) / 4;
                }
                else if (block is not null)
                {
                    long done = (long)(at - block.Pc) / 4;
                    if (done > 0 && done <= block.Count) c->Retired += (ulong)done;
                }
            }
        }
    }

    // ---- tier 1 ----

    /// <summary>The compiled region starting at pc, if the region jump cache holds one that is valid under the current mapping.</summary>
    static Jit.Region? FindRegion(Vcpu cpu, VcpuData data, ulong pc)
    {
        var r = data.RegionCache[(pc >> 2) & JumpCacheMask];
        return r is not null && r.EntryPc == pc && r.Valid && StillMapped(cpu, r) ? r : null;
    }

    /// <summary>A linked region's pages still map where they did (its entry page through the TLB, the others as PagesPresent).</summary>
    static bool StillMapped(Vcpu cpu, Jit.Region r)
    {
        TlbEntry* e = cpu.State->Tlb + Tlb.IndexOf(r.EntryPc);
        if (e->ExecTag != (r.EntryPc & ~0xFFFUL) || e->PhysicalPage != r.Pages[0].Physical) return false;
        return r.Pages.Length == 1 || PagesPresent(cpu, r);
    }

    /// <summary>Forms a region from a hot block (on this thread: it decodes through this vCPU's translation) and queues it.</summary>
    void TierUpFrom(Vcpu cpu, DecodedBlock block)
    {
        if (Interlocked.Exchange(ref block.TierUpQueued, 1) != 0) return;
        var region = Jit.RegionBuilder.Build(block, pc => BlockForRegion(cpu, pc));
        if (Cache.AddRegion(region)) TierUp!.Enqueue(region);
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
        TlbEntry* e = c->Tlb + Tlb.IndexOf(va);
        pa = 0;
        if (e->ExecTag != page)
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

    /// <summary>The region's pages other than the entry's (which Lookup checked) still map where they did when it was formed.</summary>
    static bool PagesPresent(Vcpu cpu, Jit.Region region)
    {
        var pages = region.Pages;
        for (int i = 1; i < pages.Length; i++)
        {
            var (v, p) = pages[i];
            TlbEntry* e = cpu.State->Tlb + Tlb.IndexOf(v);
            if (e->ExecTag == v && e->PhysicalPage == p) continue;
            if (!TryTranslateExecute(cpu, v, out ulong pa) || pa != p) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void ExecuteBlock(CpuState* c, DecodedBlock block, int n)
    {
        DecodedInstruction* p = block.Instructions;
        ulong pc = block.Pc;
        for (int i = 0; i < n; i++)
        {
            c->PC = pc;
            p[i].Execute(c, p[i].Word);
            pc += 4;
        }
        if (n < block.Count || !block.EndsWithControl) c->PC = pc;
    }

    DecodedBlock? Lookup(Vcpu cpu, VcpuData data, ulong pc)
    {
        ref DecodedBlock? slot = ref data.JumpCache[(pc >> 2) & JumpCacheMask];
        DecodedBlock? block = slot;
        if (block is not null && block.Pc == pc && block.Valid)
        {
            TlbEntry* e = cpu.State->Tlb + Tlb.IndexOf(pc);
            if (e->ExecTag == (pc & ~0xFFFUL) && e->PhysicalPage == block.PhysicalPage) return block;
        }

        if ((pc & 3) != 0)
        {
            // PC alignment fault (ARM ARM D1.10.2): reported at the misaligned PC.
            cpu.TakeException(new GuestException(ExceptionKind.PcAlignment, Syndrome.Make(Syndrome.EcPcAlignment, 0), pc, pc));
            return null;
        }
        cpu.FetchPointer(pc, out ulong pa);
        block = Cache.Find(pa);
        if (block is null || !block.Valid || block.Pc != pc) block = Decode(cpu, pc);
        slot = block;
        return block;
    }

    DecodedBlock Decode(Vcpu cpu, ulong pc)
    {
        byte* host = cpu.FetchPointer(pc, out ulong pa);
        // Mark the page before reading it: a write racing with the decode then invalidates this block.
        cpu.Machine.MarkCodePage(pa);
        var rows = Decoder.Rows;
        Span<DecodedInstruction> buffer = stackalloc DecodedInstruction[DecodedBlock.MaxInstructions];
        int count = 0;
        bool endsWithControl = false;
        int inPage = (int)((0x1000 - (pc & 0xFFF)) / 4);
        int limit = Math.Min(inPage, DecodedBlock.MaxInstructions);
        while (count < limit)
        {
            uint word = ((uint*)host)[count];
            int row = Decoder.Decode(word);
            if (row == Decoder.Undefined)
            {
                buffer[count++] = new DecodedInstruction { Execute = &Semantics.ExceptionGeneration.Undefined, Word = word, Row = row };
                endsWithControl = true;
                break;
            }
            buffer[count++] = new DecodedInstruction { Execute = rows[row].Execute, Word = word, Row = row };
            if (rows[row].EndsBlock) { endsWithControl = true; break; }
        }
        var block = Cache.Add(new DecodedBlock(pc, pa, buffer[..count], endsWithControl));
        if (FastEventSource.Log.TranslationEnabled) FastEventSource.Log.BlockDecoded(pc, pa, count);
        return block;
    }

    static readonly bool ReportAtExit = Environment.GetEnvironmentVariable("FAST_JIT_STATS") == "1";
    static readonly List<VcpuData> AllData = new();

    /// <summary>Diagnostics (FAST_JIT_STATS=1): dispatches per engine, printed at process exit.</summary>
    void Report()
    {
        long blocks = 0, regions = 0, interp = 0;
        lock (AllData) foreach (var d in AllData) { blocks += d.BlockEntries; regions += d.RegionEntries; interp += d.InterpretedInstructions; }
        Console.Error.WriteLine($"jit: dispatches {blocks}, region entries {regions}, interpreted instructions {interp}, regions formed {Cache.RegionsFormed}, invalidated {Cache.RegionsInvalidated}, compiled {TierUp?.RegionsCompiled} ({TierUp?.InstructionsCompiled} instructions, {TierUp?.CompileTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms, RyuJIT {TierUp?.JitTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms, compiler thread CPU {TierUp?.CompilerCpu.TotalMilliseconds:F0} ms), failures {TierUp?.Failures} {TierUp?.LastFailure}");
    }

    public Interpreter()
    {
        if (ReportAtExit) AppDomain.CurrentDomain.ProcessExit += (_, _) => Report();
    }

    public void InvalidateCodePage(ulong physicalPage)
    {
        int dropped = Cache.InvalidatePage(physicalPage);
        if (FastEventSource.Log.TranslationEnabled) FastEventSource.Log.CodeInvalidated(physicalPage, dropped);
    }

    public void InvalidateAll() => Cache.InvalidateAll();

    public long RegionEntries(Vcpu cpu) => (cpu.EngineData as VcpuData)?.RegionEntries ?? 0;

    public long BlockEntries(Vcpu cpu) => (cpu.EngineData as VcpuData)?.BlockEntries ?? 0;

    /// <summary>Loads and stores executed on a vCPU (counted per block entry; a block cut short by a fault counts whole).</summary>
    public long MemoryInstructions(Vcpu cpu) => (long)cpu.State->MemoryInstructions;
}
