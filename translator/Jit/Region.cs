// Region: tier 1's unit of compilation (DESIGN.md section 3) — a control-flow graph of guest
// instructions reached from a hot entry PC through direct branches and fall-throughs, compiled into
// one DynamicMethod `void guest!0xPC(CpuState* c, ulong retiredLimit)`.
//
// Shape: every guest instruction appears at most once (blocks are split at branch targets), so a
// PC inside the region names exactly one region block; that is how a fault in the middle of a
// block is credited with the instructions before it (BlockStartOf).
//
// Contract of the compiled code with the run loop (Interpreter.Run):
//   - entered at EntryPc with CpuState fully up to date; leaves with PC set and every register in
//     CpuState (there is no state in locals across an exit);
//   - adds each region block's instruction count to CpuState.Retired when the block completes
//     (before its final branch), so Retired is exact at every exit;
//   - on a backward edge leaves (PC = the edge's target) if PendingInterrupt is set or Retired
//     passed retiredLimit. Between two backward edges at most InstructionCount instructions run,
//     so the caller passes retiredLimit = Retired + budget - InstructionCount and the budget is
//     never overrun: the interpreter finishes a budget exactly, block by block.
//
// Validity: the region is keyed by the entry block (the jump cache checks the entry page through
// the TLB); its other pages are rechecked against the TLB at each entry (Pages), and a write to any
// page it holds clears Valid (CodeCache tracks regions per physical page).
using Fast.Runtime;
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

/// <summary>Runs a region; returns the index of the direct exit taken (its link slot), or -1 for any other exit.</summary>
public unsafe delegate int RegionCode(CpuState* c, ulong retiredLimit);

public sealed class Region
{
    public ulong EntryPc { get; }
    public DecodedBlock Entry { get; }
    /// <summary>(virtual page, physical page) of every page the region's code lies on, the entry page first.</summary>
    public (ulong Virtual, ulong Physical)[] Pages { get; }
    /// <summary>The region's instructions in address order.</summary>
    public (ulong Pc, DecodedInstruction Inst)[] Instructions { get; }
    /// <summary>Start PCs of the region blocks, sorted.</summary>
    public ulong[] BlockStarts { get; internal set; } = [];
    public int InstructionCount => Instructions.Length;
    public string Name { get; set; }

    public volatile bool Valid = true;
    /// <summary>Per direct exit, the PC it leaves to, and the region that PC was last found to start (the link slot).</summary>
    public ulong[] ExitTargets { get; internal set; } = [];
    public RegionLink?[] Links { get; internal set; } = [];

    /// <summary>A link from this region to next needs no mapping check: next's code lies on pages this region was validated on.</summary>
    public bool Covers(Region next)
    {
        foreach (var p in next.Pages)
            if (Array.IndexOf(Pages, p) < 0) return false;
        return true;
    }
    public volatile RegionCode? Code;
    /// <summary>The IL as text, when the compiler was asked to keep it (fast explain).</summary>
    public string? IlListing { get; internal set; }

    /// <summary>The decoded blocks the region was formed from (all must still be valid when it is registered).</summary>
    public DecodedBlock[] Sources { get; }

    public Region(DecodedBlock entry, (ulong, ulong)[] pages, (ulong, DecodedInstruction)[] instructions, DecodedBlock[] sources)
    {
        Sources = sources;
        Entry = entry;
        EntryPc = entry.Pc;
        Pages = pages;
        Instructions = instructions;
        Name = $"guest!0x{EntryPc:x}";
    }

    /// <summary>The start of the region block holding pc (pc must be one of the region's instructions).</summary>
    public ulong BlockStartOf(ulong pc)
    {
        int i = Array.BinarySearch(BlockStarts, pc);
        if (i < 0) i = ~i - 1;
        return i >= 0 ? BlockStarts[i] : pc;
    }

    public bool Contains(ulong pc)
    {
        int lo = 0, hi = Instructions.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            ulong p = Instructions[mid].Pc;
            if (p == pc) return true;
            if (p < pc) lo = mid + 1; else hi = mid - 1;
        }
        return false;
    }
}

/// <summary>
/// A link slot's content: the region a direct exit was last found to enter, and whether this region's
/// pages cover it (then no mapping check is needed when following the link; otherwise its pages are
/// checked through the TLB each time). One object, so a racing vCPU never sees a mixed pair.
/// </summary>
public sealed record RegionLink(Region Target, bool Covered);
