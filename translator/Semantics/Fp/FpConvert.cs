// FpConvert: the conversion and estimate functions of ARM ARM J1.2 shared/functions/float:
// FPRoundInt, FPToFixed, FixedToFP, FPConvert (with FPConvertNaN), FPRecipEstimate,
// FPRSqrtEstimate, FPRecipStepFused, FPRSqrtStepFused and FPRecpX.
using System.Numerics;
using Fast.Runtime;

namespace Fast.Translator.Semantics.Fp;

public static unsafe partial class FpCore
{
    /// <summary>FPRoundInt: rounds to an integral value in the same format. exact: FRINTX (Inexact).</summary>
    public static ulong RoundInt(CpuState* c, ulong op, int n, Rounding rounding, bool exact)
    {
        uint fpcr = c->Fpcr;
        var v = Unpack(c, op, n, fpcr);
        if (v.IsNaN) return ProcessNaN(c, v.Type, op, n, fpcr);
        if (v.Type == FpType.Infinity) return Infinity(v.Sign, n);
        if (v.Type == FpType.Zero) return Zero(v.Sign, n);
        if (v.Exp >= 0) return op;   // already integral
        UInt128 q = ShiftRight(v.Mant, -v.Exp, out Residue residue);
        if (RoundsUp(rounding, v.Sign, residue, ((ulong)q & 1) != 0)) q++;
        ulong result = q == 0 ? Zero(v.Sign, n) : Round(c, v.Sign, q, 0, n, fpcr, Rounding.Zero);
        if (residue != Residue.Exact && exact) Raise(c, Ixc);
        return result;
    }

    /// <summary>FPToFixed: op scaled by 2^fbits, rounded, saturated to an M-bit (un)signed integer.</summary>
    public static ulong ToFixed(CpuState* c, ulong op, int n, int fbits, bool unsigned, int m, Rounding rounding)
    {
        if (TryToInt(c, op, n, fbits, unsigned, m, rounding, out ulong fast)) return fast;
        uint fpcr = c->Fpcr;
        var v = Unpack(c, op, n, fpcr);
        if (v.IsNaN) { Raise(c, Ioc); return 0; }
        if (v.Type == FpType.Zero) return 0;
        bool overflow;
        Residue residue = Residue.Exact;
        UInt128 q;
        if (v.Type == FpType.Infinity || 64 - BitOperations.LeadingZeroCount(v.Mant) + v.Exp + fbits > 66)
        {
            overflow = true;
            q = 0;
        }
        else
        {
            q = ShiftRight(v.Mant, -(v.Exp + fbits), out residue);
            if (RoundsUp(rounding, v.Sign, residue, ((ulong)q & 1) != 0)) q++;
            overflow = false;
        }
        ulong result;
        if (unsigned)
        {
            UInt128 max = m == 64 ? ulong.MaxValue : (UInt128)Bits.Ones(m);
            if (overflow) result = v.Sign ? 0 : (ulong)max;
            else if (v.Sign && q != 0) { overflow = true; result = 0; }
            else if (q > max) { overflow = true; result = (ulong)max; }
            else result = (ulong)q;
        }
        else
        {
            UInt128 limit = UInt128.One << (m - 1);   // |min|; max = limit - 1
            if (overflow) result = v.Sign ? (ulong)-(Int128)limit : (ulong)(limit - 1);
            else if (v.Sign && q > limit) { overflow = true; result = (ulong)-(Int128)limit; }
            else if (!v.Sign && q >= limit) { overflow = true; result = (ulong)(limit - 1); }
            else result = v.Sign ? (ulong)-(Int128)q : (ulong)q;
            result &= Bits.Ones(m);
        }
        if (overflow) Raise(c, Ioc);
        else if (residue != Residue.Exact) Raise(c, Ixc);
        return result;
    }

    /// <summary>FixedToFP: the M-bit integer op (signed unless unsigned) divided by 2^fbits, rounded.</summary>
    public static ulong FixedToFp(CpuState* c, ulong op, int m, int fbits, bool unsigned, int n, Rounding rounding)
    {
        if (fbits == 0 && TryFromInt(op, m, unsigned, n, out ulong fast)) return fast;
        bool sign = false;
        ulong mag = op & Bits.Ones(m);
        if (!unsigned && ((mag >> (m - 1)) & 1) != 0)
        {
            sign = true;
            mag = (0 - mag) & Bits.Ones(m);
            if (mag == 0) mag = 1UL << (m - 1);   // unreachable guard for m = 64 wrap
        }
        if (mag == 0) return Zero(false, n);
        return Round(c, sign, mag, -fbits, n, c->Fpcr, rounding);
    }

    /// <summary>FPConvert from an N-bit to an M-bit format (FCVT), with FPConvertNaN.</summary>
    public static ulong Convert(CpuState* c, ulong op, int n, int m, Rounding rounding)
    {
        uint fpcr = c->Fpcr;
        var v = Unpack(c, op, n, fpcr);
        bool altHp = m == 16 && (fpcr & FpcrAhp) != 0;
        if (v.IsNaN)
        {
            ulong result = altHp ? Zero(v.Sign, m) : (fpcr & FpcrDn) != 0 ? DefaultNaN(m) : ConvertNaN(op, n, m);
            if (v.Type == FpType.SNaN || altHp) Raise(c, Ioc);
            return result;
        }
        if (v.Type == FpType.Infinity)
        {
            if (altHp) { Raise(c, Ioc); return Zero(v.Sign, m) | Bits.Ones(m - 1); }
            return Infinity(v.Sign, m);
        }
        if (v.Type == FpType.Zero) return Zero(v.Sign, m);
        return Round(c, v.Sign, v.Mant, v.Exp, m, fpcr, rounding);
    }

    /// <summary>FPConvertNaN: keeps the sign and the top payload bits, sets the quiet bit.</summary>
    public static ulong ConvertNaN(ulong op, int n, int m)
    {
        ulong sign = (op >> (n - 1)) & 1;
        ulong frac = n switch { 64 => op & Bits.Ones(51), 32 => (op & Bits.Ones(22)) << 29, _ => (op & Bits.Ones(9)) << 42 };
        return m switch
        {
            64 => (sign << 63) | (Bits.Ones(12) << 51) | frac,
            32 => (sign << 31) | (Bits.Ones(9) << 22) | (frac >> 29),
            _ => (sign << 15) | (Bits.Ones(6) << 9) | (frac >> 42),
        };
    }

    /// <summary>FPRecipEstimate (FRECPE).</summary>
    public static ulong RecipEstimate(CpuState* c, ulong op, int n)
    {
        uint fpcr = c->Fpcr;
        var v = Unpack(c, op, n, fpcr);
        if (v.IsNaN) return ProcessNaN(c, v.Type, op, n, fpcr);
        if (v.Type == FpType.Infinity) return Zero(v.Sign, n);
        if (v.Type == FpType.Zero) { Raise(c, Dzc); return Infinity(v.Sign, n); }
        int log2 = 63 - BitOperations.LeadingZeroCount(v.Mant) + v.Exp;   // floor(log2 |value|)
        if (log2 < (n == 16 ? -16 : n == 32 ? -128 : -1024))   // Abs(value) < 2^-16 / 2^-128 / 2^-1024
        {
            Rounding r = RMode(fpcr);
            bool toInf = r == Rounding.TieEven || (r == Rounding.PosInf && !v.Sign) || (r == Rounding.NegInf && v.Sign);
            Raise(c, Ofc | Ixc);
            return toInf ? Infinity(v.Sign, n) : MaxNormal(v.Sign, n);
        }
        if (n != 16 && (fpcr & FpcrFz) != 0 && log2 >= (n == 32 ? 126 : 1022))
        {
            Raise(c, Ufc);
            return Zero(v.Sign, n);
        }
        (ulong fraction, int exp) = Fraction52(op, n);
        if (exp == 0)
        {
            if ((fraction >> 51) == 0) { exp = -1; fraction = (fraction << 2) & Bits.Ones(52); }
            else fraction = (fraction << 1) & Bits.Ones(52);
        }
        int scaled = (int)(0x100 | (fraction >> 44));
        int resultExp = (n == 16 ? 29 : n == 32 ? 253 : 2045) - exp;
        int estimate = RecipEstimateInt(scaled);
        fraction = (ulong)(estimate & 0xFF) << 44;
        if (resultExp == 0) fraction = (1UL << 51) | (fraction >> 1);
        else if (resultExp == -1) { fraction = (1UL << 50) | (fraction >> 2); resultExp = 0; }
        return Pack52(v.Sign, resultExp, fraction, n);
    }

    /// <summary>The fraction of op left-aligned to 52 bits, and its biased exponent field.</summary>
    static (ulong Fraction, int Exp) Fraction52(ulong op, int n)
    {
        int f = FBits(n);
        return ((op & Bits.Ones(f)) << (52 - f), (int)((op >> f) & Bits.Ones(EBits(n))));
    }

    static ulong Pack52(bool sign, int exp, ulong fraction52, int n)
    {
        int f = FBits(n);
        return Zero(sign, n) | ((ulong)exp & Bits.Ones(EBits(n))) << f | (fraction52 >> (52 - f));
    }

    /// <summary>RecipEstimate(a): a in 256..511 -> 256..511.</summary>
    public static int RecipEstimateInt(int a)
    {
        a = a * 2 + 1;
        int b = (1 << 19) / a;
        return (b + 1) / 2;
    }

    /// <summary>RecipSqrtEstimate(a): a in 128..511 -> 256..511.</summary>
    public static int RecipSqrtEstimateInt(int a)
    {
        if (a < 256) a = a * 2 + 1;
        else { a = (a >> 1) << 1; a = (a + 1) * 2; }
        long b = 512;
        while (a * (b + 1) * (b + 1) < (1L << 28)) b++;
        return (int)((b + 1) / 2);
    }

    /// <summary>FPRSqrtEstimate (FRSQRTE).</summary>
    public static ulong RSqrtEstimate(CpuState* c, ulong op, int n)
    {
        uint fpcr = c->Fpcr;
        var v = Unpack(c, op, n, fpcr);
        if (v.IsNaN) return ProcessNaN(c, v.Type, op, n, fpcr);
        if (v.Type == FpType.Zero) { Raise(c, Dzc); return Infinity(v.Sign, n); }
        if (v.Sign) { Raise(c, Ioc); return DefaultNaN(n); }
        if (v.Type == FpType.Infinity) return Zero(false, n);
        (ulong fraction, int exp) = Fraction52(op, n);
        if (exp == 0)
        {
            while ((fraction >> 51) == 0) { fraction = (fraction << 1) & Bits.Ones(52); exp--; }
            fraction = (fraction << 1) & Bits.Ones(52);
        }
        // exp even: '1':fraction<51:44> (0.5..1); odd: '01':fraction<51:45> (0.25..0.5).
        int scaled = (exp & 1) == 0 ? (int)(0x100 | (fraction >> 44)) : (int)(0x80 | (fraction >> 45));
        int resultExp = ((n == 16 ? 44 : n == 32 ? 380 : 3068) - exp) / 2;
        int estimate = RecipSqrtEstimateInt(scaled);
        return Pack52(false, resultExp, (ulong)(estimate & 0xFF) << 44, n);
    }

    /// <summary>FPRecipStepFused (FRECPS: 2 - op1*op2) and FPRSqrtStepFused (FRSQRTS: (3 - op1*op2)/2).</summary>
    public static ulong StepFused(CpuState* c, ulong op1, ulong op2, int n, bool rsqrt)
    {
        uint fpcr = c->Fpcr;
        Rounding rounding = RMode(fpcr);
        op1 = Neg(op1, n);
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (ProcessNaNs(c, a, b, op1, op2, n, fpcr, out ulong result)) return result;
        bool inf1 = a.Type == FpType.Infinity, inf2 = b.Type == FpType.Infinity;
        bool zero1 = a.Type == FpType.Zero, zero2 = b.Type == FpType.Zero;
        if ((inf1 && zero2) || (zero1 && inf2)) return rsqrt ? OnePointFive(n) : Power2(1, n);
        if (inf1 || inf2) return Infinity(a.Sign ^ b.Sign, n);
        UInt128 addend = rsqrt ? 3u : 2u;
        int shift = rsqrt ? 1 : 0;
        if (zero1 || zero2) return Round(c, false, addend, -shift, n, fpcr, rounding);
        if (!AddExact(false, addend, 0, a.Sign ^ b.Sign, (UInt128)a.Mant * b.Mant, a.Exp + b.Exp, out bool sign, out UInt128 m, out int e))
            return Zero(rounding == Rounding.NegInf, n);
        return Round(c, sign, m, e - shift, n, fpcr, rounding);
    }

    /// <summary>FPRecpX (FRECPX).</summary>
    public static ulong RecpX(CpuState* c, ulong op, int n)
    {
        uint fpcr = c->Fpcr;
        var v = Unpack(c, op, n, fpcr);
        if (v.IsNaN) return ProcessNaN(c, v.Type, op, n, fpcr);
        int f = FBits(n);
        ulong expMask = Bits.Ones(EBits(n));
        ulong exp = (op >> f) & expMask;
        ulong newExp = exp == 0 ? expMask - 1 : ~exp & expMask;
        return Zero(v.Sign, n) | (newExp << f);
    }
}
