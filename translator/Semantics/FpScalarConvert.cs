// Conversions between floating-point and integer/fixed-point values and FMOV (general)
// (ARM ARM C7.2): FPToFixed / FixedToFP from FpCore, which saturate, give 0 for NaN and set
// IOC/IXC exactly as the pseudocode says.
using Fast.Runtime;
using Fast.Translator.Semantics.Fp;

namespace Fast.Translator.Semantics;

public static unsafe class FpIntegerConversion
{
    static void ToInt(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd, Rounding rounding, bool unsigned)
    {
        int n = FpRegs.Width(ftype), m = sf != 0 ? 64 : 32;
        CpuState.SetX(c, Rd, FpCore.ToFixed(c, FpRegs.Get(c, Rn, n), n, 0, unsigned, m, rounding));
    }

    static void FromInt(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd, bool unsigned)
    {
        int n = FpRegs.Width(ftype), m = sf != 0 ? 64 : 32;
        FpRegs.Set(c, Rd, FpCore.FixedToFp(c, CpuState.GetX(c, Rn), m, 0, unsigned, n, FpCore.RMode(c->Fpcr)), n);
    }

    // C7.2 FCVT<r><S|U> (scalar): explicit rounding N (ties even), A (ties away), P, M, Z.
    public static void FCVTNS_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.TieEven, false);
    public static void FCVTNU_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.TieEven, true);
    public static void FCVTAS_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.TieAway, false);
    public static void FCVTAU_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.TieAway, true);
    public static void FCVTPS_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.PosInf, false);
    public static void FCVTPU_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.PosInf, true);
    public static void FCVTMS_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.NegInf, false);
    public static void FCVTMU_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.NegInf, true);
    public static void FCVTZS_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.Zero, false);
    public static void FCVTZU_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => ToInt(c, sf, ftype, Rn, Rd, Rounding.Zero, true);
    // C7.2 SCVTF / UCVTF (scalar, integer): FPCR rounding mode.
    public static void SCVTF_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => FromInt(c, sf, ftype, Rn, Rd, false);
    public static void UCVTF_g(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) => FromInt(c, sf, ftype, Rn, Rd, true);

    // C7.2 FMOV (general): bit copies; a 32-bit general write is zero-extended.
    public static void FMOV_to_gen(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, FpRegs.Get(c, Rn, sf != 0 ? 64 : 32));

    public static void FMOV_from_gen(CpuState* c, uint sf, uint ftype, uint Rn, uint Rd)
    {
        int n = sf != 0 ? 64 : 32;
        FpRegs.Set(c, Rd, CpuState.GetX(c, Rn), n);
    }

    public static void FMOV_to_gen_top(CpuState* c, uint Rn, uint Rd) => CpuState.SetX(c, Rd, FpRegs.High(c, Rn));

    // FMOV Vd.D[1], Xn writes only the top half; the low half is kept.
    public static void FMOV_from_gen_top(CpuState* c, uint Rn, uint Rd) => c->V[Rd * 2 + 1] = CpuState.GetX(c, Rn);
}

public static unsafe class FpFixedConversion
{
    // C7.2 SCVTF / UCVTF (scalar, fixed-point): fbits = 64 - scale.
    public static void SCVTF_fix(CpuState* c, uint sf, uint ftype, uint scale, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype), m = sf != 0 ? 64 : 32;
        FpRegs.Set(c, Rd, FpCore.FixedToFp(c, CpuState.GetX(c, Rn), m, 64 - (int)scale, false, n, FpCore.RMode(c->Fpcr)), n);
    }

    public static void UCVTF_fix(CpuState* c, uint sf, uint ftype, uint scale, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype), m = sf != 0 ? 64 : 32;
        FpRegs.Set(c, Rd, FpCore.FixedToFp(c, CpuState.GetX(c, Rn), m, 64 - (int)scale, true, n, FpCore.RMode(c->Fpcr)), n);
    }

    // C7.2 FCVTZS / FCVTZU (scalar, fixed-point): round toward zero.
    public static void FCVTZS_fix(CpuState* c, uint sf, uint ftype, uint scale, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype), m = sf != 0 ? 64 : 32;
        CpuState.SetX(c, Rd, FpCore.ToFixed(c, FpRegs.Get(c, Rn, n), n, 64 - (int)scale, false, m, Rounding.Zero));
    }

    public static void FCVTZU_fix(CpuState* c, uint sf, uint ftype, uint scale, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype), m = sf != 0 ? 64 : 32;
        CpuState.SetX(c, Rd, FpCore.ToFixed(c, FpRegs.Get(c, Rn, n), n, 64 - (int)scale, true, m, Rounding.Zero));
    }
}

public static unsafe class AdvSimdScalarFpEstimate
{
    static int W(uint sz) => sz != 0 ? 64 : 32;

    // C7.2 FRECPE / FRSQRTE / FRECPX (scalar): FPRecipEstimate, FPRSqrtEstimate, FPRecpX.
    public static void FRECPE_s(CpuState* c, uint sz, uint Rn, uint Rd) => FpRegs.Set(c, Rd, FpCore.RecipEstimate(c, FpRegs.Get(c, Rn, W(sz)), W(sz)), W(sz));
    public static void FRSQRTE_s(CpuState* c, uint sz, uint Rn, uint Rd) => FpRegs.Set(c, Rd, FpCore.RSqrtEstimate(c, FpRegs.Get(c, Rn, W(sz)), W(sz)), W(sz));
    public static void FRECPX_s(CpuState* c, uint sz, uint Rn, uint Rd) => FpRegs.Set(c, Rd, FpCore.RecpX(c, FpRegs.Get(c, Rn, W(sz)), W(sz)), W(sz));

    // C7.2 FRECPS / FRSQRTS (scalar): FPRecipStepFused, FPRSqrtStepFused.
    public static void FRECPS_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) =>
        FpRegs.Set(c, Rd, FpCore.StepFused(c, FpRegs.Get(c, Rn, W(sz)), FpRegs.Get(c, Rm, W(sz)), W(sz), false), W(sz));
    public static void FRSQRTS_s(CpuState* c, uint sz, uint Rm, uint Rn, uint Rd) =>
        FpRegs.Set(c, Rd, FpCore.StepFused(c, FpRegs.Get(c, Rn, W(sz)), FpRegs.Get(c, Rm, W(sz)), W(sz), true), W(sz));
}
