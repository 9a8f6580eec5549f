// FpArith: the arithmetic functions of ARM ARM J1.2 shared/functions/float (FPAdd, FPSub, FPMul,
// FPDiv, FPMulAdd, FPSqrt, FPMax/FPMin and their Num forms, FPCompare), each following the
// pseudocode's case order exactly, with the numerical result computed exactly and then rounded
// once by FpCore.Round.
using Fast.Runtime;

namespace Fast.Translator.Semantics.Fp;

public static unsafe partial class FpCore
{
    public static ulong Add(CpuState* c, ulong op1, ulong op2, int n) => AddSub(c, op1, op2, n, false);
    public static ulong Sub(CpuState* c, ulong op1, ulong op2, int n) => AddSub(c, op1, op2, n, true);

    /// <summary>FPAdd / FPSub.</summary>
    static ulong AddSub(CpuState* c, ulong op1, ulong op2, int n, bool subtract)
    {
        if (TryAdd(c, op1, op2, n, subtract, out ulong fast)) return fast;
        uint fpcr = c->Fpcr;
        Rounding rounding = RMode(fpcr);
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (ProcessNaNs(c, a, b, op1, op2, n, fpcr, out ulong result)) return result;
        bool sb = b.Sign ^ subtract;
        bool infA = a.Type == FpType.Infinity, infB = b.Type == FpType.Infinity;
        bool zeroA = a.Type == FpType.Zero, zeroB = b.Type == FpType.Zero;
        if (infA && infB && a.Sign != sb) { Raise(c, Ioc); return DefaultNaN(n); }
        if (infA) return Infinity(a.Sign, n);
        if (infB) return Infinity(sb, n);
        if (zeroA && zeroB) return a.Sign == sb ? Zero(a.Sign, n) : Zero(rounding == Rounding.NegInf, n);
        if (zeroA) return Round(c, sb, b.Mant, b.Exp, n, fpcr, rounding);
        if (zeroB) return Round(c, a.Sign, a.Mant, a.Exp, n, fpcr, rounding);
        if (!AddExact(a.Sign, a.Mant, a.Exp, sb, b.Mant, b.Exp, out bool sign, out UInt128 m, out int e))
            return Zero(rounding == Rounding.NegInf, n);
        return Round(c, sign, m, e, n, fpcr, rounding);
    }

    /// <summary>FPMul.</summary>
    public static ulong Mul(CpuState* c, ulong op1, ulong op2, int n)
    {
        if (TryMul(c, op1, op2, n, out ulong fast)) return fast;
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (ProcessNaNs(c, a, b, op1, op2, n, fpcr, out ulong result)) return result;
        bool sign = a.Sign ^ b.Sign;
        bool infA = a.Type == FpType.Infinity, infB = b.Type == FpType.Infinity;
        bool zeroA = a.Type == FpType.Zero, zeroB = b.Type == FpType.Zero;
        if ((infA && zeroB) || (zeroA && infB)) { Raise(c, Ioc); return DefaultNaN(n); }
        if (infA || infB) return Infinity(sign, n);
        if (zeroA || zeroB) return Zero(sign, n);
        return Round(c, sign, (UInt128)a.Mant * b.Mant, a.Exp + b.Exp, n, fpcr, RMode(fpcr));
    }

    /// <summary>FPMulX (FMULX): FPMul, except that infinity * zero gives 2.0 with the product's sign.</summary>
    public static ulong MulX(CpuState* c, ulong op1, ulong op2, int n)
    {
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (ProcessNaNs(c, a, b, op1, op2, n, fpcr, out ulong result)) return result;
        bool sign = a.Sign ^ b.Sign;
        bool infA = a.Type == FpType.Infinity, infB = b.Type == FpType.Infinity;
        bool zeroA = a.Type == FpType.Zero, zeroB = b.Type == FpType.Zero;
        if ((infA && zeroB) || (zeroA && infB)) return Zero(sign, n) | Power2(1, n);
        if (infA || infB) return Infinity(sign, n);
        if (zeroA || zeroB) return Zero(sign, n);
        return Round(c, sign, (UInt128)a.Mant * b.Mant, a.Exp + b.Exp, n, fpcr, RMode(fpcr));
    }

    /// <summary>FPDiv.</summary>
    public static ulong Div(CpuState* c, ulong op1, ulong op2, int n)
    {
        if (TryDiv(c, op1, op2, n, out ulong fast)) return fast;
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (ProcessNaNs(c, a, b, op1, op2, n, fpcr, out ulong result)) return result;
        bool sign = a.Sign ^ b.Sign;
        bool infA = a.Type == FpType.Infinity, infB = b.Type == FpType.Infinity;
        bool zeroA = a.Type == FpType.Zero, zeroB = b.Type == FpType.Zero;
        if ((infA && infB) || (zeroA && zeroB)) { Raise(c, Ioc); return DefaultNaN(n); }
        if (infA || zeroB)
        {
            if (!infA) Raise(c, Dzc);
            return Infinity(sign, n);
        }
        if (zeroA || infB) return Zero(sign, n);
        // Dividend shifted to bit 126: the quotient has at least 74 significant bits, and a
        // nonzero remainder becomes the jam bit.
        int shift = 63 + System.Numerics.BitOperations.LeadingZeroCount(a.Mant);
        var (quot, rem) = UInt128.DivRem((UInt128)a.Mant << shift, b.Mant);
        if (rem != 0) quot |= 1;
        return Round(c, sign, quot, a.Exp - shift - b.Exp, n, fpcr, RMode(fpcr));
    }

    /// <summary>FPMulAdd: addend + op1*op2 with a single rounding (FMADD and friends, FMLA).</summary>
    public static ulong MulAdd(CpuState* c, ulong addend, ulong op1, ulong op2, int n)
    {
        uint fpcr = c->Fpcr;
        Rounding rounding = RMode(fpcr);
        var ad = Unpack(c, addend, n, fpcr);
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        bool inf1 = a.Type == FpType.Infinity, inf2 = b.Type == FpType.Infinity;
        bool zero1 = a.Type == FpType.Zero, zero2 = b.Type == FpType.Zero;
        bool done = ProcessNaNs3(c, ad, a, b, addend, op1, op2, n, fpcr, out ulong result);
        if (ad.Type == FpType.QNaN && ((inf1 && zero2) || (zero1 && inf2))) { Raise(c, Ioc); return DefaultNaN(n); }
        if (done) return result;
        bool infA = ad.Type == FpType.Infinity, zeroA = ad.Type == FpType.Zero;
        bool signP = a.Sign ^ b.Sign, infP = inf1 || inf2, zeroP = zero1 || zero2;
        if ((inf1 && zero2) || (zero1 && inf2) || (infA && infP && ad.Sign != signP)) { Raise(c, Ioc); return DefaultNaN(n); }
        if ((infA && !ad.Sign) || (infP && !signP)) return Infinity(false, n);
        if ((infA && ad.Sign) || (infP && signP)) return Infinity(true, n);
        if (zeroA && zeroP) return ad.Sign == signP ? Zero(ad.Sign, n) : Zero(rounding == Rounding.NegInf, n);
        if (zeroP) return Round(c, ad.Sign, ad.Mant, ad.Exp, n, fpcr, rounding);
        UInt128 mp = (UInt128)a.Mant * b.Mant;
        int ep = a.Exp + b.Exp;
        if (zeroA) return Round(c, signP, mp, ep, n, fpcr, rounding);
        if (!AddExact(ad.Sign, ad.Mant, ad.Exp, signP, mp, ep, out bool sign, out UInt128 m, out int e))
            return Zero(rounding == Rounding.NegInf, n);
        return Round(c, sign, m, e, n, fpcr, rounding);
    }

    /// <summary>FPSqrt.</summary>
    public static ulong Sqrt(CpuState* c, ulong op, int n)
    {
        if (TrySqrt(c, op, n, out ulong fast)) return fast;
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op, n, fpcr);
        if (a.IsNaN) return ProcessNaN(c, a.Type, op, n, fpcr);
        if (a.Type == FpType.Zero) return Zero(a.Sign, n);
        if (a.Sign) { Raise(c, Ioc); return DefaultNaN(n); }
        if (a.Type == FpType.Infinity) return Infinity(false, n);
        // value = m * 2^e with e even and m of 115..116 bits: the root has 58 bits, the remainder jams.
        UInt128 m = a.Mant;
        int e = a.Exp;
        int shift = 116 - (64 - System.Numerics.BitOperations.LeadingZeroCount(a.Mant));
        if (((e - shift) & 1) != 0) shift++;
        m <<= shift;
        e -= shift;
        UInt128 r = ISqrt(m);
        if (r * r != m) r |= 1;
        return Round(c, false, r, e / 2, n, fpcr, RMode(fpcr));
    }

    static UInt128 ISqrt(UInt128 m)
    {
        UInt128 r = (UInt128)Math.Sqrt((double)m);
        for (int i = 0; i < 4; i++) r = (r + m / r) >> 1;
        while (r * r > m) r--;
        while ((r + 1) * (r + 1) <= m) r++;
        return r;
    }

    /// <summary>Compares two non-NaN unpacked values: -1, 0, 1.</summary>
    static int CompareValues(in FpValue a, in FpValue b)
    {
        int ma = Magnitude(a), mb = Magnitude(b);
        int sa = a.Type == FpType.Zero ? 0 : a.Sign ? -1 : 1;
        int sb = b.Type == FpType.Zero ? 0 : b.Sign ? -1 : 1;
        if (sa != sb) return sa < sb ? -1 : 1;
        if (sa == 0) return 0;
        int cmp = ma != mb ? ma.CompareTo(mb) : CompareFinite(a, b);
        return sa > 0 ? cmp : -cmp;

        static int Magnitude(in FpValue v) => v.Type == FpType.Infinity ? 1 : 0;
        static int CompareFinite(in FpValue a, in FpValue b)
        {
            if (a.Type == FpType.Infinity) return 0;
            // Both nonzero finite: compare m*2^e exactly.
            int la = 64 - System.Numerics.BitOperations.LeadingZeroCount(a.Mant) + a.Exp;
            int lb = 64 - System.Numerics.BitOperations.LeadingZeroCount(b.Mant) + b.Exp;
            if (la != lb) return la.CompareTo(lb);
            int common = Math.Min(a.Exp, b.Exp);
            UInt128 x = (UInt128)a.Mant << (a.Exp - common), y = (UInt128)b.Mant << (b.Exp - common);
            return x.CompareTo(y);
        }
    }

    /// <summary>FPCompare: NZCV in flag position (0011 unordered). signalNaNs: FCMPE.</summary>
    public static ulong Compare(CpuState* c, ulong op1, ulong op2, int n, bool signalNaNs)
    {
        if (TryCompare(c, op1, op2, n, out ulong fast)) return fast;
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (a.IsNaN || b.IsNaN)
        {
            if (a.Type == FpType.SNaN || b.Type == FpType.SNaN || signalNaNs) Raise(c, Ioc);
            return 0x3UL << 28;
        }
        int cmp = CompareValues(a, b);
        return cmp == 0 ? 0x6UL << 28 : cmp < 0 ? 0x8UL << 28 : 0x2UL << 28;
    }

    /// <summary>FPCompareEQ/GE/GT for the vector compares: kind 0 EQ, 1 GE, 2 GT. NaN -> false;
    /// a signalling NaN (or any NaN for GE/GT) raises Invalid.</summary>
    public static bool CompareCond(CpuState* c, ulong op1, ulong op2, int n, int kind)
    {
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (a.IsNaN || b.IsNaN)
        {
            if (kind != 0 || a.Type == FpType.SNaN || b.Type == FpType.SNaN) Raise(c, Ioc);
            return false;
        }
        int cmp = CompareValues(a, b);
        return kind switch { 0 => cmp == 0, 1 => cmp >= 0, _ => cmp > 0 };
    }

    /// <summary>FPMax / FPMin (max: true for FPMax).</summary>
    public static ulong MaxMin(CpuState* c, ulong op1, ulong op2, int n, bool max)
    {
        uint fpcr = c->Fpcr;
        var a = Unpack(c, op1, n, fpcr);
        var b = Unpack(c, op2, n, fpcr);
        if (ProcessNaNs(c, a, b, op1, op2, n, fpcr, out ulong result)) return result;
        int cmp = CompareValues(a, b);
        bool takeA = max ? cmp > 0 : cmp < 0;
        ref FpValue v = ref takeA ? ref a : ref b;
        ulong op = takeA ? op1 : op2;
        if (v.Type == FpType.Infinity) return Infinity(v.Sign, n);
        if (v.Type == FpType.Zero) return Zero(max ? a.Sign && b.Sign : a.Sign || b.Sign, n);
        return Round(c, v.Sign, v.Mant, v.Exp, n, fpcr, RMode(fpcr));
    }

    public static ulong Max(CpuState* c, ulong op1, ulong op2, int n) => MaxMin(c, op1, op2, n, true);
    public static ulong Min(CpuState* c, ulong op1, ulong op2, int n) => MaxMin(c, op1, op2, n, false);
    public static ulong MaxNum(CpuState* c, ulong op1, ulong op2, int n) => MaxMinNum(c, op1, op2, n, true);
    public static ulong MinNum(CpuState* c, ulong op1, ulong op2, int n) => MaxMinNum(c, op1, op2, n, false);

    /// <summary>VFPExpandImm: imm8 = a:b:cdefgh -> sign a, exponent NOT(b):Replicate(b):cd, fraction efgh:0...</summary>
    public static ulong ExpandImm(uint imm8, int n)
    {
        int e = EBits(n), f = FBits(n);
        ulong sign = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1;
        ulong exp = ((b ^ 1) << (e - 1)) | ((b != 0 ? Bits.Ones(e - 3) : 0) << 2) | ((imm8 >> 4) & 3);
        ulong frac = (ulong)(imm8 & 0xF) << (f - 4);
        return (sign << (n - 1)) | (exp << f) | frac;
    }

    /// <summary>FPMaxNum / FPMinNum: a quiet NaN loses against a number.</summary>
    public static ulong MaxMinNum(CpuState* c, ulong op1, ulong op2, int n, bool max)
    {
        bool q1 = IsQuietNaN(op1, n), q2 = IsQuietNaN(op2, n);
        ulong replacement = Infinity(max, n);   // -Infinity for max, +Infinity for min
        if (q1 && !q2) op1 = replacement;
        else if (!q1 && q2) op2 = replacement;
        return MaxMin(c, op1, op2, n, max);
    }

    public static bool IsNaN(ulong op, int n) => (op & Bits.Ones(n - 1)) > Infinity(false, n);
    public static bool IsQuietNaN(ulong op, int n) => IsNaN(op, n) && ((op >> (FBits(n) - 1)) & 1) != 0;
}
