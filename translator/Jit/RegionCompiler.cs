// RegionCompiler: tier 1's code generator. A region becomes one DynamicMethod
// `void guest!0xPC(CpuState* c, ulong retiredLimit)` with an IL label per region block, so loops
// run inside compiled code. Per guest instruction it emits a direct call of the row's semantics
// method with every field as an IL constant (RyuJIT inlines the AggressiveInlining semantics and
// folds the register numbers into fixed offsets from c), preceded by a store of the instruction's
// PC only where something may read it: PC-relative rows, loads and stores (a fault reports PC),
// system and exception rows, and instructions that leave the region.
//
// Direct branches are not called: the value-level parts of their semantics (Branches.Offset*,
// CondTaken, IsZero, BitIsZero) give the target and the condition, and the edge becomes an IL
// branch to the target's label, or an exit (store PC, return) when the target is outside. See
// Region for the contract with the run loop (retired counting, backward-edge checks).
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using System.Text;
using Fast.Runtime;
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

public static unsafe class RegionCompiler
{
    static readonly int PcOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.PC));
    static readonly int RetiredOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.Retired));
    static readonly int MemoryInstructionsOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.MemoryInstructions));
    static readonly int PendingOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.PendingInterrupt));
    static readonly MethodInfo UndefinedMethod = typeof(Semantics.ExceptionGeneration).GetMethod(nameof(Semantics.ExceptionGeneration.Undefined))!;
    static readonly MethodInfo CondTaken = typeof(Semantics.Branches).GetMethod(nameof(Semantics.Branches.CondTaken))!;
    static readonly MethodInfo IsZero = typeof(Semantics.Branches).GetMethod(nameof(Semantics.Branches.IsZero))!;
    static readonly MethodInfo BitIsZero = typeof(Semantics.Branches).GetMethod(nameof(Semantics.Branches.BitIsZero))!;

    /// <summary>Groups whose semantics may read PC or fault (everything else is pure register/flag work).</summary>
    // Groups whose semantics read PC or can raise an exception mid-block (system registers, SYS, DC ZVA...).
    static readonly HashSet<string> PcGroups = ["Branches", "ExceptionGeneration", "SystemInstructions"];

    static bool NeedsPc(int row)
    {
        if (row < 0) return true;
        var info = Decoder.Rows[row];
        if (info.AccessesMemory || info.EndsBlock) return true;
        var table = Table.EncodingTable.Rows[row];
        return PcGroups.Contains(table.Group) || table.Group.Contains("LoadStore") || info.Name is "ADR" or "ADRP";
    }

    static bool IsControl(in DecodedInstruction inst) => inst.Row < 0 || Decoder.Rows[inst.Row].EndsBlock;

    public static RegionCode Compile(Region region, bool keepListing = false)
    {
        var method = new DynamicMethod(region.Name, typeof(int), [typeof(Region), typeof(CpuState*), typeof(ulong)],
            typeof(RegionCompiler).Module, skipVisibility: true);
        var il = new Il(method.GetILGenerator(), keepListing);
        var insts = region.Instructions;
        var index = new Dictionary<ulong, int>(insts.Length);
        for (int i = 0; i < insts.Length; i++) index[insts[i].Pc] = i;

        // Leaders: the entry, in-region branch targets, the start of each contiguous run, and what follows a control instruction.
        var leaders = new SortedSet<ulong> { region.EntryPc };
        Span<ulong> next = stackalloc ulong[2];
        for (int i = 0; i < insts.Length; i++)
        {
            var (pc, inst) = insts[i];
            if (i == 0 || insts[i - 1].Pc != pc - 4 || IsControl(insts[i - 1].Inst)) leaders.Add(pc);
            int n = RegionBuilder.Successors(pc, inst, next);
            for (int k = 0; k < n; k++) if (index.ContainsKey(next[k])) leaders.Add(next[k]);
        }
        region.BlockStarts = leaders.ToArray();
        var labels = new Dictionary<ulong, Label>();
        foreach (ulong l in leaders) labels[l] = il.DefineLabel(l);

        // The entry block first, so the method falls into it.
        var order = new List<ulong> { region.EntryPc };
        order.AddRange(leaders.Where(l => l != region.EntryPc));
        var catalog = SemanticsCatalog.Instance;
        // Entry check: Retired already past the limit means "return at once" (TierUpQueue uses it to
        // have RyuJIT compile the method on the background thread).
        il.Emit(OpCodes.Ldarg_0);
        il.EmitInt(RetiredOffset);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldind_I8);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ble_Un, labels[region.EntryPc]);
        il.EmitInt(-1);
        il.Emit(OpCodes.Ret);
        foreach (ulong start in order)
        {
            il.Mark(labels[start], start);
            int i = index[start];
            int count = 0, memory = 0;
            while (true)
            {
                var (pc, inst) = insts[i];
                count++;
                if (inst.Row >= 0 && Decoder.Rows[inst.Row].AccessesMemory) memory++;
                bool control = IsControl(inst);
                bool lastOfBlock = control || i + 1 >= insts.Length || leaders.Contains(insts[i + 1].Pc);
                if (control)
                {
                    AddRetired(il, count);
                    AddCounter(il, MemoryInstructionsOffset, memory);
                    EmitControl(il, pc, inst, catalog, labels);
                    break;
                }
                il.Comment(pc, inst);
                if (NeedsPc(inst.Row)) StorePc(il, pc);
                il.Emit(OpCodes.Ldarg_0);
                var entry = catalog[inst.Row];
                foreach (var field in entry.Arguments) il.EmitInt((int)SemanticsCatalog.Extract(field, inst.Word));
                il.Emit(OpCodes.Call, entry.Method);
                if (lastOfBlock)
                {
                    AddRetired(il, count);
                    AddCounter(il, MemoryInstructionsOffset, memory);
                    Edge(il, pc, pc + 4, labels);
                    break;
                }
                i++;
            }
        }
        region.IlListing = il.Listing;
        region.ExitTargets = il.Exits.ToArray();
        region.Links = new Region?[il.Exits.Count];
        // Closed over the region: an instance-closed delegate calls straight into the method (an open
        // static one goes through a shuffle thunk that moves every argument).
        return (RegionCode)method.CreateDelegate(typeof(RegionCode), region);
    }

    static void EmitControl(Il il, ulong pc, in DecodedInstruction inst, SemanticsCatalog catalog, Dictionary<ulong, Label> labels)
    {
        il.Comment(pc, inst);
        uint w = inst.Word;
        string name = inst.Row < 0 ? "" : Decoder.Rows[inst.Row].Name;
        Span<ulong> next = stackalloc ulong[2];
        RegionBuilder.Successors(pc, inst, next);
        switch (name)
        {
            case "B":
                Edge(il, pc, next[0], labels);
                return;
            case "B_cond":
                il.Emit(OpCodes.Ldarg_0);
                il.EmitInt((int)(w & 0xF));
                il.Emit(OpCodes.Call, CondTaken);
                Conditional(il, pc, taken: next[0], fall: next[1], branchIfTrue: true, labels);
                return;
            case "CBZ" or "CBNZ":
                il.Emit(OpCodes.Ldarg_0);
                il.EmitInt((int)(w >> 31));
                il.EmitInt((int)(w & 0x1F));
                il.Emit(OpCodes.Call, IsZero);
                Conditional(il, pc, next[0], next[1], branchIfTrue: name == "CBZ", labels);
                return;
            case "TBZ" or "TBNZ":
                il.Emit(OpCodes.Ldarg_0);
                il.EmitInt((int)(w >> 31));
                il.EmitInt((int)((w >> 19) & 0x1F));
                il.EmitInt((int)(w & 0x1F));
                il.Emit(OpCodes.Call, BitIsZero);
                Conditional(il, pc, next[0], next[1], branchIfTrue: name == "TBZ", labels);
                return;
        }
        // Anything else (BL, BR, BLR, RET, SVC, BRK, HLT, UDF, ISB, undefined) runs its semantics and leaves.
        StorePc(il, pc);
        il.Emit(OpCodes.Ldarg_0);
        if (inst.Row < 0)
        {
            il.EmitInt(unchecked((int)w));
            il.Emit(OpCodes.Call, UndefinedMethod);
        }
        else
        {
            var entry = catalog[inst.Row];
            foreach (var field in entry.Arguments) il.EmitInt((int)SemanticsCatalog.Extract(field, w));
            il.Emit(OpCodes.Call, entry.Method);
        }
        // A BL's target is known: it gets a link slot like any direct exit.
        if (name == "BL") ExitTo(il, next: pc + Semantics.Branches.Offset26(w & 0x3FFFFFF), storePc: false);
        else { il.EmitInt(-1); il.Emit(OpCodes.Ret); }
    }

    static void Conditional(Il il, ulong pc, ulong taken, ulong fall, bool branchIfTrue, Dictionary<ulong, Label> labels)
    {
        var notTaken = il.DefineLabel();
        il.Emit(branchIfTrue ? OpCodes.Brfalse : OpCodes.Brtrue, notTaken);
        Edge(il, pc, taken, labels);
        il.Mark(notTaken);
        Edge(il, pc, fall, labels);
    }

    /// <summary>Control passes from the instruction at `from` to `to`: a jump inside the region, or an exit.</summary>
    static void Edge(Il il, ulong from, ulong to, Dictionary<ulong, Label> labels)
    {
        if (!labels.TryGetValue(to, out var target))
        {
            ExitTo(il, to, storePc: true);
            return;
        }
        if (to <= from)
        {
            // Backward edge: leave if an interrupt is pending or the budget is spent.
            var leave = il.DefineLabel();
            il.Emit(OpCodes.Ldarg_0);
            il.EmitInt(PendingOffset);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Volatile);
            il.Emit(OpCodes.Ldind_I4);
            il.Emit(OpCodes.Brtrue, leave);
            il.Emit(OpCodes.Ldarg_0);
            il.EmitInt(RetiredOffset);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldind_I8);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ble_Un, target);
            il.Mark(leave);
            StorePc(il, to);
            il.EmitInt(-1);   // not chained: the run loop must look at the interrupt and the budget
            il.Emit(OpCodes.Ret);
            return;
        }
        il.Emit(OpCodes.Br, target);
    }

    /// <summary>A direct exit: returns its link-slot index (Region.ExitTargets[i] is the PC it leaves to).</summary>
    static void ExitTo(Il il, ulong next, bool storePc)
    {
        if (storePc) StorePc(il, next);
        il.EmitInt(il.Exits.Count);
        il.Exits.Add(next);
        il.Emit(OpCodes.Ret);
    }

    static void AddRetired(Il il, int count) => AddCounter(il, RetiredOffset, count);

    /// <summary>*(ulong*)(c + offset) += count (nothing for 0).</summary>
    static void AddCounter(Il il, int offset, int count)
    {
        if (count == 0) return;
        il.Emit(OpCodes.Ldarg_0);
        il.EmitInt(offset);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Ldind_I8);
        il.EmitInt(count);
        il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stind_I8);
    }

    static void StorePc(Il il, ulong pc)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.EmitInt(PcOffset);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldc_I8, unchecked((long)pc));
        il.Emit(OpCodes.Stind_I8);
    }

    /// <summary>An ILGenerator that can also keep the IL as text (for fast explain).</summary>
    sealed class Il(ILGenerator g, bool keep)
    {
        readonly StringBuilder? text = keep ? new StringBuilder() : null;
        readonly Dictionary<Label, string> names = new();
        public string? Listing => text?.ToString();
        public readonly List<ulong> Exits = new();

        public Label DefineLabel(ulong? pc = null)
        {
            var l = g.DefineLabel();
            if (text is not null) names[l] = pc is ulong p ? $"L_{p:x}" : $"L{names.Count}";
            return l;
        }
        public void Mark(Label l, ulong? pc = null)
        {
            g.MarkLabel(l);
            text?.Append(names[l]).AppendLine(":");
        }
        public void Comment(ulong pc, in DecodedInstruction inst)
        {
            if (text is null) return;
            string dis = inst.Row < 0 ? $".inst 0x{inst.Word:x8}" : Disassembler.Disassemble(inst.Word, pc);
            text.AppendLine($"  // {pc:x}: {dis}");
        }
        public void Emit(OpCode op)
        {
            // Argument 0 is the region the delegate is closed over: c and retiredLimit are 1 and 2.
            if (op == OpCodes.Ldarg_0) op = OpCodes.Ldarg_1;
            else if (op == OpCodes.Ldarg_1) op = OpCodes.Ldarg_2;
            g.Emit(op);
            text?.AppendLine($"    {op.Name}");
        }
        public void EmitInt(int v) { g.Emit(OpCodes.Ldc_I4, v); text?.AppendLine($"    ldc.i4 {v}"); }
        public void Emit(OpCode op, long v) { g.Emit(op, v); text?.AppendLine($"    {op.Name} 0x{v:x}"); }
        public void Emit(OpCode op, MethodInfo m) { g.Emit(op, m); text?.AppendLine($"    {op.Name} {m.DeclaringType?.Name}.{m.Name}"); }
        public void Emit(OpCode op, Label l) { g.Emit(op, l); text?.AppendLine($"    {op.Name} {names.GetValueOrDefault(l, "?")}"); }
    }
}
