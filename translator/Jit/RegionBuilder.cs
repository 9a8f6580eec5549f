// RegionBuilder: forms a region from a hot block by following direct branches (B, B.cond, CBZ,
// CBNZ, TBZ, TBNZ) and fall-throughs, breadth first, within MaxInstructions / MaxBlocks, and the
// targets a BR was seen to take often in the interpreter (DecodedBlock.Targets): the compiled BR
// compares its target with them and jumps inside the region on a match (a switch's jump table or a
// bytecode interpreter's dispatch then stays in one method), leaving as before otherwise. A BL
// whose callee joins the region (below) is a jump inside it; any other BL leaves through a link slot
// (its target may become a region of its own); BLR, BR, RET, exceptions and ISB leave too. The
// return site after a BL or BLR joins the region (when hot enough) as one of its entries: the
// callee's RET enters the region there (every region block is an entry, see RegionEmitter.Finish),
// so the code after a call is not compiled again as a region of its own.
// A callee joins when it is a small leaf or another region's function as small as one (both copied
// into each caller's region), or a function no other region holds whose hot code is small
// (MaxCalleeInstructions; its calls handled alike, a PLT stub's BR followed to its targets): its
// RET compares X30 with the return sites of the region's calls to it.
// (Following BL into every callee was tried twice: on lua5.4 it tripled the code compiled and the run
// got slower while the compiler caught up; with return sites as entries it cut busybox awk's
// region transitions 716 M -> 237 M but awk and lua got slower: each caller region had its own
// copy of malloc and free.) Blocks the interpreter rarely entered (error
// paths, code after a loop) are left out: what RyuJIT compiles costs ~35 us per guest instruction;
// but a cold path that leads back into the region within a few blocks (RejoinPath: the `if` of a
// loop that was rarely true when the region formed) joins it, or each time it is taken it leaves
// the region and comes back through another (xz -6's match finder: 11 M such round trips of the
// 48 M transitions of a 2 MB run, when a longer match was found; host instructions -7 %).
// A block another region already holds (compiled or queued) is left out too, as an exit into that
// region (every region block is an entry): each guest instruction is compiled once, except small
// callees copied into their callers. Before, a region formed later copied its successors' code: xz -d
// compiled 17 900 guest instructions (50 overlapping regions inside lzma_decode) for ~3 000 hot ones.
// Runs on the vCPU thread (it decodes through the vCPU's translation); compilation happens later
// on the background thread.
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

public static unsafe class RegionBuilder
{
    /// <summary>Bounds the DynamicMethod well under RyuJIT's MinOpts switch (60 000 IL bytes, 2 000 basic blocks).</summary>
    public static readonly int MaxInstructions = int.TryParse(Environment.GetEnvironmentVariable("FAST_JIT_MAXINST"), out int m) ? m : 800;
    public const int MaxBlocks = 64;
    /// <summary>A block joins only if the interpreter entered it at least 1/ColdFraction as often as the entry: cold paths stay exits (less to compile).</summary>
    public const int ColdFraction = 8;
    /// <summary>A BR's target joins (as a guarded edge) if it was taken at least 1/IndirectFraction of the time.</summary>
    public const int IndirectFraction = 32;
    /// <summary>FAST_JIT_INDIRECT=0: BR always leaves the region (a reference for measurements).</summary>
    static readonly bool FollowIndirect = Environment.GetEnvironmentVariable("FAST_JIT_INDIRECT") != "0";

    /// <summary>Direct-branch targets and the fall-through of an instruction that ends a decoded block.</summary>
    public static int Successors(ulong pc, in DecodedInstruction inst, Span<ulong> into)
    {
        if (inst.Row < 0) return 0;
        uint w = inst.Word;
        switch (Decoder.Rows[inst.Row].Name)
        {
            case "B": into[0] = pc + Semantics.Branches.Offset26(w & 0x3FFFFFF); return 1;
            case "B_cond" or "CBZ" or "CBNZ":
                into[0] = pc + Semantics.Branches.Offset19((w >> 5) & 0x7FFFF); into[1] = pc + 4; return 2;
            case "TBZ" or "TBNZ":
                into[0] = pc + Semantics.Branches.Offset14((w >> 5) & 0x3FFF); into[1] = pc + 4; return 2;
            default: return 0;
        }
    }

    static bool IsCall(in DecodedInstruction inst) => inst.Row >= 0 && Decoder.Rows[inst.Row].Name is "BL" or "BLR";

    static string NameOf(in DecodedInstruction inst) => inst.Row < 0 ? "" : Decoder.Rows[inst.Row].Name;

    /// <summary>A callee joins its caller's region only if its executed code is at most this many instructions.</summary>
    public const int MaxLeafInstructions = 48;

    /// <summary>A callee with calls of its own joins if its hot code is at most this many instructions.</summary>
    public const int MaxCalleeInstructions = 160;
    /// <summary>FAST_JIT_CALLEES=0: only small leaves join their callers' regions (a reference for measurements).</summary>
    static readonly bool FollowCallees = Environment.GetEnvironmentVariable("FAST_JIT_CALLEES") != "0";

    /// <summary>
    /// The RETs of the function at callee if it may join its caller's region, walking the blocks the
    /// interpreter executed from there (direct branches and fall-throughs). A small leaf: every block
    /// ends in a direct branch or RET, no call, no BR/BLR, no exception, at most MaxLeafInstructions;
    /// copied is given when the callee is copied into the region: it collects the callee's blocks.
    /// Otherwise (leaf false) a function whose hot blocks are at most limit instructions: its calls
    /// continue at their return sites, a BR continues at the targets it was seen to take, an
    /// exception ends a path (it leaves the region there), cold blocks stay exits. Null if it does
    /// not qualify or has no RET.
    /// </summary>
    static PcList? CalleeReturns(ulong callee, Func<ulong, DecodedBlock?> blockAt, bool leaf, int limit, PcList? copied)
    {
        var rets = new PcList();
        var seen = new PcList();
        var work = new PcList();   // taken in order
        work.Add(callee);
        int total = 0;
        long calleeEntries = 0;
        Span<ulong> next = stackalloc ulong[2];
        for (int taken = 0; taken < work.Count; taken++)
        {
            ulong pc = work[taken];
            if (seen.Contains(pc)) continue;
            seen.Add(pc);
            var block = blockAt(pc);
            if (block is null) continue;   // not mapped executable: stays an exit
            if (!block.Valid || block.Pc != pc) return null;
            if (taken == 0) calleeEntries = block.EntryCount;
            else if (!leaf && block.EntryCount * ColdFraction < calleeEntries) continue;   // cold: stays an exit
            total += block.Count;
            if (total > limit) return null;
            ulong last = pc + (ulong)(block.Count - 1) * 4;
            if (!block.EndsWithControl) { work.Add(last + 4); continue; }
            var inst = block.Instructions[block.Count - 1];
            string name = NameOf(inst);
            if (name == "RET") { rets.Add(last); continue; }
            if (!leaf && IsCall(inst)) { work.Add(last + 4); continue; }
            if (!leaf && name == "BR" && block.Targets is { } targets && FollowIndirect)
            {
                // A PLT stub or a tail call: the targets it was seen to take are the function's code too.
                foreach (ulong t in targets.Frequent(IndirectFraction)) work.Add(t);
                continue;
            }
            int n = Successors(last, inst, next);
            if (n == 0) { if (leaf) return null; continue; }   // BR, SVC, an exception...
            for (int k = 0; k < n; k++) work.Add(next[k]);
        }
        if (rets.Count == 0) return null;
        copied?.AddRange(seen);
        return rets;
    }

    /// <summary>FAST_JIT_OVERLAP=1: regions may copy blocks other regions already hold (a reference for measurements).</summary>
    static readonly bool StopAtOtherRegions = Environment.GetEnvironmentVariable("FAST_JIT_OVERLAP") != "1";

    /// <summary>The block is an entry of another region or held by one (compiled or queued).</summary>
    static bool OwnedElsewhere(DecodedBlock block) =>
        block.Region is { Valid: true } || block.CoveredBy is { Valid: true } || Volatile.Read(ref block.TierUpQueued) != 0;

    /// <summary>
    /// Whether the block lies on a page the region holds, mapped to the same physical page, or on a
    /// new one (then added to the parallel lists of virtual and physical pages).
    /// </summary>
    static bool OnRegionPages(DecodedBlock block, PcList pageVas, PcList pagePas)
    {
        ulong vpage = block.Pc & ~0xFFFUL;
        for (int p = 0; p < pageVas.Count; p++)
            if (pageVas[p] == vpage) return pagePas[p] == block.PhysicalPage;
        pageVas.Add(vpage);
        pagePas.Add(block.PhysicalPage);
        return true;
    }

    /// <summary>Adds the block's instructions; true when it falls into code the region already holds (it stops there).</summary>
    static bool AddInstructions(DecodedBlock block, PcMap<DecodedInstruction> instructions)
    {
        for (int i = 0; i < block.Count; i++)
        {
            ulong p = block.Pc + (ulong)i * 4;
            if (instructions.ContainsKey(p)) return true;
            instructions[p] = block.Instructions[i];
        }
        return false;
    }

    /// <summary>A cold path joins the region when it leads back into it within this many blocks and instructions (RejoinPath).</summary>
    public const int RejoinInstructions = 24, RejoinBlocks = 3;
    /// <summary>FAST_JIT_REJOIN=0: cold paths that lead back stay exits (a reference for measurements).</summary>
    static readonly bool Rejoin = Environment.GetEnvironmentVariable("FAST_JIT_REJOIN") != "0";

    /// <summary>Whether a path from pc of at most blocksLeft blocks and instructionsLeft instructions reaches the region; collects its blocks.</summary>
    static bool RejoinPath(ulong pc, int blocksLeft, int instructionsLeft, PcMap<DecodedInstruction> region,
        Func<ulong, DecodedBlock?> blockAt, PcList copied, PcList visited, List<DecodedBlock> side)
    {
        if (region.ContainsKey(pc)) return true;
        if (blocksLeft == 0 || (pc & 3) != 0) return false;
        foreach (var b in side) if (b.Pc == pc) return true;
        if (visited.Contains(pc)) return false;
        visited.Add(pc);
        var block = blockAt(pc);
        if (block is null || !block.Valid || block.Pc != pc || block.Count > instructionsLeft) return false;
        if (StopAtOtherRegions && OwnedElsewhere(block) && !copied.Contains(pc)) return false;
        ulong last = pc + (ulong)(block.Count - 1) * 4;
        Span<ulong> next = stackalloc ulong[2];
        int n;
        if (!block.EndsWithControl) { next[0] = last + 4; n = 1; }
        else n = Successors(last, block.Instructions[block.Count - 1], next);
        bool rejoins = false;
        for (int k = 0; k < n; k++)
            rejoins |= RejoinPath(next[k], blocksLeft - 1, instructionsLeft - block.Count, region, blockAt, copied, visited, side);
        if (rejoins) side.Add(block);
        return rejoins;
    }

    public static Region Build(DecodedBlock entry, Func<ulong, DecodedBlock?> blockAt, bool followLeaves = true)
    {
        var copiedBlocks = new PcList();   // blocks of copied callees: in each caller's region even when owned elsewhere
        var instructions = new PcMap<DecodedInstruction>(256);
        // Virtual pages and the physical page each maps to (parallel lists).
        var pageVas = new PcList();
        var pagePas = new PcList();
        pageVas.Add(entry.Pc & ~0xFFFUL);
        pagePas.Add(entry.PhysicalPage);
        var work = new PcList();   // a queue: taken from the front (workHead), added at the back
        int workHead = 0;
        work.Add(entry.Pc);
        int blocks = 0;
        var sources = new List<DecodedBlock>();
        var indirect = new PcMap<ulong[]>();
        // RET of a followed callee -> the return sites of the BLs that call it.
        var calleeReturns = new PcMap<PcList>();
        Span<ulong> next = stackalloc ulong[2];
        var cold = new PcList();
        while (workHead < work.Count && blocks < MaxBlocks)
        {
            ulong pc = work[workHead++];
            if (instructions.ContainsKey(pc) || (pc & 3) != 0) continue;
            var block = pc == entry.Pc ? entry : blockAt(pc);
            if (block is null || !block.Valid || block.Pc != pc) continue;
            if (block != entry && block.EntryCount * ColdFraction < entry.EntryCount) { cold.Add(pc); continue; }   // cold: an exit (unless it rejoins, below)
            if (block != entry && StopAtOtherRegions && OwnedElsewhere(block) && !copiedBlocks.Contains(pc)) continue;   // compiled once: an exit into that region
            if (instructions.Count + block.Count > MaxInstructions || !OnRegionPages(block, pageVas, pagePas)) continue;
            blocks++;
            sources.Add(block);
            if (AddInstructions(block, instructions)) continue;   // falls into code already in the region
            ulong last = pc + (ulong)(block.Count - 1) * 4;
            if (!block.EndsWithControl) work.Add(last + 4);
            else
            {
                int n = Successors(last, block.Instructions[block.Count - 1], next);
                for (int k = 0; k < n; k++) work.Add(next[k]);
                var control = block.Instructions[block.Count - 1];
                if (IsCall(control)) work.Add(last + 4);   // the return site: an entry of the region
                if (followLeaves && NameOf(control) == "BL" && n == 0)
                {
                    ulong callee = last + Semantics.Branches.Offset26(control.Word & 0x3FFFFFF);
                    var rets = CalleeReturns(callee, blockAt, leaf: true, MaxLeafInstructions, copiedBlocks);
                    if (rets is null && FollowCallees && blockAt(callee) is { } first)
                    {
                        if (callee == entry.Pc || instructions.ContainsKey(callee) || !OwnedElsewhere(first))   // recursion stays inside
                            rets = CalleeReturns(callee, blockAt, leaf: false, MaxCalleeInstructions, copied: null);
                        else   // another region's: copied only when as small as a leaf
                            rets = CalleeReturns(callee, blockAt, leaf: false, MaxLeafInstructions, copiedBlocks);
                    }
                    if (rets is not null)
                    {
                        work.Add(callee);
                        for (int r = 0; r < rets.Count; r++)
                        {
                            ulong ret = rets[r];
                            if (!calleeReturns.TryGetValue(ret, out var sites)) calleeReturns[ret] = sites = new PcList();
                            if (!sites.Contains(last + 4)) sites.Add(last + 4);
                        }
                    }
                }
                if (block.Targets is { } targets && FollowIndirect)
                {
                    var frequent = targets.Frequent(IndirectFraction);
                    indirect[last] = frequent;
                    foreach (ulong t in frequent) work.Add(t);
                }
            }
        }
        if (Rejoin)
        {
            var side = new List<DecodedBlock>();
            var visited = new PcList();
            for (int i = 0; i < cold.Count; i++)
                RejoinPath(cold[i], RejoinBlocks, RejoinInstructions, instructions, blockAt, copiedBlocks, visited, side);
            foreach (var block in side)
            {
                if (instructions.ContainsKey(block.Pc) || blocks >= MaxBlocks || instructions.Count + block.Count > MaxInstructions) continue;
                if (!OnRegionPages(block, pageVas, pagePas)) continue;
                blocks++;
                sources.Add(block);
                AddInstructions(block, instructions);
            }
        }
        for (int s = 0; s < calleeReturns.Slots; s++)
            if (calleeReturns.IsUsed(s)) indirect[calleeReturns.KeyAt(s)] = calleeReturns.ValueAt(s).ToArray();
        var pcs = new PcList();
        for (int s = 0; s < instructions.Slots; s++) if (instructions.IsUsed(s)) pcs.Add(instructions.KeyAt(s));
        var ascending = pcs.SortedDistinct();
        var sorted = new (ulong, DecodedInstruction)[ascending.Length];
        for (int i = 0; i < ascending.Length; i++) sorted[i] = (ascending[i], instructions[ascending[i]]);
        var pages = new (ulong, ulong)[pageVas.Count];
        for (int p = 0; p < pages.Length; p++) pages[p] = (pageVas[p], pagePas[p]);
        var region = new Region(entry, pages, sorted, sources.ToArray());
        for (int s = 0; s < indirect.Slots; s++)
        {
            if (!indirect.IsUsed(s)) continue;
            var inside = new PcList();
            foreach (ulong t in indirect.ValueAt(s)) if (instructions.ContainsKey(t)) inside.Add(t);
            if (inside.Count > 0) region.IndirectEdges[indirect.KeyAt(s)] = inside.ToArray();
        }
        return region;
    }
}
