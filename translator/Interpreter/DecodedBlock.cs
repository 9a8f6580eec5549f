// DecodedBlock: a run of guest instructions decoded once, executed many times by the interpreter.
// A block starts at a PC, never crosses a 4 KiB page (so one physical page owns it), and ends
// after the first instruction whose row ends a block (branches, exceptions, ISB, ...), at the
// page end, or at MaxInstructions.
using System.Runtime.InteropServices;
using Fast.Runtime;

namespace Fast.Translator.Interpreter;

[StructLayout(LayoutKind.Sequential)]
public unsafe struct DecodedInstruction
{
    public delegate*<CpuState*, uint, void> Execute;
    public uint Word;
    public int Row;   // encoding-table row index, or Decoder.Undefined
}

public sealed unsafe class DecodedBlock
{
    public const int MaxInstructions = 64;

    public ulong Pc { get; }
    public ulong PhysicalAddress { get; }
    public int Count { get; }
    /// <summary>How many of the instructions are loads or stores (for the TLB hit-rate statistic).</summary>
    public int MemoryInstructions { get; }
    /// <summary>The last instruction ends the block (its semantics sets PC on every path).</summary>
    public bool EndsWithControl { get; }
    public DecodedInstruction* Instructions { get; }
    readonly byte[] storage;   // the pinned chunk Instructions lies in (InstructionArena): kept alive with the block

    /// <summary>Entries into this block (the tier-1 hotness signal).</summary>
    public long EntryCount;
    /// <summary>Cleared when the page holding the block is written; jump caches then miss.</summary>
    public volatile bool Valid = true;
    /// <summary>The tier-1 region entered at this block's PC, installed by the background compiler when hot.</summary>
    public volatile Jit.Region? Region;
    /// <summary>Set once when a region starting at this block is queued for tier 1.</summary>
    public int TierUpQueued;
    /// <summary>A queued region that holds this block: while it waits for the compiler, this block
    /// getting hot in the interpreter does not form a region of its own (it would overlap).</summary>
    public Jit.Region? CoveredBy;
    /// <summary>For a block ending in BR: the targets the interpreter saw it take (RegionBuilder
    /// follows the frequent ones; a switch or a bytecode dispatch becomes jumps inside one region).</summary>
    public IndirectTargets? Targets;

    // Pointers and a byte array, not Span<DecodedInstruction> or an array of it: framework generics
    // over a Fast value type are JIT-compiled at start-up (16 methods), the byte ones are precompiled.
    public DecodedBlock(ulong pc, ulong physicalAddress, DecodedInstruction* instructions, int count, bool endsWithControl)
    {
        Pc = pc;
        PhysicalAddress = physicalAddress;
        Count = count;
        var rows = GeneratedDecoder.Rows;
        for (int i = 0; i < count; i++)
            if (instructions[i].Row >= 0 && rows[instructions[i].Row].AccessesMemory) MemoryInstructions++;
        EndsWithControl = endsWithControl;
        if (endsWithControl && instructions[count - 1].Row >= 0 && rows[instructions[count - 1].Row].Name == "BR") Targets = new IndirectTargets();
        int bytes = count * sizeof(DecodedInstruction);
        storage = InstructionArena.Allocate(bytes, out byte* at);
        Instructions = (DecodedInstruction*)at;
        Buffer.MemoryCopy(instructions, Instructions, bytes, bytes);
    }

    public ulong PhysicalPage => PhysicalAddress & ~0xFFFUL;
}

/// <summary>
/// The most frequent targets of one indirect branch, counted approximately: a small table where a
/// new target replaces the least counted one (halving it), as profile-guided DBTs keep their hints.
/// </summary>
public sealed class IndirectTargets
{
    public const int Slots = 16;
    public readonly ulong[] Pc = new ulong[Slots];
    public readonly long[] Count = new long[Slots];
    public long Total;

    public void Record(ulong target)
    {
        Total++;
        int weakest = 0;
        for (int i = 0; i < Slots; i++)
        {
            if (Pc[i] == target && Count[i] > 0) { Count[i]++; return; }
            if (Count[i] < Count[weakest]) weakest = i;
        }
        Pc[weakest] = target;
        Count[weakest] = Count[weakest] / 2 + 1;
    }

    /// <summary>Targets taken at least 1/fraction of the time, most frequent first.</summary>
    public ulong[] Frequent(int fraction)
    {
        // Loops, not LINQ over int and ulong (JIT-compiled at the first region: see Jit.PcList).
        Span<int> chosen = stackalloc int[Slots];
        int n = 0;
        for (int i = 0; i < Slots; i++)
        {
            if (Count[i] <= 0 || Count[i] * fraction < Total) continue;
            int j = n++;
            while (j > 0 && Count[chosen[j - 1]] < Count[i]) { chosen[j] = chosen[j - 1]; j--; }
            chosen[j] = i;
        }
        var result = new ulong[n];
        for (int k = 0; k < n; k++) result[k] = Pc[chosen[k]];
        return result;
    }
}
