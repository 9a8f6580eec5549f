// Advanced SIMD scalar forms (ARM ARM C7.2): one element of esize bits through the same element
// operations as the vector rows; the result is written as a scalar (the rest of Vd zeroed).
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;
using Fast.Translator.Semantics.Fp;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdScalarThreeSame
{
    static void I(CpuState* c, int esize, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op) =>
        FpRegs.Set(c, Rd, op(c, FpRegs.Get(c, Rn, esize), FpRegs.Get(c, Rm, esize), 0, esize) & Bits.Ones(esize), esize);
    static void F(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op) => I(c, SimdFp.ESize(sz), Rm, Rn, Rd, op);

    public static void SQADD_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Sqadd);
    public static void UQADD_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Uqadd);
    public static void SQSUB_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Sqsub);
    public static void UQSUB_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Uqsub);
    public static void SQSHL_reg_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Sqshl);
    public static void UQSHL_reg_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Uqshl);
    public static void SQRSHL_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Sqrshl);
    public static void UQRSHL_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Uqrshl);
    public static void SQDMULH_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Sqdmulh);
    public static void SQRDMULH_s(CpuState* c, uint size, uint Rm, uint Rn, uint Rd) => I(c, 8 << (int)size, Rm, Rn, Rd, &SimdInt.Sqrdmulh);
    public static void CMGT_reg_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Cmgt);
    public static void CMHI_reg_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Cmhi);
    public static void CMGE_reg_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Cmge);
    public static void CMHS_reg_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Cmhs);
    public static void SSHL_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Sshl);
    public static void USHL_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Ushl);
    public static void SRSHL_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Srshl);
    public static void URSHL_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Urshl);
    public static void ADD_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Add);
    public static void SUB_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Sub);
    public static void CMTST_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Cmtst);
    public static void CMEQ_reg_s(CpuState* c, uint Rm, uint Rn, uint Rd) => I(c, 64, Rm, Rn, Rd, &SimdInt.Cmeq);
    public static void FMULX_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.MulX);
    public static void FCMEQ_reg_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.CmEq);
    public static void FCMGE_reg_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.CmGe);
    public static void FCMGT_reg_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.CmGt);
    public static void FACGE_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.AcGe);
    public static void FACGT_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.AcGt);
    public static void FABD_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) => F(c, sz, Rm, Rn, Rd, &SimdFp.Abd);
}

public static unsafe class AdvSimdScalarTwoRegMisc
{
    static void I(CpuState* c, int esize, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, int, ulong> op) =>
        FpRegs.Set(c, Rd, op(c, FpRegs.Get(c, Rn, esize), FpRegs.Get(c, Rd, esize), esize) & Bits.Ones(esize), esize);
    static void F(CpuState* c, uint sz, uint Rn, uint Rd, delegate*<CpuState*, ulong, int, ulong> op)
    {
        int esize = SimdFp.ESize(sz);
        FpRegs.Set(c, Rd, op(c, FpRegs.Get(c, Rn, esize), esize), esize);
    }

    public static void SUQADD_s(CpuState* c, uint size, uint Rn, uint Rd) => I(c, 8 << (int)size, Rn, Rd, &AdvSimdTwoRegMisc.Suqadd);
    public static void USQADD_s(CpuState* c, uint size, uint Rn, uint Rd) => I(c, 8 << (int)size, Rn, Rd, &AdvSimdTwoRegMisc.Usqadd);
    public static void SQABS_s(CpuState* c, uint size, uint Rn, uint Rd) => I(c, 8 << (int)size, Rn, Rd, &AdvSimdTwoRegMisc.Sqabs);
    public static void SQNEG_s(CpuState* c, uint size, uint Rn, uint Rd) => I(c, 8 << (int)size, Rn, Rd, &AdvSimdTwoRegMisc.Sqneg);
    public static void CMGT_zero_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Gt0);
    public static void CMGE_zero_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Ge0);
    public static void CMEQ_zero_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Eq0);
    public static void CMLE_zero_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Le0);
    public static void CMLT_zero_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Lt0);
    public static void ABS_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Abs);
    public static void NEG_s(CpuState* c, uint Rn, uint Rd) => I(c, 64, Rn, Rd, &AdvSimdTwoRegMisc.Neg);

    // C7.2 SQXTN / UQXTN / SQXTUN (scalar): kind 1 signed, 2 unsigned, 3 signed to unsigned.
    static void Narrow(CpuState* c, uint size, uint Rn, uint Rd, int kind)
    {
        int esize = 8 << (int)size;
        ulong x = FpRegs.Get(c, Rn, 2 * esize);
        long sx = (long)Bits.SignExtend(x, 2 * esize);
        ulong v = kind == 1 ? Simd.SignedSat(c, sx, esize) : kind == 2 ? Simd.UnsignedSat(c, x, esize) : Simd.UnsignedSat(c, sx, esize);
        FpRegs.Set(c, Rd, v, esize);
    }

    public static void SQXTN_s(CpuState* c, uint size, uint Rn, uint Rd) => Narrow(c, size, Rn, Rd, 1);
    public static void UQXTN_s(CpuState* c, uint size, uint Rn, uint Rd) => Narrow(c, size, Rn, Rd, 2);
    public static void SQXTUN_s(CpuState* c, uint size, uint Rn, uint Rd) => Narrow(c, size, Rn, Rd, 3);

    public static void FCVTNS_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtNS);
    public static void FCVTNU_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtNU);
    public static void FCVTMS_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtMS);
    public static void FCVTMU_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtMU);
    public static void FCVTAS_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtAS);
    public static void FCVTAU_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtAU);
    public static void FCVTPS_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtPS);
    public static void FCVTPU_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtPU);
    public static void FCVTZS_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtZS);
    public static void FCVTZU_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CvtZU);
    public static void SCVTF_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.Scvtf);
    public static void UCVTF_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.Ucvtf);
    public static void FCMGT_zero_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CmGt0);
    public static void FCMGE_zero_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CmGe0);
    public static void FCMEQ_zero_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CmEq0);
    public static void FCMLE_zero_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CmLe0);
    public static void FCMLT_zero_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &AdvSimdFpTwoRegMisc.CmLt0);

    // C7.2 FCVTXN (scalar): double to single, rounding to odd.
    public static void FCVTXN_s(CpuState* c, uint sz, uint Rn, uint Rd) =>
        FpRegs.Set(c, Rd, FpCore.Convert(c, FpRegs.Get(c, Rn, 64), 64, 32, Rounding.Odd), 32);
}

public static unsafe class AdvSimdScalarPairwise
{
    // C7.2 ADDP (scalar): Vn.D[0] + Vn.D[1].
    public static void ADDP_s(CpuState* c, uint Rn, uint Rd) => FpRegs.Set(c, Rd, c->V[Rn * 2] + c->V[Rn * 2 + 1], 64);

    static void F(CpuState* c, uint sz, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, int, ulong> op)
    {
        int esize = SimdFp.ESize(sz);
        var v = Simd.Read(c, Rn);
        FpRegs.Set(c, Rd, op(c, Simd.Elem(v, 0, esize), Simd.Elem(v, 1, esize), esize), esize);
    }

    public static void FMAXNMP_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &FpCore.MaxNum);
    public static void FADDP_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &FpCore.Add);
    public static void FMAXP_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &FpCore.Max);
    public static void FMINNMP_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &FpCore.MinNum);
    public static void FMINP_s(CpuState* c, uint sz, uint Rn, uint Rd) => F(c, sz, Rn, Rd, &FpCore.Min);
}
