// SimdInt: the element operations of the integer AdvSIMD rows (ARM ARM C7.2 pseudocode), over
// esize-bit elements held zero-extended in a ulong, and the element-wise / pairwise drivers.
using Fast.Runtime;

namespace Fast.Translator.Semantics.AdvSimd;

public static unsafe class SimdInt
{
    /// <summary>Element-wise: result[e] = op(Vn[e], Vm[e], Vd[e]).</summary>
    public static void Binary(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
            Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(n, e, esize), Simd.Elem(m, e, esize), Simd.Elem(d, e, esize), esize));
        Simd.Write(c, Rd, r, Q);
    }

    /// <summary>Pairwise: the elements of Vm:Vn (concatenated, Vn low) combined two by two.</summary>
    public static void Pairwise(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int e = 0; e < elements; e++)
        {
            int i = 2 * e;
            ref Vector128Bits src = ref i < elements ? ref n : ref m;
            int j = i < elements ? i : i - elements;
            Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(src, j, esize), Simd.Elem(src, j + 1, esize), 0, esize));
        }
        Simd.Write(c, Rd, r, Q);
    }

    static long S(ulong x, int esize) => (long)Bits.SignExtend(x, esize);
    static ulong Mask(bool b) => b ? ulong.MaxValue : 0;

    public static ulong Shadd(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)((S(a, es) + S(b, es)) >> 1);
    public static ulong Uhadd(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)(((UInt128)a + b) >> 1);
    public static ulong Srhadd(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)((S(a, es) + S(b, es) + 1) >> 1);
    public static ulong Urhadd(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)(((UInt128)a + b + 1) >> 1);
    public static ulong Shsub(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)((S(a, es) - S(b, es)) >> 1);
    public static ulong Uhsub(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)(((Int128)a - b) >> 1);
    public static ulong Sqadd(CpuState* c, ulong a, ulong b, ulong d, int es) => Simd.SignedSat(c, (Int128)S(a, es) + S(b, es), es);
    public static ulong Uqadd(CpuState* c, ulong a, ulong b, ulong d, int es) => Simd.UnsignedSat(c, (Int128)a + b, es);
    public static ulong Sqsub(CpuState* c, ulong a, ulong b, ulong d, int es) => Simd.SignedSat(c, (Int128)S(a, es) - S(b, es), es);
    public static ulong Uqsub(CpuState* c, ulong a, ulong b, ulong d, int es) => Simd.UnsignedSat(c, (Int128)a - b, es);
    public static ulong Cmgt(CpuState* c, ulong a, ulong b, ulong d, int es) => Mask(S(a, es) > S(b, es));
    public static ulong Cmhi(CpuState* c, ulong a, ulong b, ulong d, int es) => Mask(a > b);
    public static ulong Cmge(CpuState* c, ulong a, ulong b, ulong d, int es) => Mask(S(a, es) >= S(b, es));
    public static ulong Cmhs(CpuState* c, ulong a, ulong b, ulong d, int es) => Mask(a >= b);
    public static ulong Cmtst(CpuState* c, ulong a, ulong b, ulong d, int es) => Mask((a & b) != 0);
    public static ulong Cmeq(CpuState* c, ulong a, ulong b, ulong d, int es) => Mask(a == b);
    public static ulong Smax(CpuState* c, ulong a, ulong b, ulong d, int es) => S(a, es) >= S(b, es) ? a : b;
    public static ulong Umax(CpuState* c, ulong a, ulong b, ulong d, int es) => a >= b ? a : b;
    public static ulong Smin(CpuState* c, ulong a, ulong b, ulong d, int es) => S(a, es) <= S(b, es) ? a : b;
    public static ulong Umin(CpuState* c, ulong a, ulong b, ulong d, int es) => a <= b ? a : b;
    public static ulong Sabd(CpuState* c, ulong a, ulong b, ulong d, int es) => (ulong)Int128.Abs((Int128)S(a, es) - S(b, es));
    public static ulong Uabd(CpuState* c, ulong a, ulong b, ulong d, int es) => a > b ? a - b : b - a;
    public static ulong Saba(CpuState* c, ulong a, ulong b, ulong d, int es) => d + Sabd(c, a, b, d, es);
    public static ulong Uaba(CpuState* c, ulong a, ulong b, ulong d, int es) => d + Uabd(c, a, b, d, es);
    public static ulong Add(CpuState* c, ulong a, ulong b, ulong d, int es) => a + b;
    public static ulong Sub(CpuState* c, ulong a, ulong b, ulong d, int es) => a - b;
    public static ulong Mla(CpuState* c, ulong a, ulong b, ulong d, int es) => d + a * b;
    public static ulong Mls(CpuState* c, ulong a, ulong b, ulong d, int es) => d - a * b;
    public static ulong Mul(CpuState* c, ulong a, ulong b, ulong d, int es) => a * b;

    /// <summary>PolynomialMult of two bytes (carry-less), low 8 bits.</summary>
    public static ulong Pmul(CpuState* c, ulong a, ulong b, ulong d, int es)
    {
        ulong r = 0;
        for (int i = 0; i < es; i++) if (((b >> i) & 1) != 0) r ^= a << i;
        return r;
    }

    public static ulong Sqdmulh(CpuState* c, ulong a, ulong b, ulong d, int es) =>
        Simd.SignedSat(c, ((Int128)S(a, es) * S(b, es) * 2) >> es, es);
    public static ulong Sqrdmulh(CpuState* c, ulong a, ulong b, ulong d, int es) =>
        Simd.SignedSat(c, ((Int128)S(a, es) * S(b, es) * 2 + (Int128.One << (es - 1))) >> es, es);

    /// <summary>The shift-by-register family (SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL):
    /// shift = SInt(b&lt;7:0&gt;), negative shifts right, optional rounding and saturation.</summary>
    static ulong ShiftReg(CpuState* c, ulong a, ulong b, int es, bool unsigned, bool rounding, bool saturating)
    {
        int shift = (sbyte)(byte)b;
        Int128 element = unsigned ? (Int128)a : S(a, es);
        if (shift >= 0)
        {
            if (shift >= es)
            {
                if (!saturating) return 0;
                return element == 0 ? 0 : unsigned ? Simd.UnsignedSat(c, Int128.MaxValue, es) : Simd.SignedSat(c, element > 0 ? Int128.MaxValue : Int128.MinValue, es);
            }
            element <<= shift;
        }
        else
        {
            int right = Math.Min(-shift, es + 1);
            if (rounding) element += Int128.One << (right - 1);
            element >>= right;
        }
        if (!saturating) return (ulong)element;
        return unsigned ? Simd.UnsignedSat(c, element, es) : Simd.SignedSat(c, element, es);
    }

    public static ulong Sshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, false, false, false);
    public static ulong Ushl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, true, false, false);
    public static ulong Srshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, false, true, false);
    public static ulong Urshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, true, true, false);
    public static ulong Sqshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, false, false, true);
    public static ulong Uqshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, true, false, true);
    public static ulong Sqrshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, false, true, true);
    public static ulong Uqrshl(CpuState* c, ulong a, ulong b, ulong d, int es) => ShiftReg(c, a, b, es, true, true, true);
}
