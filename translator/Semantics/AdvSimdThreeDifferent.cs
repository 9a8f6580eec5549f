// Advanced SIMD three different (ARM ARM C7.2): long (Vpart operands, 2*esize results), wide
// (Vn already 2*esize) and narrowing-high forms (2*esize operands, high halves into Vpart[d, Q]).
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdThreeDifferent
{
    static Vector128Bits Part(CpuState* c, uint n, uint Q) => new() { Low = Q != 0 ? c->V[n * 2 + 1] : c->V[n * 2] };

    /// <summary>result[e] (2*esize) = op(a, b, d) where a is Vpart[n] (or Vn[e] at 2*esize when wide), b is Vpart[m].</summary>
    static void Long(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, bool unsigned, bool wide, delegate*<CpuState*, Int128, Int128, ulong, int, ulong> op)
    {
        int esize = 8 << (int)size, elements = 64 / esize;
        Vector128Bits n = wide ? Simd.Read(c, Rn) : Part(c, Rn, Q), m = Part(c, Rm, Q), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
        {
            Int128 a = wide ? (unsigned ? Simd.Elem(n, e, 2 * esize) : Simd.SElem(n, e, 2 * esize)) : unsigned ? Simd.Elem(n, e, esize) : Simd.SElem(n, e, esize);
            Int128 b = unsigned ? Simd.Elem(m, e, esize) : Simd.SElem(m, e, esize);
            Simd.SetElem(ref r, e, 2 * esize, op(c, a, b, Simd.Elem(d, e, 2 * esize), 2 * esize));
        }
        Simd.Write(c, Rd, r, 1);
    }

    internal static ulong Add(CpuState* c, Int128 a, Int128 b, ulong d, int es) => (ulong)(a + b);
    internal static ulong Sub(CpuState* c, Int128 a, Int128 b, ulong d, int es) => (ulong)(a - b);
    internal static ulong Abd(CpuState* c, Int128 a, Int128 b, ulong d, int es) => (ulong)Int128.Abs(a - b);
    internal static ulong Aba(CpuState* c, Int128 a, Int128 b, ulong d, int es) => d + (ulong)Int128.Abs(a - b);
    internal static ulong Mul(CpuState* c, Int128 a, Int128 b, ulong d, int es) => (ulong)(a * b);
    internal static ulong Mla(CpuState* c, Int128 a, Int128 b, ulong d, int es) => d + (ulong)(a * b);
    internal static ulong Mls(CpuState* c, Int128 a, Int128 b, ulong d, int es) => d - (ulong)(a * b);
    internal static ulong Sqdmull(CpuState* c, Int128 a, Int128 b, ulong d, int es) => Simd.SignedSat(c, 2 * a * b, es);
    internal static ulong Sqdmlal(CpuState* c, Int128 a, Int128 b, ulong d, int es) =>
        Simd.SignedSat(c, (long)Bits.SignExtend(d, es) + (Int128)(long)Bits.SignExtend(Simd.SignedSat(c, 2 * a * b, es), es), es);
    internal static ulong Sqdmlsl(CpuState* c, Int128 a, Int128 b, ulong d, int es) =>
        Simd.SignedSat(c, (long)Bits.SignExtend(d, es) - (Int128)(long)Bits.SignExtend(Simd.SignedSat(c, 2 * a * b, es), es), es);
    internal static ulong Pmull(CpuState* c, Int128 a, Int128 b, ulong d, int es)
    {
        ulong r = 0, x = (ulong)a & 0xFF, y = (ulong)b & 0xFF;
        for (int i = 0; i < 8; i++) if (((y >> i) & 1) != 0) r ^= x << i;
        return r;
    }

    public static void SADDL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Add);
    public static void UADDL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Add);
    public static void SADDW(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, true, &Add);
    public static void UADDW(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, true, &Add);
    public static void SSUBL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Sub);
    public static void USUBL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Sub);
    public static void SSUBW(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, true, &Sub);
    public static void USUBW(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, true, &Sub);
    public static void SABAL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Aba);
    public static void UABAL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Aba);
    public static void SABDL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Abd);
    public static void UABDL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Abd);
    public static void SMLAL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Mla);
    public static void UMLAL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Mla);
    public static void SMLSL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Mls);
    public static void UMLSL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Mls);
    public static void SMULL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Mul);
    public static void UMULL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, true, false, &Mul);
    public static void SQDMLAL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Sqdmlal);
    public static void SQDMLSL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Sqdmlsl);
    public static void SQDMULL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Long(c, Q, size, Rm, Rn, Rd, false, false, &Sqdmull);
    public static void PMULL(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Long(c, Q, 0, Rm, Rn, Rd, true, false, &Pmull);

    // C7.2 PMULL (1Q, FEAT_PMULL): 64 x 64 -> 128-bit carry-less product of Vpart[n, Q] and Vpart[m, Q].
    public static void PMULL_1q(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd)
    {
        ulong a = Q != 0 ? c->V[Rn * 2 + 1] : c->V[Rn * 2], b = Q != 0 ? c->V[Rm * 2 + 1] : c->V[Rm * 2];
        UInt128 r = 0;
        for (int i = 0; i < 64; i++) if (((b >> i) & 1) != 0) r ^= (UInt128)a << i;
        Simd.Write(c, Rd, new Vector128Bits { Low = (ulong)r, High = (ulong)(r >> 64) }, 1);
    }

    // C7.2 ADDHN / SUBHN / RADDHN / RSUBHN: high half of the 2*esize sum or difference.
    static void HighNarrow(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, bool subtract, bool round)
    {
        int esize = 8 << (int)size, elements = 64 / esize;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int e = 0; e < elements; e++)
        {
            // The high half of the 2*esize-bit sum or difference (modulo 2^(2*esize)): 64-bit arithmetic
            // wraps modulo 2^64, which agrees on those bits since 2*esize <= 64. (Not UInt128: ReadyToRun
            // cannot precompile a method with its locals, and glibc's string functions run ADDHN.)
            ulong a = Simd.Elem(n, e, 2 * esize), b = Simd.Elem(m, e, 2 * esize);
            ulong v = subtract ? a - b : a + b;
            if (round) v += 1UL << (esize - 1);
            Simd.SetElem(ref r, e, esize, v >> esize);
        }
        AdvSimdTwoRegMisc.WritePart(c, Rd, Q, r.Low);
    }

    public static void ADDHN(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => HighNarrow(c, Q, size, Rm, Rn, Rd, false, false);
    public static void RADDHN(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => HighNarrow(c, Q, size, Rm, Rn, Rd, false, true);
    public static void SUBHN(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => HighNarrow(c, Q, size, Rm, Rn, Rd, true, false);
    public static void RSUBHN(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => HighNarrow(c, Q, size, Rm, Rn, Rd, true, true);
}
