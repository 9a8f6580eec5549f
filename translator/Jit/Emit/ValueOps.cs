// ValueOps: what only tier 1 needs beside the shared value-level semantics (Semantics.IntegerValues,
// which the interpreter's semantics call too): conditions evaluated from lazily kept flag operands,
// and the checked SP-alignment, sign-extension and pair-probe steps of native loads and stores.
//
// Lazy flags: a flag-setting ADD/SUB/logical does not pack NZCV. The compiler remembers the
// operands, and a later reader either evaluates its condition straight from them (CondSub*: one
// host compare for CMP + B.cond) or packs NZCV with IntegerValues.*Flags where it must exist.
using System.Runtime.CompilerServices;
using Fast.Runtime;
using Fast.Translator.Semantics;

namespace Fast.Translator.Jit.Emit;

public static unsafe class ValueOps
{
    const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    // ---- conditions from lazy flags (ConditionHolds, ARM ARM J1.1.3) ----

    /// <summary>ConditionHolds(cond) for the flags of a - b, without packing them (CMP/SUBS then B.cond, CSEL...).</summary>
    [MethodImpl(Inline)]
    public static bool CondSub(uint cond, ulong a, ulong b, uint sf)
    {
        if (sf == 0) return CondSub32(cond, (uint)a, (uint)b);
        return cond switch
        {
            0 => a == b, 1 => a != b,                                   // EQ NE
            2 => a >= b, 3 => a < b,                                    // CS CC (C = NOT borrow)
            4 => (long)(a - b) < 0, 5 => (long)(a - b) >= 0,            // MI PL
            6 => (long)((a ^ b) & (a ^ (a - b))) < 0,                   // VS
            7 => (long)((a ^ b) & (a ^ (a - b))) >= 0,                  // VC
            8 => a > b, 9 => a <= b,                                    // HI LS
            10 => (long)a >= (long)b, 11 => (long)a < (long)b,          // GE LT
            12 => (long)a > (long)b, 13 => (long)a <= (long)b,          // GT LE
            _ => true,                                                  // AL NV
        };
    }

    [MethodImpl(Inline)]
    static bool CondSub32(uint cond, uint a, uint b) => cond switch
    {
        0 => a == b, 1 => a != b,
        2 => a >= b, 3 => a < b,
        4 => (int)(a - b) < 0, 5 => (int)(a - b) >= 0,
        6 => (int)((a ^ b) & (a ^ (a - b))) < 0,
        7 => (int)((a ^ b) & (a ^ (a - b))) >= 0,
        8 => a > b, 9 => a <= b,
        10 => (int)a >= (int)b, 11 => (int)a < (int)b,
        12 => (int)a > (int)b, 13 => (int)a <= (int)b,
        _ => true,
    };

    /// <summary>ConditionHolds(cond) for the flags of a logical result (C = V = 0).</summary>
    [MethodImpl(Inline)]
    public static bool CondLogic(uint cond, ulong result, uint sf)
    {
        long r = sf != 0 ? (long)result : (int)(uint)result;
        return cond switch
        {
            0 => r == 0, 1 => r != 0,
            2 => false, 3 => true,          // CS CC: C = 0
            4 => r < 0, 5 => r >= 0,
            6 => false, 7 => true,          // VS VC: V = 0
            8 => false, 9 => true,          // HI LS: C = 0
            10 => r >= 0, 11 => r < 0,      // GE LT: N == V
            12 => r > 0, 13 => r <= 0,      // GT LE
            _ => true,
        };
    }

    [MethodImpl(Inline)]
    public static bool CondAdd(uint cond, ulong a, ulong b, uint sf) => Flags.ConditionHolds(cond, IntegerValues.AddFlags(a, b, sf));

    [MethodImpl(Inline)]
    public static bool CondPacked(uint cond, ulong nzcv) => Flags.ConditionHolds(cond, nzcv);

    // ---- memory ----

    /// <summary>Sign-extends the low bits of a loaded value and truncates to the register size.</summary>
    [MethodImpl(Inline)]
    public static ulong SignExtendTo(ulong value, int bits, int regsize)
    {
        ulong r = Bits.SignExtend(value, bits);
        return regsize == 32 ? (uint)r : r;
    }
}
