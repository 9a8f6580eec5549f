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
    public int TierUpThreshold { get; init; } = 64;

    /// <summary>Raised once per block when it is first decoded (tier 1 and tracing hook here).</summary>
    public event Action<DecodedBlock>? BlockDecoded;

    sealed class VcpuData
    {
        public readonly DecodedBlock?[] JumpCache = new DecodedBlock?[1 << JumpCacheBits];
        public long BlockEntries;
        public long MemoryInstructions;
    }

    public void Run(Vcpu cpu, long budget)
    {
        CpuState* c = cpu.State;
        var data = cpu.EngineData as VcpuData ?? (VcpuData)(cpu.EngineData = new VcpuData());
        while (true)
        {
            if (c->ExitReason != ExitReason.None) return;
            if (Volatile.Read(ref c->PendingInterrupt) != 0) { c->ExitReason = ExitReason.Interrupt; return; }
            if (budget <= 0) { c->ExitReason = ExitReason.Budget; return; }

            DecodedBlock? block = null;
            try
            {
                block = Lookup(cpu, data, c->PC);
                if (block is null) continue;   // an exception at the block's start was delivered
                long entries = ++block.EntryCount;
                data.BlockEntries++;
                data.MemoryInstructions += block.MemoryInstructions;
                int n = block.Count <= budget ? block.Count : (int)budget;
                var compiled = block.Compiled;
                if (compiled is not null && n == block.Count) compiled(c);
                else
                {
                    if (entries == TierUpThreshold && TierUp is not null) TierUp.Enqueue(block);
                    ExecuteBlock(c, block, n);
                }
                c->Retired += (ulong)n;
                budget -= n;
            }
            catch (GuestRedirectException)
            {
                if (block is not null)
                {
                    long done = (long)(cpu.AbandonedPc - block.Pc) / 4;
                    if (done > 0 && done <= block.Count) { c->Retired += (ulong)done; budget -= done; }
                }
            }
        }
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
        BlockDecoded?.Invoke(block);
        return block;
    }

    public void InvalidateCodePage(ulong physicalPage)
    {
        int dropped = Cache.InvalidatePage(physicalPage);
        if (FastEventSource.Log.TranslationEnabled) FastEventSource.Log.CodeInvalidated(physicalPage, dropped);
    }

    public void InvalidateAll() => Cache.InvalidateAll();

    public long BlockEntries(Vcpu cpu) => (cpu.EngineData as VcpuData)?.BlockEntries ?? 0;

    /// <summary>Loads and stores executed on a vCPU (counted per block entry; a block cut short by a fault counts whole).</summary>
    public long MemoryInstructions(Vcpu cpu) => (cpu.EngineData as VcpuData)?.MemoryInstructions ?? 0;
}
