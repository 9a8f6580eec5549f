// RegionEmitter, integer data processing without CpuState (ARM ARM C4.1.86 immediate, C4.1.88
// register): operands come from register locals, fields are IL constants, ValueOps does the work.
// Register 31 follows each encoding: Xn|SP for ADD/SUB (immediate and extended) and for the
// destination of non-flag-setting logical immediates, ZR everywhere else.
using System.Reflection.Emit;
using Fast.Translator.Semantics;

namespace Fast.Translator.Jit.Emit;

/// <summary>One instruction's fields by name.</summary>
public readonly struct InstFields(RowShape row, uint word)
{
    public uint this[string name] => row.Field(name).ValueIn(word);
    public uint Word => word;
}

public sealed unsafe partial class RegionEmitter
{
    public delegate void Emitter(RegionEmitter e, ulong pc, InstFields f);

    /// <summary>Rows tier 1 emits natively (everything else calls its semantics).</summary>
    public static readonly Dictionary<string, Emitter> Native = BuildNative();

    static Dictionary<string, Emitter> BuildNative()
    {
        var d = new Dictionary<string, Emitter>
        {
            ["ADR"] = (e, pc, f) => { e.Const(pc + Bits.SignExtend((f["immhi"] << 2) | f["immlo"], 21)); e.Dst(f["Rd"]); },
            ["ADRP"] = (e, pc, f) => { e.Const((pc & ~0xFFFUL) + (Bits.SignExtend((f["immhi"] << 2) | f["immlo"], 21) << 12)); e.Dst(f["Rd"]); },
            ["MOVZ"] = (e, _, f) => { e.Const(IntegerValues.Trunc((ulong)f["imm16"] << (int)(f["hw"] * 16), f["sf"])); e.Dst(f["Rd"]); },
            ["MOVN"] = (e, _, f) => { e.Const(IntegerValues.Trunc(~((ulong)f["imm16"] << (int)(f["hw"] * 16)), f["sf"])); e.Dst(f["Rd"]); },
            ["MOVK"] = (e, _, f) => { e.Src(f["Rd"]); e.ConstU(f["hw"]); e.ConstU(f["imm16"]); e.ConstU(f["sf"]); e.Call("Movk"); e.Dst(f["Rd"]); },
            ["SBFM"] = (e, _, f) => e.Bitfield(f, signed: true, insert: false),
            ["UBFM"] = (e, _, f) => e.Bitfield(f, signed: false, insert: false),
            ["BFM"] = (e, _, f) => e.Bitfield(f, signed: false, insert: true),
            ["EXTR"] = (e, _, f) =>
            {
                if (f["Rn"] == f["Rm"]) { e.Src(f["Rn"]); e.RotateRight(f["imms"], f["sf"]); e.Dst(f["Rd"]); return; }   // ROR (immediate)
                e.Src(f["Rn"]); e.Src(f["Rm"]); e.ConstU(f["imms"]); e.ConstU(f["sf"]); e.Call("Extr"); e.Dst(f["Rd"]);
            },
            ["UDIV"] = (e, _, f) => e.Binary(f, "Udiv", withSf: true),
            ["SDIV"] = (e, _, f) => e.Binary(f, "Sdiv", withSf: true),
            ["SMULH"] = (e, _, f) => e.Binary(f, "Smulh", withSf: false),
            ["UMULH"] = (e, _, f) => e.Binary(f, "Umulh", withSf: false),
            ["CLZ"] = (e, _, f) => { e.Src(f["Rn"]); e.ConstU(f["sf"]); e.Call("Clz"); e.Dst(f["Rd"]); },
            ["MADD"] = (e, _, f) => e.MultiplyAdd(f, "Madd", withSf: true),
            ["MSUB"] = (e, _, f) => e.MultiplyAdd(f, "Msub", withSf: true),
            ["SMADDL"] = (e, _, f) => e.MultiplyAdd(f, "Smaddl", withSf: false),
            ["SMSUBL"] = (e, _, f) => e.MultiplyAdd(f, "Smsubl", withSf: false),
            ["UMADDL"] = (e, _, f) => e.MultiplyAdd(f, "Umaddl", withSf: false),
            ["UMSUBL"] = (e, _, f) => e.MultiplyAdd(f, "Umsubl", withSf: false),
            ["CSEL"] = (e, _, f) => e.Select(f, "Csel"),
            ["CSINC"] = (e, _, f) => e.Select(f, "Csinc"),
            ["CSINV"] = (e, _, f) => e.Select(f, "Csinv"),
            ["CSNEG"] = (e, _, f) => e.Select(f, "Csneg"),
            ["CCMP_reg"] = (e, _, f) => e.CondCompare(f, "Ccmp", register: true),
            ["CCMP_imm"] = (e, _, f) => e.CondCompare(f, "Ccmp", register: false),
            ["CCMN_reg"] = (e, _, f) => e.CondCompare(f, "Ccmn", register: true),
            ["CCMN_imm"] = (e, _, f) => e.CondCompare(f, "Ccmn", register: false),
        };
        string[] shifts = ["LSLV", "LSRV", "ASRV", "RORV"];
        for (uint type = 0; type < 4; type++)
        {
            uint t = type;
            d[shifts[t]] = (e, _, f) => { e.Src(f["Rn"]); e.Src(f["Rm"]); e.ConstU(t); e.ConstU(f["sf"]); e.Call("ShiftVariable"); e.Dst(f["Rd"]); };
        }
        foreach (var (op, sub) in new[] { ("ADD", false), ("SUB", true) })
        {
            bool s = sub;
            d[op + "_imm"] = (e, _, f) => e.AddSub(f, s, setFlags: false, Operand2.Immediate);
            d[op + "S_imm"] = (e, _, f) => e.AddSub(f, s, setFlags: true, Operand2.Immediate);
            d[op + "_shift"] = (e, _, f) => e.AddSub(f, s, setFlags: false, Operand2.Shifted);
            d[op + "S_shift"] = (e, _, f) => e.AddSub(f, s, setFlags: true, Operand2.Shifted);
            d[op + "_ext"] = (e, _, f) => e.AddSub(f, s, setFlags: false, Operand2.Extended);
            d[op + "S_ext"] = (e, _, f) => e.AddSub(f, s, setFlags: true, Operand2.Extended);
        }
        foreach (var (row, op) in new[] { ("AND", "And"), ("ORR", "Orr"), ("EOR", "Eor") })
        {
            string o = op;
            d[row + "_imm"] = (e, _, f) => e.LogicalImmediate(f, o, setFlags: false);
            d[row + "_shift"] = (e, _, f) => e.LogicalShifted(f, o, setFlags: false);
        }
        d["ANDS_imm"] = (e, _, f) => e.LogicalImmediate(f, "And", setFlags: true);
        d["ANDS_shift"] = (e, _, f) => e.LogicalShifted(f, "And", setFlags: true);
        d["BIC_shift"] = (e, _, f) => e.LogicalShifted(f, "Bic", setFlags: false);
        d["BICS_shift"] = (e, _, f) => e.LogicalShifted(f, "Bic", setFlags: true);
        d["ORN_shift"] = (e, _, f) => e.LogicalShifted(f, "Orn", setFlags: false);
        d["EON_shift"] = (e, _, f) => e.LogicalShifted(f, "Eon", setFlags: false);
        AddMemoryRows(d);
        d["MRS"] = (e, pc, f) => e.Mrs(pc, f);
        return d;
    }

    enum Operand2 { Immediate, Shifted, Extended }

    // The simplest IntegerValues functions (Add, Sub, And..Eon, Trunc, Shifted by a constant) are
    // expanded here as raw IL rather than called: every call spends RyuJIT's per-method inlining
    // budget, and in large regions later calls stopped being inlined (xz -d 0.95 s with these
    // expansions, 1.3 s calling IntegerValues). They are the same operations; difftest --tier jit
    // checks them against Unicorn as dp difftest checks the interpreter's.

    /// <summary>Zero-extends the low 32 bits of the value on the stack when sf = 0 (a W result).</summary>
    void Trunc(uint sf)
    {
        if (sf != 0) return;
        Il.Emit(OpCodes.Conv_U4);
        Il.Emit(OpCodes.Conv_U8);
    }

    /// <summary>Two operands on the stack: op, then the W truncation. Raw IL (no call for RyuJIT to inline).</summary>
    void Binary(OpCode op, uint sf)
    {
        Il.Emit(op);
        Trunc(sf);
    }

    static readonly System.Reflection.MethodInfo RotateRight32 = typeof(System.Numerics.BitOperations).GetMethod("RotateRight", [typeof(uint), typeof(int)])!;
    static readonly System.Reflection.MethodInfo RotateRight64 = typeof(System.Numerics.BitOperations).GetMethod("RotateRight", [typeof(ulong), typeof(int)])!;

    /// <summary>ROR (immediate), the alias of EXTR with Rn = Rm (ARM ARM C6.2, ROR (immediate)): BitOperations.RotateRight,
    /// which RyuJIT makes one `ror`; Extr's general form gave five instructions for a W rotate.</summary>
    void RotateRight(uint amount, uint sf)
    {
        if (sf == 0) Il.Emit(OpCodes.Conv_U4);
        Il.EmitInt((int)amount);
        Il.Emit(OpCodes.Call, sf != 0 ? RotateRight64 : RotateRight32);
        if (sf == 0) Il.Emit(OpCodes.Conv_U8);
    }

    /// <summary>ShiftReg(value on the stack, type, amount) at the size sf selects (Semantics.Bits.ShiftReg), in raw IL but ROR.</summary>
    void ShiftImmediate(uint type, uint amount, uint sf)
    {
        if (type == 3 && amount != 0) { ConstU(type); ConstU(amount); ConstU(sf); Call("Shifted"); return; }
        if (amount == 0) { Trunc(sf); return; }
        switch (type)
        {
            case 0:   // LSL
                Il.EmitInt((int)amount); Il.Emit(OpCodes.Shl); Trunc(sf); break;
            case 1:   // LSR
                Trunc(sf); Il.EmitInt((int)amount); Il.Emit(OpCodes.Shr_Un); break;
            default:  // ASR
                if (sf != 0) { Il.EmitInt((int)amount); Il.Emit(OpCodes.Shr); }
                else { Il.Emit(OpCodes.Conv_I4); Il.EmitInt((int)amount); Il.Emit(OpCodes.Shr); Il.Emit(OpCodes.Conv_U4); Il.Emit(OpCodes.Conv_U8); }
                break;
        }
    }

    /// <summary>Pushes operand 2 of an ADD/SUB form.</summary>
    void PushOperand2(InstFields f, Operand2 kind)
    {
        switch (kind)
        {
            case Operand2.Immediate:
                Const((ulong)f["imm12"] << (int)(f["sh"] * 12));
                break;
            case Operand2.Shifted:
                Src(f["Rm"]); ShiftImmediate(f["shift"], f["imm6"], f["sf"]);
                break;
            default:
                Src(f["Rm"]); ConstU(f["option"]); ConstU(f["imm3"]); ConstU(f["sf"]); Call("Extended");
                break;
        }
    }

    // C6.2 ADD/ADDS/SUB/SUBS (immediate, shifted register, extended register).
    void AddSub(InstFields f, bool subtract, bool setFlags, Operand2 kind)
    {
        uint sf = f["sf"], rd = f["Rd"], rn = f["Rn"];
        if (kind == Operand2.Shifted) Src(rn); else SrcSp(rn);
        PushOperand2(f, kind);
        if (setFlags)
        {
            SetFlagsFromOperands(subtract ? FlagKind.Sub : FlagKind.Add, sf);
            if (rd == 31) return;   // CMP / CMN: only the flags
            PushFlagOperands();
        }
        Binary(subtract ? OpCodes.Sub : OpCodes.Add, sf);
        // SP +/- a multiple of 16 keeps an SP that passed CheckSPAlignment aligned (function frames).
        bool aligned = spChecked && rn == 31 && sf == 1 && kind == Operand2.Immediate
            && ((ulong)f["imm12"] << (int)(f["sh"] * 12)) % 16 == 0;
        if (setFlags || kind == Operand2.Shifted) Dst(rd); else DstSp(rd);
        if (rd == 31 && !setFlags && kind != Operand2.Shifted) spChecked = aligned;
    }

    // C6.2 AND/ORR/EOR/ANDS (immediate): the mask is decoded now, at compile time.
    void LogicalImmediate(InstFields f, string op, bool setFlags)
    {
        uint sf = f["sf"];
        Bits.DecodeBitMasksFast(f["N"], f["imms"], f["immr"], true, sf != 0 ? 64 : 32, out ulong wmask, out _);
        Src(f["Rn"]); Const(wmask); Logical(op, sf);
        if (setFlags) { SetFlagsFromResult(sf); Dst(f["Rd"]); }
        else DstSp(f["Rd"]);
    }

    // C6.2 AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register).
    void LogicalShifted(InstFields f, string op, bool setFlags)
    {
        uint sf = f["sf"];
        Src(f["Rn"]);
        Src(f["Rm"]); ShiftImmediate(f["shift"], f["imm6"], sf);
        Logical(op, sf);
        if (setFlags) SetFlagsFromResult(sf);
        Dst(f["Rd"]);
    }

    /// <summary>n and op2 on the stack: AND/BIC/ORR/ORN/EOR/EON in raw IL.</summary>
    void Logical(string op, uint sf)
    {
        if (op is "Bic" or "Orn" or "Eon") Il.Emit(OpCodes.Not);
        Binary(op switch { "And" or "Bic" => OpCodes.And, "Orr" or "Orn" => OpCodes.Or, _ => OpCodes.Xor }, sf);
    }

    // C6.2 SBFM/UBFM/BFM and their aliases (LSL, LSR, ASR, UBFX, SBFX, UXTB, SXTW, BFI...).
    void Bitfield(InstFields f, bool signed, bool insert)
    {
        uint sf = f["sf"], immr = f["immr"], imms = f["imms"], rn = f["Rn"], rd = f["Rd"];
        int datasize = sf != 0 ? 64 : 32;
        if (!insert && immr <= imms)
        {
            // Extract: bits imms..immr of Rn to the bottom (UBFX, SBFX, LSR, ASR, UXT*, SXT*).
            int width = (int)(imms - immr + 1);
            Src(rn);
            Il.EmitInt((int)immr);
            if (signed) { Il.EmitInt(width); ConstU(sf); Call("Sbfx"); }
            else { Const(width == 64 ? ulong.MaxValue : (1UL << width) - 1); Call("Ubfx"); }
            Dst(rd);
            return;
        }
        if (!insert && !signed && imms + 1 == immr)
        {
            Src(rn); Il.EmitInt(datasize - (int)immr); ConstU(sf); Call("Lsl"); Dst(rd);   // LSL (immediate)
            return;
        }
        Bits.DecodeBitMasksFast(f["N"], imms, immr, false, datasize, out ulong wmask, out ulong tmask);
        if (insert) Src(rd); else Const(0);
        Src(rn);
        ConstU(immr); ConstU(imms); Const(wmask); Const(tmask);
        Il.EmitInt(signed ? 1 : 0);
        ConstU(sf);
        Call("Bitfield");
        Dst(rd);
    }

    void Binary(InstFields f, string op, bool withSf)
    {
        Src(f["Rn"]); Src(f["Rm"]);
        if (withSf) ConstU(f["sf"]);
        Call(op);
        Dst(f["Rd"]);
    }

    void MultiplyAdd(InstFields f, string op, bool withSf)
    {
        Src(f["Rn"]); Src(f["Rm"]); Src(f["Ra"]);
        if (withSf) ConstU(f["sf"]);
        Call(op);
        Dst(f["Rd"]);
    }

    // C6.2 CSEL/CSINC/CSINV/CSNEG.
    void Select(InstFields f, string op)
    {
        Condition(f["cond"]);
        Src(f["Rn"]); Src(f["Rm"]); ConstU(f["sf"]);
        Call(op);
        Dst(f["Rd"]);
    }

    static readonly int TpidrOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<Fast.Runtime.CpuState>(nameof(Fast.Runtime.CpuState.TpidrEl0));
    static readonly int MrsRow = Decoder.IndexOf("MRS");

    // C6.2 MRS: TPIDR_EL0 (the thread pointer glibc reads for every TLS access) is a load from
    // CpuState; every other system register goes through SystemInstructions.MRS.
    void Mrs(ulong pc, InstFields f)
    {
        if (f["o0"] == 1 && f["op1"] == 3 && f["CRn"] == 13 && f["CRm"] == 0 && f["op2"] == 2)
        {
            LoadStateField(TpidrOffset);
            Dst(f["Rt"]);
            return;
        }
        CallSemantics(pc, new Interpreter.DecodedInstruction { Word = f.Word, Row = MrsRow }, mayFault: true);
    }

    // C6.2 CCMP/CCMN (register, immediate): flags = cond ? flags(Rn -/+ op2) : #nzcv.
    void CondCompare(InstFields f, string op, bool register)
    {
        Condition(f["cond"]);
        Src(f["Rn"]);
        if (register) Src(f["Rm"]); else Const(f["imm5"]);
        ConstU(f["nzcv"]); ConstU(f["sf"]);
        Call(op);
        SetFlagsPacked();
    }
}
