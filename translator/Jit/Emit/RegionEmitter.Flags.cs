// RegionEmitter, lazy NZCV: producers record operands, consumers evaluate conditions from them,
// packing happens only where the packed value is needed (see the header of RegionEmitter.cs).
using System.Reflection.Emit;
using Fast.Translator.Semantics;

namespace Fast.Translator.Jit.Emit;

public sealed unsafe partial class RegionEmitter
{
    /// <summary>a - b (or a + b) set the flags: the operands are on the stack (a below b).</summary>
    public void SetFlagsFromOperands(FlagKind kind, uint sf)
    {
        Il.Emit(OpCodes.Stloc, fb);
        Il.Emit(OpCodes.Stloc, fa);
        pending = kind;
        pendingSf = sf;
    }

    /// <summary>A logical result (on the stack) set the flags; it stays on the stack.</summary>
    public void SetFlagsFromResult(uint sf)
    {
        Il.Emit(OpCodes.Dup);
        Il.Emit(OpCodes.Stloc, fa);
        pending = FlagKind.Logic;
        pendingSf = sf;
    }

    /// <summary>A packed NZCV value (on the stack) replaces the flags.</summary>
    public void SetFlagsPacked()
    {
        Il.Emit(OpCodes.Stloc, nz);
        nzWritten = true;
        pending = FlagKind.None;
    }

    /// <summary>Pushes the operands of the pending a - b / a + b (for the instruction's own result).</summary>
    public void PushFlagOperands()
    {
        Il.Emit(OpCodes.Ldloc, fa);
        Il.Emit(OpCodes.Ldloc, fb);
    }

    /// <summary>Pushes ConditionHolds(cond) (ARM ARM J1.1.3) as a bool.</summary>
    public void Condition(uint cond)
    {
        if (cond >= 14) { Il.EmitInt(1); return; }
        if (pending == FlagKind.Sub && RawCompare(cond)) return;
        ConstU(cond);
        switch (pending)
        {
            case FlagKind.Sub:
                PushFlagOperands(); ConstU(pendingSf); Call(nameof(ValueOps.CondSub)); break;
            case FlagKind.Add:
                PushFlagOperands(); ConstU(pendingSf); Call(nameof(ValueOps.CondAdd)); break;
            case FlagKind.Logic:
                Il.Emit(OpCodes.Ldloc, fa); ConstU(pendingSf); Call(nameof(ValueOps.CondLogic)); break;
            default:
                Il.Emit(OpCodes.Ldloc, nz); Call(nameof(ValueOps.CondPacked)); break;
        }
    }

    /// <summary>
    /// The conditions of a - b that are one host compare (EQ NE CS CC HI LS GE LT GT LE), in raw IL
    /// on the operands at the pending size (ValueOps.CondSub expanded, for the inlining budget);
    /// false for MI PL VS VC (ValueOps.CondSub does those).
    /// </summary>
    bool RawCompare(uint cond)
    {
        if (cond is 4 or 5 or 6 or 7) return false;
        bool signed = cond >= 10;
        foreach (var operand in new[] { fa, fb })
        {
            Il.Emit(OpCodes.Ldloc, operand);
            if (pendingSf == 0) Il.Emit(signed ? OpCodes.Conv_I4 : OpCodes.Conv_U4);
        }
        // Each pair of conditions is one compare and its negation (cond<0> set and cond != 15).
        OpCode compare = (cond >> 1) switch
        {
            0 => OpCodes.Ceq,      // EQ NE
            1 => OpCodes.Clt_Un,   // CS CC: C = NOT borrow = a >= b, so the compare is CC's a < b
            4 => OpCodes.Cgt_Un,   // HI LS
            5 => OpCodes.Clt,      // GE LT: compare LT
            _ => OpCodes.Cgt,      // GT LE
        };
        Il.Emit(compare);
        // Negate for NE, CS (the compare gave CC), LS, GE (the compare gave LT), LE.
        bool negate = cond is 1 or 2 or 9 or 10 or 13;
        if (negate) { Il.EmitInt(0); Il.Emit(OpCodes.Ceq); }
        return true;
    }

    /// <summary>Packs the pending flags into nz without forgetting them (one edge of several).</summary>
    void EmitPackPending()
    {
        PackFlags(pending, pendingSf);
        Il.Emit(OpCodes.Stloc, nz);
        nzWritten = true;
    }

    /// <summary>Packs the pending flags into nz: from here on nz holds them.</summary>
    public void Materialize()
    {
        if (pending == FlagKind.None) return;
        EmitPackPending();
        pending = FlagKind.None;
    }

    void PackFlags(FlagKind kind, uint sf)
    {
        switch (kind)
        {
            case FlagKind.Sub: PushFlagOperands(); ConstU(sf); Call(nameof(IntegerValues.SubFlags)); break;
            case FlagKind.Add: PushFlagOperands(); ConstU(sf); Call(nameof(IntegerValues.AddFlags)); break;
            default: Il.Emit(OpCodes.Ldloc, fa); ConstU(sf); Call(nameof(IntegerValues.LogicFlags)); break;
        }
    }
}
