// Advanced SIMD scalar shift by immediate (ARM ARM C7.2). The 64-bit-only rows carry immh<2:0>
// (immh<3> = 1 is in the pattern); the others the whole immh.
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;
using Fast.Translator.Semantics.Fp;
using S = Fast.Translator.Semantics.AdvSimdShiftByImmediate;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdScalarShiftByImmediate
{
    static int Right64(uint immh, uint immb) => 64 - (int)((immh << 3) | immb);
    static int Left64(uint immh, uint immb) => (int)((immh << 3) | immb);

    static void Right(CpuState* c, uint immh, uint immb, uint Rn, uint Rd, bool unsigned, bool round, bool accumulate)
    {
        ulong v = (ulong)S.ShiftRight(c->V[Rn * 2], 64, Right64(immh, immb), unsigned, round);
        if (accumulate) v += c->V[Rd * 2];
        FpRegs.Set(c, Rd, v, 64);
    }

    public static void SSHR_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, false, false, false);
    public static void USHR_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, true, false, false);
    public static void SSRA_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, false, false, true);
    public static void USRA_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, true, false, true);
    public static void SRSHR_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, false, true, false);
    public static void URSHR_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, true, true, false);
    public static void SRSRA_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, false, true, true);
    public static void URSRA_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Right(c, immh, immb, Rn, Rd, true, true, true);

    public static void SRI_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd)
    {
        int shift = Right64(immh, immb);
        ulong mask = shift >= 64 ? 0 : ulong.MaxValue >> shift;
        ulong shifted = shift >= 64 ? 0 : c->V[Rn * 2] >> shift;
        FpRegs.Set(c, Rd, (c->V[Rd * 2] & ~mask) | (shifted & mask), 64);
    }

    public static void SHL_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => FpRegs.Set(c, Rd, c->V[Rn * 2] << Left64(immh, immb), 64);

    public static void SLI_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd)
    {
        int shift = Left64(immh, immb);
        ulong mask = ulong.MaxValue << shift;
        FpRegs.Set(c, Rd, (c->V[Rd * 2] & ~mask) | ((c->V[Rn * 2] << shift) & mask), 64);
    }

    // C7.2 SQSHL / UQSHL (immediate) / SQSHLU, scalar: any element size.
    static void SatLeft(CpuState* c, uint immh, uint immb, uint Rn, uint Rd, int kind)
    {
        int esize = S.ESize(immh), shift = S.LeftShift(immh, immb);
        ulong x = FpRegs.Get(c, Rn, esize);
        Int128 s = (long)Bits.SignExtend(x, esize);
        ulong v = kind == 1 ? Simd.SignedSat(c, s << shift, esize) : kind == 2 ? Simd.UnsignedSat(c, (Int128)x << shift, esize) : Simd.UnsignedSat(c, s << shift, esize);
        FpRegs.Set(c, Rd, v, esize);
    }

    public static void SQSHL_imm_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => SatLeft(c, immh, immb, Rn, Rd, 1);
    public static void UQSHL_imm_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => SatLeft(c, immh, immb, Rn, Rd, 2);
    public static void SQSHLU_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => SatLeft(c, immh, immb, Rn, Rd, 3);

    // Saturating narrowing shifts, scalar: kind 1 signed, 2 unsigned, 3 signed to unsigned.
    static void Narrow(CpuState* c, uint immh, uint immb, uint Rn, uint Rd, bool unsignedIn, bool round, int kind)
    {
        int esize = S.ESize(immh), shift = S.RightShift(immh, immb);
        Int128 v = S.ShiftRight(FpRegs.Get(c, Rn, 2 * esize), 2 * esize, shift, unsignedIn, round);
        FpRegs.Set(c, Rd, kind == 1 ? Simd.SignedSat(c, v, esize) : Simd.UnsignedSat(c, v, esize), esize);
    }

    public static void SQSHRN_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Narrow(c, immh, immb, Rn, Rd, false, false, 1);
    public static void SQRSHRN_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Narrow(c, immh, immb, Rn, Rd, false, true, 1);
    public static void UQSHRN_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Narrow(c, immh, immb, Rn, Rd, true, false, 2);
    public static void UQRSHRN_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Narrow(c, immh, immb, Rn, Rd, true, true, 2);
    public static void SQSHRUN_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Narrow(c, immh, immb, Rn, Rd, false, false, 3);
    public static void SQRSHRUN_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd) => Narrow(c, immh, immb, Rn, Rd, false, true, 3);

    // C7.2 SCVTF / UCVTF / FCVTZS / FCVTZU (scalar, fixed-point) in the SIMD register file.
    public static void SCVTF_fix_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd)
    {
        int n = S.ESize(immh);
        FpRegs.Set(c, Rd, FpCore.FixedToFp(c, FpRegs.Get(c, Rn, n), n, S.RightShift(immh, immb), false, n, FpCore.RMode(c->Fpcr)), n);
    }

    public static void UCVTF_fix_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd)
    {
        int n = S.ESize(immh);
        FpRegs.Set(c, Rd, FpCore.FixedToFp(c, FpRegs.Get(c, Rn, n), n, S.RightShift(immh, immb), true, n, FpCore.RMode(c->Fpcr)), n);
    }

    public static void FCVTZS_fix_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd)
    {
        int n = S.ESize(immh);
        FpRegs.Set(c, Rd, FpCore.ToFixed(c, FpRegs.Get(c, Rn, n), n, S.RightShift(immh, immb), false, n, Rounding.Zero), n);
    }

    public static void FCVTZU_fix_s(CpuState* c, uint immh, uint immb, uint Rn, uint Rd)
    {
        int n = S.ESize(immh);
        FpRegs.Set(c, Rd, FpCore.ToFixed(c, FpRegs.Get(c, Rn, n), n, S.RightShift(immh, immb), true, n, Rounding.Zero), n);
    }
}
