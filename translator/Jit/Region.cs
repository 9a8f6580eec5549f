// Region: tier 1's unit of compilation (DESIGN.md section 3) — a control-flow graph of guest
// instructions reached from a hot entry PC through direct branches and fall-throughs, compiled into
// one DynamicMethod `int guest!0xPC(CpuState* c, int entry)`.
//
// Shape: every guest instruction appears at most once (blocks are split at branch targets), so a
// PC inside the region names exactly one region block; that is how a fault in the middle of a
// block is credited with the instructions before it (BlockStartOf).
//
// Contract of the compiled code with the run loop (Interpreter.Run):
//   - entered at EntryPc or any other block start (EntersAt; the caller passes the block's index)
//     with CpuState fully up to date, CpuState.BudgetEnd the budget's end as an absolute Retired
//     value; stores its header in CpuState.CurrentRegion; returns -1 at once, before anything
//     else, unless Retired + InstructionCount <= BudgetEnd; leaves with PC set and every
//     register in CpuState (there is no state in locals across an exit);
//   - adds each region block's instruction count to CpuState.Retired when the block completes
//     (before its final branch), so Retired is exact at every exit;
//   - on a backward edge leaves (PC = the edge's target) if PendingInterrupt is set or Retired
//     passed BudgetEnd - InstructionCount (CpuState.RetiredLimit, set at entry). Between two
//     backward edges at most InstructionCount instructions run, so the budget is never overrun: the interpreter finishes it exactly;
//   - at an exit it may enter the next region itself (`tail. calli` through a link slot, or the
//     vCPU's region table for BR/BLR/RET) under the conditions the run loop checks (target valid
//     and mapped, no interrupt or exit reason pending; the budget is the target's entry check;
//     RegionLinks). So the region that returns to the run loop is CurrentRegion's, not
//     necessarily the one called; its return value is its own exit: the direct exit's index (link
//     slot), -1 (no link: run loop), -2 (sync exit, see RegionEmitter), -3 (indirect branch) or -4
//     (TLB miss: the run loop refills and calls it again at that access, one of ResumePcs).
//
// Validity: the region is found through the decoded blocks it holds (DecodedBlock.Region, whose
// lookup checks that block's page through the TLB) and the run loop's cache by PC; its pages are
// rechecked against the TLB at each entry from the run loop (Pages), and a write to any page it
// holds clears Valid (CodeCache tracks regions per physical page).
using System.Runtime.InteropServices;
using Fast.Runtime;
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

/// <summary>Runs a region from the block BlockStarts[entry] (at CpuState.PC); returns the index of the direct exit taken (its link slot), or -1 for any other exit.</summary>
public unsafe delegate int RegionCode(CpuState* c, int entry);

public sealed unsafe class Region
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

    /// <summary>Cleared when a page the region was formed from is written (CodeCache); an invalid region is retired.</summary>
    public bool Valid
    {
        get => Header->Valid != 0;
        set
        {
            if (value) throw new ArgumentException("a region is never revalidated");
            lock (this)
            {
                if (Header->Valid == 0) return;
                Volatile.Write(ref Header->Valid, 0);
                if (Header->Handle != 0) RegionReclaimer.Retire(this);
            }
        }
    }

    /// <summary>Unmanaged: what other regions' links and the region tables point to (RegionLinks).</summary>
    public RegionHeader* Header { get; }
    /// <summary>Per BR instruction (by PC), the targets inside the region it compares with before leaving.</summary>
    public PcMap<ulong[]> IndirectEdges { get; } = new();
    /// <summary>Per direct exit, the PC it leaves to.</summary>
    public ulong[] ExitTargets { get; internal set; } = [];
    /// <summary>Per direct exit, its link slot (read by the region's own IL; filled by the run loop).</summary>
    public LinkSlot* Links { get; private set; }

    internal void AllocateLinks(int exits) => Links = (LinkSlot*)NativeMemory.AllocZeroed((nuint)(Math.Max(exits, 1) * LinkSlot.Size));

    /// <summary>Points a direct exit's link slot at next (checked under the current mapping at epoch; Covered when next lies on this region's pages).</summary>
    public void Link(int exit, Region next, int entry, ulong epoch)
    {
        // Regions are shared by the vCPUs, so another may read this slot meanwhile: the epoch goes
        // to 0 (matches no vCPU) before the target changes and gets its value after; a reader loads
        // the target first (RegionLinks). A covered link is one tagged pointer.
        LinkSlot* slot = Links + exit;
        Volatile.Write(ref slot->Epoch, 0UL);
        Volatile.Write(ref *(nint*)&slot->Target, LinkSlot.Pack(next.Header, entry, Covers(next)));
        Volatile.Write(ref slot->Epoch, epoch);
    }

    /// <summary>Publishes the compiled code: the header gets a handle back to this region and its code
    /// pointer, and Code is set last. Code is what says "compiled" to a vCPU (TierUpFrom installs a
    /// covering region whose Code it sees), so everything the run loop reads of a region it enters
    /// (the handle CpuState.CurrentRegion is mapped back through) must be in place before it.</summary>
    internal void Publish(RegionCode code, nint entryPoint)
    {
        lock (this)
        {
            if (Header->Valid != 0) Header->Handle = GCHandle.ToIntPtr(GCHandle.Alloc(this));
            else
            {
                // Invalidated while compiling: nothing has reached it (it is found only once published), nothing will.
                if (Links != null) NativeMemory.Free(Links);
                Links = null;
            }
            Header->Code = entryPoint;
            Code = code;   // (volatile: after the stores above)
        }
    }

    /// <summary>The region whose header this is (it must have been published and not yet released).</summary>
    public static Region FromHeader(nint header) => (Region)GCHandle.FromIntPtr(((RegionHeader*)header)->Handle).Target!;

    /// <summary>After the grace period (RegionReclaimer): drop the handle and the link slots.</summary>
    internal void Release()
    {
        lock (this)
        {
            if (Header->Handle != 0) GCHandle.FromIntPtr(Header->Handle).Free();
            Header->Handle = 0;
            if (Links != null) NativeMemory.Free(Links);
            Links = null;
        }
    }

    /// <summary>A link from this region to next needs no mapping check: next's code lies on pages this region was validated on.</summary>
    public bool Covers(Region next)
    {
        foreach (var p in next.Pages)
        {
            bool found = false;
            foreach (var q in Pages) found |= q == p;   // (a loop: Array.IndexOf over tuples is JIT-compiled at run time)
            if (!found) return false;
        }
        return true;
    }
    public volatile RegionCode? Code;
    /// <summary>The IL as text, when the compiler was asked to keep it (fast explain).</summary>
    public string? IlListing { get; internal set; }
    /// <summary>The compiled method's IL size in bytes and its number of locals (what RyuJIT's cost grows with).</summary>
    public int IlBytes { get; internal set; }
    public int IlLocals { get; internal set; }
    /// <summary>When TierUpQueue took it (Stopwatch ticks; FAST_JIT_STATS=2 reports it).</summary>
    public long QueuedAt { get; internal set; }

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
        Header = RegionHeaders.Allocate();
        Header->Valid = 1;
    }

    /// <summary>The region can be entered at pc: it starts one of its blocks (RegionEmitter.Finish's dispatch).</summary>
    public bool EntersAt(ulong pc) => EntryIndexOf(pc) >= 0;

    /// <summary>Makes this region the one the interpreter enters at block (which it holds), unless another valid one already is.</summary>
    internal void InstallAt(DecodedBlock block)
    {
        if (block.Valid && block.Region is not { Valid: true } && EntersAt(block.Pc)) block.Region = this;
    }

    /// <summary>The index among BlockStarts of the block starting at pc (what the method is called with), or -1.</summary>
    public int EntryIndexOf(ulong pc) => PcList.IndexIn(BlockStarts, pc);

    /// <summary>PCs of the accesses the method can resume at after a miss exit (entries BlockStarts.Length and up).</summary>
    public ulong[] ResumePcs { get; internal set; } = [];

    /// <summary>The entry that resumes the method at the access at pc after its miss exit, or -1.</summary>
    public int ResumeIndexOf(ulong pc)
    {
        int i = Array.IndexOf(ResumePcs, pc);
        return i < 0 ? -1 : BlockStarts.Length + i;
    }

    /// <summary>The entry that resumes the method right after the access whose resume entry is
    /// resumeEntry (the run loop ran it itself): each resume point has one, after all of them.</summary>
    public int AfterAccessEntry(int resumeEntry) => resumeEntry + ResumePcs.Length;

    /// <summary>The region's decoded instruction at pc (it holds it).</summary>
    public DecodedInstruction InstructionAt(ulong pc)
    {
        int lo = 0, hi = Instructions.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            ulong at = Instructions[mid].Pc;
            if (at == pc) return Instructions[mid].Inst;
            if (at < pc) lo = mid + 1; else hi = mid - 1;
        }
        throw new ArgumentException($"the region holds no instruction at 0x{pc:x}");
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

