// Advanced SIMD shift by immediate, integer forms (ARM ARM C7.2). The element size is given by
// the highest set bit of immh; right shifts are 2*esize - immh:immb, left shifts immh:immb - esize.
using System.Numerics;
using System.Runtime.Intrinsics;
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdShiftByImmediate
{
    public static int ESize(uint immh) => 8 << (31 - BitOperations.LeadingZeroCount(immh));
    public static int RightShift(uint immh, uint immb) => 2 * ESize(immh) - (int)((immh << 3) | immb);
    public static int LeftShift(uint immh, uint immb) => (int)((immh << 3) | immb) - ESize(immh);

    /// <summary>Shift right of a signed or unsigned element by 1..esize(*2), optionally rounding.</summary>
    public static Int128 ShiftRight(ulong x, int esize, int shift, bool unsigned, bool round)
    {
        // Without rounding the result fits 64 bits: shift there (Int128's shifts are calls, and this
        // runs per element of SHRN, USHR... which glibc's NEON string functions use in hot loops).
        if (!round)
        {
            if (unsigned) return shift >= 64 ? 0 : (Int128)(x >> shift);
            return (long)Bits.SignExtend(x, esize) >> Math.Min(shift, 63);
        }
        Int128 v = unsigned ? (Int128)x : (long)Bits.SignExtend(x, esize);
        if (round) v += Int128.One << (shift - 1);
        return v >> shift;
    }

    static void RightOp(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd, bool unsigned, bool round, bool accumulate)
    {
        int esize = ESize(immh), shift = RightShift(immh, immb), elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong v = (ulong)ShiftRight(Simd.Elem(n, e, esize), esize, shift, unsigned, round);
            if (accumulate) v += Simd.Elem(d, e, esize);
            Simd.SetElem(ref r, e, esize, v);
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void SSHR(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, false, false, false);
    public static void USHR(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, true, false, false);
    public static void SSRA(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, false, false, true);
    public static void USRA(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, true, false, true);
    public static void SRSHR(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, false, true, false);
    public static void URSHR(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, true, true, false);
    public static void SRSRA(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, false, true, true);
    public static void URSRA(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => RightOp(c, Q, immh, immb, Rn, Rd, true, true, true);

    // C7.2 SRI / SLI: shift and insert, keeping the Vd bits the shifted value does not cover.
    static void Insert(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd, bool left)
    {
        int esize = ESize(immh), elements = Simd.DataSize(Q) / esize;
        int shift = left ? LeftShift(immh, immb) : RightShift(immh, immb);
        ulong ones = Bits.Ones(esize);
        ulong mask = left ? (ones << shift) & ones : (shift >= esize ? 0 : ones >> shift);
        Vector128Bits n = Simd.Read(c, Rn), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong x = Simd.Elem(n, e, esize);
            ulong shifted = left ? x << shift : shift >= esize ? 0 : x >> shift;
            Simd.SetElem(ref r, e, esize, (Simd.Elem(d, e, esize) & ~mask) | (shifted & mask));
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void SRI(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => Insert(c, Q, immh, immb, Rn, Rd, false);
    public static void SLI(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => Insert(c, Q, immh, immb, Rn, Rd, true);

    // C7.2 SHL, SQSHL/UQSHL (immediate), SQSHLU: kind 0 plain, 1 signed sat, 2 unsigned sat, 3 signed -> unsigned sat.
    static void LeftOp(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd, int kind)
    {
        int esize = ESize(immh), shift = LeftShift(immh, immb), elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong x = Simd.Elem(n, e, esize);
            Int128 s = (long)Bits.SignExtend(x, esize);
            ulong v = kind switch
            {
                0 => x << shift,
                1 => Simd.SignedSat(c, s << shift, esize),
                2 => Simd.UnsignedSat(c, (Int128)x << shift, esize),
                _ => Simd.UnsignedSat(c, s << shift, esize),
            };
            Simd.SetElem(ref r, e, esize, v);
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void SHL(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => LeftOp(c, Q, immh, immb, Rn, Rd, 0);
    public static void SQSHL_imm(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => LeftOp(c, Q, immh, immb, Rn, Rd, 1);
    public static void UQSHL_imm(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => LeftOp(c, Q, immh, immb, Rn, Rd, 2);
    public static void SQSHLU(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => LeftOp(c, Q, immh, immb, Rn, Rd, 3);

    // C7.2 SHRN, RSHRN and the saturating narrows: 2*esize elements of Vn shifted right, narrowed
    // into Vpart[d, Q]. kind 0 truncate, 1 signed sat, 2 unsigned sat, 3 signed -> unsigned sat.
    static void NarrowOp(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd, bool unsignedIn, bool round, int kind)
    {
        int esize = ESize(immh), shift = RightShift(immh, immb), elements = 64 / esize;
        if (kind == 0 && !round && esize < 64)
        {
            // SHRN: a logical shift of each 2*esize element (1 <= shift <= esize leaves its low esize
            // bits the same whatever the extension) and a truncating narrow. glibc's strlen, memchr
            // and strchr run SHRN #4 on every 16 bytes they scan; the per-element Int128 loop below
            // was 2 % of lua5.4's run. Plain 64-bit arithmetic, not Vector128: ReadyToRun rejects
            // this method's Vector128.Narrow on a host with AVX-512, and it ran JIT-compiled at every start.
            Vector128Bits wide = Simd.Read(c, Rn);
            ulong mask = (1UL << esize) - 1, narrowed = 0;
            for (int e = 0; e < elements; e++)
                narrowed |= ((Simd.Elem(wide, e, 2 * esize) >> shift) & mask) << (e * esize);
            AdvSimdTwoRegMisc.WritePart(c, Rd, Q, narrowed);
            return;
        }
        NarrowOpWide(c, Q, Rn, Rd, esize, shift, elements, unsignedIn, round, kind);
    }

    // The general case, apart: ReadyToRun cannot precompile a method with Int128 locals (CoreLib's
    // layout, outside Fast's version bubble), and SHRN above runs at every glibc program's start.
    static void NarrowOpWide(CpuState* c, uint Q, uint Rn, uint Rd, int esize, int shift, int elements, bool unsignedIn, bool round, int kind)
    {
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        for (int e = 0; e < elements; e++)
        {
            Int128 v = ShiftRight(Simd.Elem(n, e, 2 * esize), 2 * esize, shift, unsignedIn, round);
            ulong x = kind switch
            {
                0 => (ulong)v,
                1 => Simd.SignedSat(c, v, esize),
                _ => Simd.UnsignedSat(c, v, esize),
            };
            Simd.SetElem(ref r, e, esize, x);
        }
        AdvSimdTwoRegMisc.WritePart(c, Rd, Q, r.Low);
    }

    public static void SHRN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, true, false, 0);
    public static void RSHRN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, true, true, 0);
    public static void SQSHRN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, false, false, 1);
    public static void SQRSHRN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, false, true, 1);
    public static void UQSHRN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, true, false, 2);
    public static void UQRSHRN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, true, true, 2);
    public static void SQSHRUN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, false, false, 3);
    public static void SQRSHRUN(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => NarrowOp(c, Q, immh, immb, Rn, Rd, false, true, 3);

    // C7.2 SSHLL / USHLL: widen Vpart[n, Q] and shift left.
    static void Long(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd, bool unsigned)
    {
        int esize = ESize(immh), shift = LeftShift(immh, immb), elements = 64 / esize;
        var part = new Vector128Bits { Low = Q != 0 ? c->V[Rn * 2 + 1] : c->V[Rn * 2] };
        Vector128Bits r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong x = Simd.Elem(part, e, esize);
            ulong v = unsigned ? x : Bits.SignExtend(x, esize);
            Simd.SetElem(ref r, e, 2 * esize, v << shift);
        }
        Simd.Write(c, Rd, r, 1);
    }

    public static void SSHLL(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => Long(c, Q, immh, immb, Rn, Rd, false);
    public static void USHLL(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => Long(c, Q, immh, immb, Rn, Rd, true);

    // C7.2 SCVTF / UCVTF / FCVTZS / FCVTZU (vector, fixed-point): fbits = 2*esize - immh:immb.
    static void FixedOp(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd, bool toFp, bool unsigned)
    {
        int esize = ESize(immh), fbits = RightShift(immh, immb), elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong x = Simd.Elem(n, e, esize);
            ulong v = toFp ? Fp.FpCore.FixedToFp(c, x, esize, fbits, unsigned, esize, Fp.FpCore.RMode(c->Fpcr))
                           : Fp.FpCore.ToFixed(c, x, esize, fbits, unsigned, esize, Fp.Rounding.Zero);
            Simd.SetElem(ref r, e, esize, v);
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void SCVTF_fix_v(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => FixedOp(c, Q, immh, immb, Rn, Rd, true, false);
    public static void UCVTF_fix_v(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => FixedOp(c, Q, immh, immb, Rn, Rd, true, true);
    public static void FCVTZS_fix_v(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => FixedOp(c, Q, immh, immb, Rn, Rd, false, false);
    public static void FCVTZU_fix_v(CpuState* c, uint Q, uint immh, uint immb, uint Rn, uint Rd) => FixedOp(c, Q, immh, immb, Rn, Rd, false, true);
}
