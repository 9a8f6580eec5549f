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
    readonly DecodedInstruction[] storage;   // pinned; owns Instructions

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

    public DecodedBlock(ulong pc, ulong physicalAddress, ReadOnlySpan<DecodedInstruction> instructions, bool endsWithControl)
    {
        Pc = pc;
        PhysicalAddress = physicalAddress;
        Count = instructions.Length;
        foreach (var i in instructions)
            if (i.Row >= 0 && Decoder.Rows[i.Row].AccessesMemory) MemoryInstructions++;
        EndsWithControl = endsWithControl;
        storage = GC.AllocateUninitializedArray<DecodedInstruction>(instructions.Length, pinned: true);
        instructions.CopyTo(storage);
        Instructions = (DecodedInstruction*)Marshal.UnsafeAddrOfPinnedArrayElement(storage, 0);
    }

    public ulong PhysicalPage => PhysicalAddress & ~0xFFFUL;
}
