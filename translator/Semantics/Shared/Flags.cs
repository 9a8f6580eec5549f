// Condition flags and the shared pseudocode that produces and consumes them
// (ARM ARM J1.1.3 shared/functions: AddWithCarry, ConditionHolds).
// NZCV is kept in CpuState.Nzcv in its architectural position, bits 31..28.
using System.Runtime.CompilerServices;

namespace Fast.Translator.Semantics;

public static class Flags
{
    public const ulong N = 1UL << 31, Z = 1UL << 30, C = 1UL << 29, V = 1UL << 28;

    /// <summary>NZCV in flag position. Each flag is a 0/1 shifted into place (RyuJIT: set-on-condition,
    /// no conditional move per flag).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(bool n, bool z, bool c, bool v) => Bit(n) << 31 | Bit(z) << 30 | Bit(c) << 29 | Bit(v) << 28;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bit(bool b) => b ? 1UL : 0UL;

    /// <summary>Packs a 4-bit nzcv immediate (as in CCMP) into flag position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FromImmediate(uint nzcv) => (ulong)(nzcv & 0xF) << 28;

    /// <summary>ConditionHolds(cond) (ARM ARM J1.1.3, shared/functions/system/ConditionHolds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConditionHolds(uint cond, ulong nzcv)
    {
        bool n = (nzcv & N) != 0, z = (nzcv & Z) != 0, c = (nzcv & C) != 0, v = (nzcv & V) != 0;
        bool result = (cond >> 1) switch
        {
            0 => z,             // EQ / NE
            1 => c,             // CS / CC
            2 => n,             // MI / PL
            3 => v,             // VS / VC
            4 => c && !z,       // HI / LS
            5 => n == v,        // GE / LT
            6 => n == v && !z,  // GT / LE
            _ => true,          // AL / NV: both always true
        };
        return (cond & 1) != 0 && cond != 0xF ? !result : result;
    }

    /// <summary>AddWithCarry for 64-bit operands: result, and NZCV in flag position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry64(ulong x, ulong y, ulong carryIn, out ulong nzcv)
    {
        ulong sum = x + y + carryIn;
        bool carry = carryIn != 0 ? sum <= x : sum < x;
        bool overflow = ((~(x ^ y) & (x ^ sum)) >> 63) != 0;
        nzcv = Pack((long)sum < 0, sum == 0, carry, overflow);
        return sum;
    }

    /// <summary>AddWithCarry for 32-bit operands (the upper 32 bits of the inputs are ignored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AddWithCarry32(uint x, uint y, uint carryIn, out ulong nzcv)
    {
        ulong wide = (ulong)x + y + carryIn;
        uint sum = (uint)wide;
        bool overflow = ((~(x ^ y) & (x ^ sum)) >> 31) != 0;
        nzcv = Pack((int)sum < 0, sum == 0, (wide >> 32) != 0, overflow);
        return sum;
    }
}
