// Advanced SIMD vector/scalar x indexed element (ARM ARM C7.2): the same element operations as
// the three-same / three-different rows with the second operand fixed to Vm[index].
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;
using Fast.Translator.Semantics.Fp;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdByElement
{
    /// <summary>(Rm, index) of an integer by-element form.</summary>
    public static (uint Rm, int Index) IntOperand(uint size, uint L, uint M, uint Rm, uint H) =>
        size == 1 ? (Rm, (int)((H << 2) | (L << 1) | M)) : ((M << 4) | Rm, (int)((H << 1) | L));

    /// <summary>(Rm, index) of an FP by-element form.</summary>
    public static (uint Rm, int Index) FpOperand(uint sz, uint L, uint M, uint Rm, uint H) =>
        ((M << 4) | Rm, sz != 0 ? (int)H : (int)((H << 1) | L));

    static void Same(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        var (m, index) = IntOperand(size, L, M, Rm, H);
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / esize;
        ulong element2 = Simd.Elem(Simd.Read(c, m), index, esize);
        Vector128Bits n = Simd.Read(c, Rn), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++) Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(n, e, esize), element2, Simd.Elem(d, e, esize), esize));
        Simd.Write(c, Rd, r, Q);
    }

    static void Long(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, bool unsigned, delegate*<CpuState*, Int128, Int128, ulong, int, ulong> op)
    {
        var (m, index) = IntOperand(size, L, M, Rm, H);
        int esize = 8 << (int)size, elements = 64 / esize;
        var mv = Simd.Read(c, m);
        Int128 element2 = unsigned ? Simd.Elem(mv, index, esize) : Simd.SElem(mv, index, esize);
        var n = new Vector128Bits { Low = Q != 0 ? c->V[Rn * 2 + 1] : c->V[Rn * 2] };
        Vector128Bits d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
        {
            Int128 a = unsigned ? Simd.Elem(n, e, esize) : Simd.SElem(n, e, esize);
            Simd.SetElem(ref r, e, 2 * esize, op(c, a, element2, Simd.Elem(d, e, 2 * esize), 2 * esize));
        }
        Simd.Write(c, Rd, r, 1);
    }

    public static void MLA_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, Q, size, L, M, Rm, H, Rn, Rd, &SimdInt.Mla);
    public static void MLS_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, Q, size, L, M, Rm, H, Rn, Rd, &SimdInt.Mls);
    public static void MUL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, Q, size, L, M, Rm, H, Rn, Rd, &SimdInt.Mul);
    public static void SQDMULH_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, Q, size, L, M, Rm, H, Rn, Rd, &SimdInt.Sqdmulh);
    public static void SQRDMULH_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, Q, size, L, M, Rm, H, Rn, Rd, &SimdInt.Sqrdmulh);
    public static void SMLAL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, false, &AdvSimdThreeDifferent.Mla);
    public static void UMLAL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, true, &AdvSimdThreeDifferent.Mla);
    public static void SMLSL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, false, &AdvSimdThreeDifferent.Mls);
    public static void UMLSL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, true, &AdvSimdThreeDifferent.Mls);
    public static void SMULL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, false, &AdvSimdThreeDifferent.Mul);
    public static void UMULL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, true, &AdvSimdThreeDifferent.Mul);
    public static void SQDMLAL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, false, &AdvSimdThreeDifferent.Sqdmlal);
    public static void SQDMLSL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, false, &AdvSimdThreeDifferent.Sqdmlsl);
    public static void SQDMULL_elem(CpuState* c, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, Q, size, L, M, Rm, H, Rn, Rd, false, &AdvSimdThreeDifferent.Sqdmull);

    static void Fp(CpuState* c, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        var (m, index) = FpOperand(sz, L, M, Rm, H);
        int esize = SimdFp.ESize(sz), elements = Simd.DataSize(Q) / esize;
        ulong element2 = Simd.Elem(Simd.Read(c, m), index, esize);
        Vector128Bits n = Simd.Read(c, Rn), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++) Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(n, e, esize), element2, Simd.Elem(d, e, esize), esize));
        Simd.Write(c, Rd, r, Q);
    }

    public static void FMLA_elem(CpuState* c, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, Q, sz, L, M, Rm, H, Rn, Rd, &SimdFp.Mla);
    public static void FMLS_elem(CpuState* c, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, Q, sz, L, M, Rm, H, Rn, Rd, &SimdFp.Mls);
    public static void FMUL_elem(CpuState* c, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, Q, sz, L, M, Rm, H, Rn, Rd, &SimdFp.Mul);
    public static void FMULX_elem(CpuState* c, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, Q, sz, L, M, Rm, H, Rn, Rd, &SimdFp.MulX);
}

public static unsafe class AdvSimdScalarByElement
{
    static void Fp(CpuState* c, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        var (m, index) = AdvSimdByElement.FpOperand(sz, L, M, Rm, H);
        int esize = SimdFp.ESize(sz);
        ulong element2 = Simd.Elem(Simd.Read(c, m), index, esize);
        FpRegs.Set(c, Rd, op(c, FpRegs.Get(c, Rn, esize), element2, FpRegs.Get(c, Rd, esize), esize), esize);
    }

    public static void FMLA_elem_s(CpuState* c, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, sz, L, M, Rm, H, Rn, Rd, &SimdFp.Mla);
    public static void FMLS_elem_s(CpuState* c, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, sz, L, M, Rm, H, Rn, Rd, &SimdFp.Mls);
    public static void FMUL_elem_s(CpuState* c, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, sz, L, M, Rm, H, Rn, Rd, &SimdFp.Mul);
    public static void FMULX_elem_s(CpuState* c, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Fp(c, sz, L, M, Rm, H, Rn, Rd, &SimdFp.MulX);

    static void Same(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        var (m, index) = AdvSimdByElement.IntOperand(size, L, M, Rm, H);
        int esize = 8 << (int)size;
        ulong element2 = Simd.Elem(Simd.Read(c, m), index, esize);
        FpRegs.Set(c, Rd, op(c, FpRegs.Get(c, Rn, esize), element2, 0, esize), esize);
    }

    static void Long(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, delegate*<CpuState*, Int128, Int128, ulong, int, ulong> op)
    {
        var (m, index) = AdvSimdByElement.IntOperand(size, L, M, Rm, H);
        int esize = 8 << (int)size;
        Int128 a = (long)Bits.SignExtend(FpRegs.Get(c, Rn, esize), esize);
        Int128 b = Simd.SElem(Simd.Read(c, m), index, esize);
        FpRegs.Set(c, Rd, op(c, a, b, FpRegs.Get(c, Rd, 2 * esize), 2 * esize), 2 * esize);
    }

    public static void SQDMULH_elem_s(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, size, L, M, Rm, H, Rn, Rd, &SimdInt.Sqdmulh);
    public static void SQRDMULH_elem_s(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Same(c, size, L, M, Rm, H, Rn, Rd, &SimdInt.Sqrdmulh);
    public static void SQDMLAL_elem_s(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, size, L, M, Rm, H, Rn, Rd, &AdvSimdThreeDifferent.Sqdmlal);
    public static void SQDMLSL_elem_s(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, size, L, M, Rm, H, Rn, Rd, &AdvSimdThreeDifferent.Sqdmlsl);
    public static void SQDMULL_elem_s(CpuState* c, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Long(c, size, L, M, Rm, H, Rn, Rd, &AdvSimdThreeDifferent.Sqdmull);
}

public static unsafe class AdvSimdScalarThreeDifferent
{
    static void Long(CpuState* c, uint size, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, Int128, Int128, ulong, int, ulong> op)
    {
        int esize = 8 << (int)size;
        Int128 a = (long)Bits.SignExtend(FpRegs.Get(c, Rn, esize), esize), b = (long)Bits.SignExtend(FpRegs.Get(c, Rm, esize), esize);
        FpRegs.Set(c, Rd, op(c, a, b, FpRegs.Get(c, Rd, 2 * esize), 2 * esize), 2 * esize);
    }

    public static void SQDMLAL_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => Long(c, size, Rm, Rn, Rd, &AdvSimdThreeDifferent.Sqdmlal);
    public static void SQDMLSL_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => Long(c, size, Rm, Rn, Rd, &AdvSimdThreeDifferent.Sqdmlsl);
    public static void SQDMULL_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => Long(c, size, Rm, Rn, Rd, &AdvSimdThreeDifferent.Sqdmull);
}
