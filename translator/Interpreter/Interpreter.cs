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

public sealed unsafe partial class Interpreter : IExecutionEngine
{
    const int JumpCacheBits = 12;
    const ulong JumpCacheMask = (1 << JumpCacheBits) - 1;

    public CodeCache Cache { get; } = new();

    /// <summary>Tier 1, when enabled: blocks entered TierUpThreshold times are compiled in the background.</summary>
    public Jit.TierUpQueue? TierUp { get; init; }
    public int TierUpThreshold { get; init; } = int.TryParse(Environment.GetEnvironmentVariable("FAST_JIT_THRESHOLD"), out int t) ? t : 1000;
    /// <summary>No region is formed before the vCPU has retired this many instructions (a hot block asks
    /// again after half a threshold more entries): a program that ends at once (`busybox true`, 30k
    /// instructions) never pays for tier 1's first region (the compiler thread's first use of the
    /// region compiler and RyuJIT, several ms of CPU), and a long one starts tier 1 a few ms later.</summary>
    public ulong TierUpAfter { get; init; }
    /// <summary>Tier 1 compiles a small leaf function into the region of a loop that calls it (RegionBuilder); FAST_JIT_LEAF=0 turns it off.</summary>
    public bool FollowLeafCalls { get; init; } = Environment.GetEnvironmentVariable("FAST_JIT_LEAF") != "0";


    sealed class VcpuData
    {
        public readonly DecodedBlock?[] JumpCache = new DecodedBlock?[1 << JumpCacheBits];
        public readonly Jit.Region?[] RegionCache = new Jit.Region?[1 << JumpCacheBits];
        /// <summary>The PC each RegionCache slot was filled for (a region has many entries).</summary>
        public readonly ulong[] RegionCachePc = new ulong[1 << JumpCacheBits];
        public long BlockEntries;
        public long RegionEntries;
        public long InterpretedInstructions;
        public long MissResumes;   // regions resumed after a TLB miss exit
        public long AcrossPages;   // accesses across two pages run by the run loop, the region resumed after them
        public long Handovers;     // miss or sync exits whose instruction the interpreter took
        /// <summary>Tier 1's region table (CpuState.RegionTable), filled with validated regions; see Jit.RegionLinks.</summary>
        public readonly nint RegionTable = Jit.RegionTableEntry.Allocate();
        public readonly Jit.RegionReclaimer.Participant Quiescence = new();
        public long Chains;   // CpuState.RegionChains as of the last exit from compiled code
        public VcpuData() { if (ReportAtExit) lock (AllData) AllData.Add(this); }
        ~VcpuData() => System.Runtime.InteropServices.NativeMemory.Free((void*)RegionTable);
    }

    static VcpuData AttachData(Vcpu cpu)
    {
        var data = new VcpuData();
        cpu.EngineData = data;
        cpu.State->RegionTable = data.RegionTable;
        return data;
    }

    public void Run(Vcpu cpu, long budget)
    {
        CpuState* c = cpu.State;
        var data = cpu.EngineData as VcpuData ?? AttachData(cpu);
        if (Jit.RegionReclaimer.Pending != 0) Jit.RegionReclaimer.TryReclaim();
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
                if (r is not null && !interpretOnce && left > (ulong)r.InstructionCount && r.Valid
                    && PagesPresent(cpu, r, first: r.Pages[0].Virtual == (block.Pc & ~0xFFFUL) ? 1 : 0))
                {
                    region = r;
                    if (RunRegions(cpu, data, r, end)) interpretOnce = true;
                    continue;
                }
                interpretOnce = false;
                if (entries == TierUpThreshold && TierUp is not null)
                {
                    if (c->Retired >= TierUpAfter) TierUpFrom(cpu, block);
                    else
                    {
                        block.EntryCount = TierUpThreshold / 2;   // too early in the run: ask again later
                        if (c->Retired >= TierUpAfter / 10) TierUp.Prewarm();   // no longer a trivially short run (busybox true: 30 000)
                    }
                }
                c->MemoryInstructions += (ulong)block.MemoryInstructions;
                int n = (ulong)block.Count <= left ? block.Count : (int)left;
                ExecuteBlock(c, block, n);
                if (n == block.Count) block.Targets?.Record(c->PC);
                c->Retired += (ulong)n;
                data.InterpretedInstructions += n;
            }
            catch (RegisterSyncException) when (region is not null)
            {
                // A semantics call in a region hit an abort the OS must see: the region had written
                // everything back before the call; the interpreter takes the instruction again.
                region = LeftRegions(cpu, data);
                c->Retired += (c->PC - region.BlockStartOf(c->PC)) / 4;
                interpretOnce = true;
            }
            catch (GuestRedirectException)
            {
                if (region is not null) region = LeftRegions(cpu, data);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ExecuteBlock(CpuState* c, DecodedBlock block, int n)
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
            var tlb = cpu.Tlb;
            TlbEntry* e = tlb.EntryOf(pc);
            if (e->ExecTag == (pc & ~0xFFFUL) && tlb.PhysicalPageOf(e) == block.PhysicalPage) return block;
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
        var rows = GeneratedDecoder.Rows;   // (the array: Decoder.Rows' span conversion is JIT-compiled at start-up)
        DecodedInstruction* buffer = stackalloc DecodedInstruction[DecodedBlock.MaxInstructions];
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
        var block = Cache.Add(new DecodedBlock(pc, pa, buffer, count, endsWithControl));
        if (FastEventSource.TranslationEnabled) FastEventSource.Log.BlockDecoded(pc, pa, count);
        return block;
    }

    static readonly bool ReportAtExit = Environment.GetEnvironmentVariable("FAST_JIT_STATS") is "1" or "2";
    static readonly List<VcpuData> AllData = new();

    /// <summary>Diagnostics (FAST_JIT_STATS=1): dispatches per engine, printed at process exit.</summary>
    void Report()
    {
        long blocks = 0, regions = 0, interp = 0, chains = 0, resumes = 0, handovers = 0, across = 0;
        lock (AllData) foreach (var d in AllData) { blocks += d.BlockEntries; regions += d.RegionEntries; interp += d.InterpretedInstructions; chains += d.Chains; resumes += d.MissResumes; handovers += d.Handovers; across += d.AcrossPages; }
        Console.Error.WriteLine($"jit: dispatches {blocks}, region calls {regions} ({resumes} after a TLB miss, {across} after an access across pages), handovers {handovers}, chained {chains}, interpreted instructions {interp}, regions formed {Cache.RegionsFormed}, invalidated {Cache.RegionsInvalidated}, compiled {TierUp?.RegionsCompiled} ({TierUp?.InstructionsCompiled} instructions, {TierUp?.CompileTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms, RyuJIT {TierUp?.JitTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms, compiler thread CPU {TierUp?.CompilerCpu.TotalMilliseconds:F0} ms), failures {TierUp?.Failures} {TierUp?.LastFailure}");
    }

    public Interpreter()
    {
        if (ReportAtExit) AppDomain.CurrentDomain.ProcessExit += (_, _) => Report();
    }

    public void InvalidateCodePage(ulong physicalPage)
    {
        int dropped = Cache.InvalidatePage(physicalPage);
        if (FastEventSource.TranslationEnabled) FastEventSource.Log.CodeInvalidated(physicalPage, dropped);
    }

    public void InvalidateAll() => Cache.InvalidateAll();

    public long RegionEntries(Vcpu cpu) => (cpu.EngineData as VcpuData)?.RegionEntries ?? 0;
    /// <summary>Regions resumed at an access after its TLB miss exit refilled the TLB.</summary>
    public long MissResumes(Vcpu cpu) => (cpu.EngineData as VcpuData)?.MissResumes ?? 0;
    /// <summary>Accesses across two pages the run loop ran for a region, which then went on after them.</summary>
    public long AcrossPages(Vcpu cpu) => (cpu.EngineData as VcpuData)?.AcrossPages ?? 0;
    /// <summary>Exits from compiled code (sync, or a miss the TLB could not serve) whose instruction the interpreter took.</summary>
    public long Handovers(Vcpu cpu) => (cpu.EngineData as VcpuData)?.Handovers ?? 0;

    public long BlockEntries(Vcpu cpu) => (cpu.EngineData as VcpuData)?.BlockEntries ?? 0;

    /// <summary>Loads and stores executed on a vCPU (counted per block entry; a block cut short by a fault counts whole).</summary>
    public long MemoryInstructions(Vcpu cpu) => (long)cpu.State->MemoryInstructions;
}
