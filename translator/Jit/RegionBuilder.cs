// RegionBuilder: forms a region from a hot block by following direct branches (B, B.cond, CBZ,
// CBNZ, TBZ, TBNZ) and fall-throughs, breadth first, within MaxInstructions / MaxBlocks, and the
// targets a BR was seen to take often in the interpreter (DecodedBlock.Targets): the compiled BR
// compares its target with them and jumps inside the region on a match (a switch's jump table or a
// bytecode interpreter's dispatch then stays in one method), leaving as before otherwise. BL leaves
// through a link slot (its target may become a region of its own); BLR, BR, RET, exceptions and
// ISB leave too. The return site after a BL or BLR joins the region (when hot enough) as one of its
// entries: the callee's RET enters the region there (every region block is an entry, see
// RegionEmitter.Finish), so the code after a call is not compiled again as a region of its own.
// (Following BL into callees was tried twice: on lua5.4 it tripled the code compiled and the run
// got slower while the compiler caught up; with return sites as entries it cut busybox awk's
// region transitions 716 M -> 237 M but awk and lua got slower: each caller region had its own
// copy of malloc and free.) Blocks the interpreter rarely entered (error
// paths, code after a loop) are left out: what RyuJIT compiles costs ~35 us per guest instruction.
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

    public static Region Build(DecodedBlock entry, Func<ulong, DecodedBlock?> blockAt)
    {
        var instructions = new Dictionary<ulong, DecodedInstruction>();
        var pages = new List<(ulong, ulong)> { (entry.Pc & ~0xFFFUL, entry.PhysicalPage) };
        var work = new Queue<ulong>();
        work.Enqueue(entry.Pc);
        int blocks = 0;
        var sources = new List<DecodedBlock>();
        var indirect = new Dictionary<ulong, ulong[]>();
        Span<ulong> next = stackalloc ulong[2];
        while (work.Count > 0 && blocks < MaxBlocks)
        {
            ulong pc = work.Dequeue();
            if (instructions.ContainsKey(pc) || (pc & 3) != 0) continue;
            var block = pc == entry.Pc ? entry : blockAt(pc);
            if (block is null || !block.Valid || block.Pc != pc) continue;
            if (block != entry && block.EntryCount * ColdFraction < entry.EntryCount) continue;   // cold: an exit
            if (instructions.Count + block.Count > MaxInstructions) continue;
            ulong vpage = pc & ~0xFFFUL;
            int known = pages.FindIndex(p => p.Item1 == vpage);
            if (known < 0) pages.Add((vpage, block.PhysicalPage));
            else if (pages[known].Item2 != block.PhysicalPage) continue;
            blocks++;
            sources.Add(block);
            bool joined = false;
            for (int i = 0; i < block.Count; i++)
            {
                ulong p = pc + (ulong)i * 4;
                if (instructions.ContainsKey(p)) { joined = true; break; }   // falls into code already in the region
                instructions[p] = block.Instructions[i];
            }
            if (joined) continue;
            ulong last = pc + (ulong)(block.Count - 1) * 4;
            if (!block.EndsWithControl) work.Enqueue(last + 4);
            else
            {
                int n = Successors(last, block.Instructions[block.Count - 1], next);
                for (int k = 0; k < n; k++) work.Enqueue(next[k]);
                if (IsCall(block.Instructions[block.Count - 1])) work.Enqueue(last + 4);   // the return site: an entry of the region
                if (block.Targets is { } targets && FollowIndirect)
                {
                    var frequent = targets.Frequent(IndirectFraction).ToArray();
                    indirect[last] = frequent;
                    foreach (ulong t in frequent) work.Enqueue(t);
                }
            }
        }
        var sorted = instructions.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();
        var region = new Region(entry, pages.ToArray(), sorted, sources.ToArray());
        foreach (var (br, targets) in indirect)
        {
            var inside = targets.Where(instructions.ContainsKey).ToArray();
            if (inside.Length > 0) region.IndirectEdges[br] = inside;
        }
        return region;
    }
}
