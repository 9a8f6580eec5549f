// RegionCompiler: tier 1's code generator. A region becomes one DynamicMethod
// `int guest!0xPC(CpuState* c, int entry)` with an IL label per region block, so loops
// run inside compiled code. Common integer instructions, loads/stores and branches are emitted
// natively over guest registers held in IL locals, with lazy flags (Emit/RegionEmitter explains
// both); every other instruction calls its row's semantics with the fields as IL constants.
// This file finds the region blocks, the registers to hold in locals and where NZCV is live, and
// walks the blocks; Region documents the contract with the run loop.
using System.Reflection.Emit;
using Fast.Runtime;
using Fast.Translator.Interpreter;
using Fast.Translator.Jit.Emit;

namespace Fast.Translator.Jit;

public static unsafe class RegionCompiler
{
    /// <summary>Groups whose semantics read PC or can raise an exception mid-block (system registers, SYS, DC ZVA...).</summary>
    static readonly HashSet<string> PcGroups = ["Branches", "ExceptionGeneration", "SystemInstructions"];

    static bool NeedsPc(int row)
    {
        if (row < 0) return true;
        var info = Decoder.Rows[row];
        if (info.AccessesMemory || info.EndsBlock) return true;
        var table = RowShape.Of(row);
        return PcGroups.Contains(table.Group) || table.Group.Contains("LoadStore") || info.Name is "ADR" or "ADRP";
    }

    static bool IsControl(in DecodedInstruction inst) => inst.Row < 0 || Decoder.Rows[inst.Row].EndsBlock;

    /// <summary>FAST_JIT_NATIVE=0 calls every row's semantics (a reference for the native emitters).</summary>
    static readonly bool NativeEnabled = Environment.GetEnvironmentVariable("FAST_JIT_NATIVE") != "0";

    static RegionEmitter.Emitter? NativeEmitter(in DecodedInstruction inst) =>
        NativeEnabled && inst.Row >= 0 && RegionEmitter.Native.TryGetValue(Decoder.Rows[inst.Row].Name, out var e) ? e : null;

    static readonly HashSet<string> NativeControl = ["B", "B_cond", "CBZ", "CBNZ", "TBZ", "TBNZ", "BL", "BR", "BLR", "RET"];

    public static (RegionCode Code, DynamicMethod Method) Compile(Region region, bool keepListing = false)
    {
        var method = new DynamicMethod(region.Name, typeof(int), [typeof(Region), typeof(CpuState*), typeof(int)],
            typeof(RegionCompiler).Module, skipVisibility: true);
        var il = new RegionIl(method.GetILGenerator(), keepListing);
        var insts = region.Instructions;
        var index = new PcMap<int>(insts.Length);
        for (int i = 0; i < insts.Length; i++) index[insts[i].Pc] = i;

        // Leaders: the entry, in-region branch targets, the start of each contiguous run, and what follows a control instruction.
        var leaderList = new PcList();
        leaderList.Add(region.EntryPc);
        Span<ulong> next = stackalloc ulong[2];
        for (int i = 0; i < insts.Length; i++)
        {
            var (pc, inst) = insts[i];
            if (i == 0 || insts[i - 1].Pc != pc - 4 || IsControl(insts[i - 1].Inst)) leaderList.Add(pc);
            int n = RegionBuilder.Successors(pc, inst, next);
            for (int k = 0; k < n; k++) if (index.ContainsKey(next[k])) leaderList.Add(next[k]);
        }
        for (int s = 0; s < region.IndirectEdges.Slots; s++) if (region.IndirectEdges.IsUsed(s)) leaderList.AddRange(region.IndirectEdges.ValueAt(s));
        // Every decoded block the region holds starts a region block: any of them may be entered.
        foreach (var source in region.Sources) if (index.ContainsKey(source.Pc)) leaderList.Add(source.Pc);
        var leaders = leaderList.SortedDistinct();
        region.BlockStarts = leaders;
        var labels = new PcMap<Label>(leaders.Length);
        foreach (ulong l in leaders) labels[l] = il.DefineLabel(l);
        var live = FlagLiveness(region, index, leaders);
        Func<ulong, bool> flagsLiveAt = pc => live[PcList.IndexIn(leaders, pc)];

        var backward = BackwardBranches(insts, region.IndirectEdges);
        bool loops = HasBackwardEdge(backward, index);
        // A region without a loop runs each instruction at most once per entry: a register local would
        // cost its load and store (and RyuJIT callee-saved registers to push and pop) on every chained
        // entry for a use or two (caching as in loops: awk +4.7 % host cycles, lua5.4 +3.2 %), so
        // there only registers used often (MinStraightWeight) are held in locals.
        var e = new RegionEmitter(il, PlanRegisters(insts, backward, loops ? MinWeight : MinStraightWeight));
        e.EntryCheck(region.Header, region.InstructionCount, loops);
        e.Begin();
        // The entry block first, so the method falls into it.
        var order = new ulong[leaders.Length];
        order[0] = region.EntryPc;
        for (int l = 0, o = 1; l < leaders.Length; l++) if (leaders[l] != region.EntryPc) order[o++] = leaders[l];
        foreach (ulong start in order)
        {
            il.Mark(labels[start]);
            e.StartBlock();
            int i = index[start];
            int count = 0, memory = 0;
            while (true)
            {
                var (pc, inst) = insts[i];
                count++;
                if (inst.Row >= 0 && Decoder.Rows[inst.Row].AccessesMemory) memory++;
                il.Comment(pc, inst);
                if (IsControl(inst))
                {
                    e.AddCounter(retired: true, count);
                    e.AddCounter(retired: false, memory);
                    e.Control(pc, inst, labels, flagsLiveAt, region.IndirectEdges.GetValueOrDefault(pc));
                    break;
                }
                var native = NativeEmitter(inst);
                if (native is not null)
                {
                    if (Decoder.Rows[inst.Row].AccessesMemory) e.MayFault(pc);   // a miss or sync exit stores PC (and packs pending flags for it)
                    native(e, pc, new InstFields(RowShape.Of(inst.Row), inst.Word));
                }
                else e.CallSemantics(pc, inst, NeedsPc(inst.Row));
                if (i + 1 >= insts.Length || PcList.IndexIn(leaders, insts[i + 1].Pc) >= 0)
                {
                    e.AddCounter(retired: true, count);
                    e.AddCounter(retired: false, memory);
                    e.Edge(pc, pc + 4, labels, flagsLiveAt);
                    break;
                }
                i++;
            }
        }
        e.Finish(region, labels);
        region.IlListing = il.Listing;
        region.IlBytes = il.Size;
        region.IlLocals = il.Locals;
        region.ExitTargets = il.Exits.ToArray();
        // Closed over the region: an instance-closed delegate calls straight into the method (an open
        // static one goes through a shuffle thunk that moves every argument). Chained calls pass null
        // for it: the method never reads argument 0.
        return ((RegionCode)method.CreateDelegate(typeof(RegionCode), region), method);
    }

    /// <summary>A branch inside the region goes back (to its own PC or below): a loop, whose edge checks RetiredLimit.</summary>
    static bool HasBackwardEdge(PcList back, PcMap<int> index)
    {
        for (int i = 0; i < back.Count; i += 2) if (index.ContainsKey(back[i])) return true;
        return false;
    }

    /// <summary>Direct branches and profiled BR edges back to their own PC or below: the loop [Head, Branch]
    /// each closes, as pairs (Head at even indices, Branch after it).</summary>
    static PcList BackwardBranches((ulong Pc, DecodedInstruction Inst)[] insts, PcMap<ulong[]> indirect)
    {
        var back = new PcList();
        Span<ulong> next = stackalloc ulong[2];
        foreach (var (pc, inst) in insts)
        {
            int n = RegionBuilder.Successors(pc, inst, next);
            for (int k = 0; k < n; k++) if (next[k] <= pc) { back.Add(next[k]); back.Add(pc); }
        }
        for (int s = 0; s < indirect.Slots; s++)
        {
            if (!indirect.IsUsed(s)) continue;
            ulong br = indirect.KeyAt(s);
            foreach (ulong t in indirect.ValueAt(s)) if (t <= br) { back.Add(t); back.Add(br); }
        }
        return back;
    }

    /// <summary>
    /// The general registers to hold in IL locals (31 is SP's): the (at most MaxCachedRegisters) most
    /// used by natively emitted instructions, if used at least minWeight times, counting a use inside
    /// a loop (between a backward branch's target and the branch) as ten.
    /// </summary>
    static int[] PlanRegisters((ulong Pc, DecodedInstruction Inst)[] insts, PcList loops, int minWeight)
    {
        var weight = new int[32];
        foreach (var (pc, inst) in insts)
        {
            if (inst.Row < 0) continue;
            string name = Decoder.Rows[inst.Row].Name;
            if (NativeEmitter(inst) is null && !NativeControl.Contains(name)) continue;
            int w = 1;
            for (int l = 0; l < loops.Count; l += 2) if (pc >= loops[l] && pc <= loops[l + 1]) { w = 10; break; }
            foreach (uint r in RegionEmitter.FieldRegisters(inst.Row, inst.Word, withNext: false)) weight[r] += w;
            if (name is "BL" or "BLR") weight[30] += w;
        }
        // The heaviest first (the lower register on a tie), while they reach MinWeight.
        var chosen = new int[Math.Min(MaxCachedRegisters, 32)];
        int count = 0;
        var taken = new bool[32];
        while (count < chosen.Length)
        {
            int best = -1;
            for (int r = 0; r < 32; r++)
                if (!taken[r] && weight[r] >= minWeight && (best < 0 || weight[r] > weight[best])) best = r;
            if (best < 0) break;
            taken[best] = true;
            chosen[count++] = best;
        }
        var result = new int[count];
        Array.Copy(chosen, result, count);
        return result;
    }

    /// <summary>In a region without a loop a register is held in a local only if natively emitted
    /// instructions use it at least this often: then its load at entry and store at exit cost less
    /// than the memory operands they replace (a 279-instruction function called in a loop: host
    /// instructions -30 %, cycles -13 %; the workloads' loop-free regions are short and unchanged).</summary>
    const int MinStraightWeight = 8;

    /// <summary>A local costs a load at entry and a store at exits. RyuJIT keeps a few long-lived
    /// values in callee-saved registers across the slow-path calls; more locals spill to the stack
    /// frame, which is no faster than CpuState and costs the copy. Measured with FAST_JIT_SYNC=1 and
    /// DOTNET_TieredCompilation=0 (deterministic runs), host cycles at most 12 / 8 / 6 locals:
    /// lua5.4 8.85 / 8.49 / 8.47 G, busybox awk 11.6 / 11.0 / 10.7 G, xz -6 13.1 / 12.6 / 12.5 G,
    /// xz -d 3.70 / 3.39 / 3.34 G, gzip -9 2.66 / 2.65 / 2.71 G. Later (session 6) the listings showed
    /// RyuJIT with rbx (CpuState) and r12-r15 only: of 6 locals, 2 lived in the frame. Host instructions
    /// at most 6 / 4 locals: lua5.4 27.9 / 27.3 G, awk 32.4 / 31.0 G, xz -6 30.4 / 30.1 G, xz -d 6.00 /
    /// 5.93 G, sha256sum 4.41 / 4.40 G, gzip -9 7.51 / 7.65 G (its longest_match loop is the one that
    /// liked more). Since TLB misses leave the region instead of calling (session 7), the locals may
    /// live in the registers a call clobbers; host cycles at most 4 / 6 / 8 locals: lua5.4 6.99 / 7.00 /
    /// 6.99 G, awk 7.70 / 7.62 / 7.97 G, xz -6 9.23 / 9.04 / 9.36 G, xz -d 2.72 / 2.71 / 2.78 G, gzip -9
    /// 3.18 / 3.14 / 3.16 G, sha256sum 1.757 / 1.751 / 1.755 G. FAST_JIT_MAXREGS overrides.</summary>
    static readonly int MinWeight = 3,
        MaxCachedRegisters = int.TryParse(Environment.GetEnvironmentVariable("FAST_JIT_MAXREGS"), out int m) ? m : 6;

    enum FlagUse { None, Read, Write, ReadWrite }

    static FlagUse FlagUseOf(in DecodedInstruction inst)
    {
        if (inst.Row < 0) return FlagUse.Read;
        string name = Decoder.Rows[inst.Row].Name;
        if (name is "B_cond" or "CSEL" or "CSINC" or "CSINV" or "CSNEG" or "MRS") return FlagUse.Read;   // MRS may read NZCV
        if (name.StartsWith("CCMP") || name.StartsWith("CCMN")) return FlagUse.ReadWrite;
        if (name is "ADDS_imm" or "SUBS_imm" or "ADDS_shift" or "SUBS_shift" or "ADDS_ext" or "SUBS_ext"
            or "ANDS_imm" or "ANDS_shift" or "BICS_shift") return FlagUse.Write;
        if (NativeEmitter(inst) is not null || name is "B" or "CBZ" or "CBNZ" or "TBZ" or "TBNZ" or "BL") return FlagUse.None;
        return FlagUse.Read;   // semantics calls and exits: assume they may read NZCV
    }

    /// <summary>NZCV live at the start of each region block (backward dataflow; leaving the region
    /// counts as a read), per leader (ascending, as BlockStarts).</summary>
    static bool[] FlagLiveness(Region region, PcMap<int> index, ulong[] leaders)
    {
        var insts = region.Instructions;
        var firsts = new int[leaders.Length];
        var lasts = new int[leaders.Length];
        for (int b = 0; b < leaders.Length; b++)
        {
            int i = index[leaders[b]];
            while (!IsControl(insts[i].Inst) && i + 1 < insts.Length && PcList.IndexIn(leaders, insts[i + 1].Pc) < 0) i++;
            firsts[b] = index[leaders[b]];
            lasts[b] = i;
        }
        var live = new bool[leaders.Length];
        // Live at pc: true outside the region (an exit reads the flags).
        bool LiveAt(ulong pc) { int b = PcList.IndexIn(leaders, pc); return b < 0 || live[b]; }
        Span<ulong> next = stackalloc ulong[2];
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int b = leaders.Length - 1; b >= 0; b--)
            {
                int first = firsts[b], last = lasts[b];
                var (lastPc, lastInst) = insts[last];
                bool liveOut = false;
                if (IsControl(lastInst))
                {
                    string name = lastInst.Row < 0 ? "" : Decoder.Rows[lastInst.Row].Name;
                    int n = RegionBuilder.Successors(lastPc, lastInst, next);
                    if (name == "BL") { next[0] = lastPc + Semantics.Branches.Offset26(lastInst.Word & 0x3FFFFFF); n = 1; }
                    if (n == 0) liveOut = true;
                    for (int k = 0; k < n; k++) liveOut |= LiveAt(next[k]);
                }
                else liveOut = LiveAt(lastPc + 4);
                bool state = liveOut;
                for (int i = last; i >= first; i--)
                {
                    var use = FlagUseOf(insts[i].Inst);
                    if (use is FlagUse.Write) state = false;
                    else if (use is FlagUse.Read or FlagUse.ReadWrite) state = true;
                }
                if (state != live[b]) { live[b] = state; changed = true; }
            }
        }
        return live;
    }
}
