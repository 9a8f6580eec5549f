// RegionEmitter, instructions without a native emitter and the instructions that end a block.
// A call into a row's semantics sees CpuState: the registers the row's fields name are stored
// before it and reloaded after it (system rows: all of them), and NZCV is packed and stored
// before rows that may read or write it and reloaded after. Control instructions without native
// code (SVC, BRK, UDF, ISB, undefined words...) store everything, call, and leave untouched.
using System.Reflection.Emit;
using Fast.Runtime;
using Fast.Translator.Interpreter;
using Fast.Translator.Table;

namespace Fast.Translator.Jit.Emit;

public sealed unsafe partial class RegionEmitter
{
    static readonly System.Reflection.MethodInfo UndefinedMethod =
        typeof(Semantics.ExceptionGeneration).GetMethod(nameof(Semantics.ExceptionGeneration.Undefined))!;

    /// <summary>Groups whose semantics may read registers no field names (system registers, exception generation).</summary>
    static bool SyncsEverything(string group) => group is "SystemInstructions" or "ExceptionGeneration";

    /// <summary>Groups that never read or write NZCV.</summary>
    static bool LeavesFlagsAlone(string group) =>
        group.StartsWith("LoadStore") || group.StartsWith("AdvSimd") || group.StartsWith("Crypto")
        || (group.StartsWith("Fp") && group is not ("FpCompare" or "FpConditionalCompare" or "FpConditionalSelect"));

    /// <summary>The general registers a row's semantics may touch, judged by its register fields (Rt+1 for pair rows).</summary>
    public static IEnumerable<uint> FieldRegisters(int row, uint word, bool withNext = true)
    {
        var r = RowShape.Of(row);
        foreach (var field in r.Fields)
        {
            if (field.Name.Length < 2 || field.Name[0] != 'R') continue;
            uint n = field.ValueIn(word);
            yield return n;
            if (withNext && n < 31) yield return n + 1;
        }
    }

    /// <summary>
    /// A non-control instruction without native code: its semantics with CpuState in sync around the
    /// call. One that may fault (memory, system) gets everything written back first, so the exception
    /// it may throw can leave the region with CpuState complete.
    /// </summary>
    public void CallSemantics(ulong pc, in DecodedInstruction inst, bool mayFault)
    {
        var row = RowShape.Of(inst.Row);
        bool everything = SyncsEverything(row.Group);
        bool flags = !LeavesFlagsAlone(row.Group);
        // The registers to store before the call and reload after: the cached ones it may touch, ascending.
        var touched = new bool[32];
        if (everything) for (int r = 0; r < 32; r++) touched[r] = true;
        else foreach (uint r in FieldRegisters(inst.Row, inst.Word)) touched[r] = true;
        int count = 0;
        for (uint r = 0; r < 32; r++) if (touched[r] && IsCached(r)) count++;
        var cached = new int[count];
        for (int r = 0, k = 0; r < 32; r++) if (touched[r] && IsCached((uint)r)) cached[k++] = r;
        if (mayFault)
        {
            Materialize();
            SpillAll(onlyWritten: false, alwaysNzcv: true);
            StorePc(pc);
        }
        else
        {
            if (flags) { Materialize(); StoreNzcv(); }
            foreach (int r in cached) Spill(r);
        }
        EmitSemanticsCall(inst);
        if (touched[31]) spChecked = false;   // it may have written SP
        foreach (int r in cached) { Reload(r); written[r] = true; }
        if (flags) { LoadNzcv(); nzWritten = true; }
    }

    void EmitSemanticsCall(in DecodedInstruction inst)
    {
        Il.Emit(OpCodes.Ldarg_0);
        if (inst.Row < 0)
        {
            Il.EmitInt(unchecked((int)inst.Word));
            Il.Emit(OpCodes.Call, UndefinedMethod);
            return;
        }
        var entry = SemanticsCatalog.Instance[inst.Row];
        foreach (var field in entry.Arguments) Il.EmitInt((int)field.ValueIn(inst.Word));
        Il.Emit(OpCodes.Call, entry.Method);
    }

    /// <summary>
    /// The instruction that ends a region block. Direct branches become edges; BL, BR, BLR and RET
    /// leave with PC from the locals; anything else runs its semantics with all state in CpuState.
    /// </summary>
    public void Control(ulong pc, in DecodedInstruction inst, PcMap<Label> labels, Func<ulong, bool> flagsLiveAt, ulong[]? indirectTargets = null)
    {
        uint w = inst.Word;
        string name = inst.Row < 0 ? "" : Decoder.Rows[inst.Row].Name;
        Span<ulong> next = stackalloc ulong[2];
        RegionBuilder.Successors(pc, inst, next);
        var f = inst.Row < 0 ? default : new InstFields(RowShape.Of(inst.Row), w);
        switch (name)
        {
            case "B":
                Edge(pc, next[0], labels, flagsLiveAt);
                return;
            case "B_cond":
                Condition(f["cond"]);
                Conditional(pc, next[0], next[1], labels, flagsLiveAt);
                return;
            case "CBZ" or "CBNZ":
                // The register (W: its low half) is the condition value: non-zero takes CBNZ.
                Src(f["Rt"]);
                if (f["sf"] == 0) Il.Emit(OpCodes.Conv_U4);
                Conditional(pc, next[0], next[1], labels, flagsLiveAt, takenIfTrue: name == "CBNZ");
                return;
            case "TBZ" or "TBNZ":
                Src(f["Rt"]); Il.EmitInt((int)((f["b5"] << 5) | f["b40"])); Il.Emit(OpCodes.Shr_Un);
                Il.EmitLong(1); Il.Emit(OpCodes.And);
                Conditional(pc, next[0], next[1], labels, flagsLiveAt, takenIfTrue: name == "TBNZ");
                return;
            case "BL":
                Const(pc + 4); DstSp(30);
                Edge(pc, pc + Semantics.Branches.Offset26(w & 0x3FFFFFF), labels, flagsLiveAt);
                return;
            case "BR" or "RET" when indirectTargets is { Length: > 0 }:
                // C6.2.37 BR, C6.2.254 RET: PC = Xn. Targets seen often (RegionBuilder), or the return
                // sites of the calls to a small leaf the region holds, are compared first and become
                // edges inside the region; any other target leaves as an indirect exit.
                Materialize();
                Src(f["Rn"]);
                Il.Emit(OpCodes.Stloc, tVa);
                foreach (ulong target in indirectTargets)
                {
                    var other = Il.DefineLabel();
                    Il.Emit(OpCodes.Ldloc, tVa);
                    Const(target);
                    Il.Emit(OpCodes.Bne_Un, other);
                    Edge(pc, target, labels, flagsLiveAt);
                    Il.Mark(other);
                }
                Il.Emit(OpCodes.Ldarg_0);
                Il.EmitInt(PcOffset);
                Il.Emit(OpCodes.Add);
                Il.Emit(OpCodes.Ldloc, tVa);
                Il.Emit(OpCodes.Stind_I8);
                Exit(IndirectExit);
                return;
            case "BR" or "RET" or "BLR":
                // C6.2 BR/BLR/RET: PC = Xn (read before BLR writes X30, so BLR X30 works).
                Materialize();
                Il.Emit(OpCodes.Ldarg_0);
                Il.EmitInt(PcOffset);
                Il.Emit(OpCodes.Add);
                Src(f["Rn"]);
                Il.Emit(OpCodes.Stind_I8);
                if (name == "BLR") { Const(pc + 4); DstSp(30); }
                Exit(IndirectExit);
                return;
        }
        Materialize();
        SpillAll(onlyWritten: false, alwaysNzcv: true);
        StorePc(pc);
        EmitSemanticsCall(inst);
        ExitRaw(-1);
    }

    /// <summary>A condition value is on the stack: taken edge when it is non-zero (zero with takenIfTrue false), fall-through otherwise.</summary>
    void Conditional(ulong pc, ulong taken, ulong fall, PcMap<Label> labels, Func<ulong, bool> flagsLiveAt, bool takenIfTrue = true)
    {
        var notTaken = Il.DefineLabel();
        Il.Emit(takenIfTrue ? OpCodes.Brfalse : OpCodes.Brtrue, notTaken);
        Edge(pc, taken, labels, flagsLiveAt);
        Il.Mark(notTaken);
        Edge(pc, fall, labels, flagsLiveAt);
    }
}
