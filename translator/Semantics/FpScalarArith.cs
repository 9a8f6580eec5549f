// Scalar floating-point data processing (ARM ARM C7.2, the FP rows of C4.1): every value goes
// through FpCore, which implements the shared FP pseudocode (FPCR rounding/FZ/DN, FPSR flags).
// Width N comes from ftype (FpRegs.Width); a scalar result write zeroes the rest of Vd.
using System.Runtime.CompilerServices;
using Fast.Runtime;
using Fast.Translator.Semantics.Fp;

namespace Fast.Translator.Semantics;

public static unsafe class FpDataProcessing1Source
{
    // C7.2 FMOV (register): a bit copy, no FP exceptions.
    public static void FMOV_reg(CpuState* c, uint ftype, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpRegs.Get(c, Rn, n), n);
    }

    // C7.2 FABS (scalar) / FNEG (scalar): sign-bit operations (FPAbs, FPNeg), NaNs included.
    public static void FABS_s(CpuState* c, uint ftype, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpCore.Abs(FpRegs.Get(c, Rn, n), n), n);
    }

    public static void FNEG_s(CpuState* c, uint ftype, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpCore.Neg(FpRegs.Get(c, Rn, n), n), n);
    }

    // C7.2 FSQRT (scalar)
    public static void FSQRT_s(CpuState* c, uint ftype, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpCore.Sqrt(c, FpRegs.Get(c, Rn, n), n), n);
    }

    // C7.2 FCVT: FPConvert with the FPCR rounding mode (FPRoundCV: half results never flushed).
    public static void FCVT_s(CpuState* c, uint ftype, uint opc, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype), m = FpRegs.Width(opc);
        FpRegs.Set(c, Rd, FpCore.Convert(c, FpRegs.Get(c, Rn, n), n, m, FpCore.RMode(c->Fpcr)), m);
    }

    // C7.2 FRINT<r> (scalar): FPRoundInt with an explicit or the FPCR rounding mode.
    static void RoundInt(CpuState* c, uint ftype, uint Rn, uint Rd, Rounding rounding, bool exact)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpCore.RoundInt(c, FpRegs.Get(c, Rn, n), n, rounding, exact), n);
    }

    public static void FRINTN_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, Rounding.TieEven, false);
    public static void FRINTP_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, Rounding.PosInf, false);
    public static void FRINTM_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, Rounding.NegInf, false);
    public static void FRINTZ_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, Rounding.Zero, false);
    public static void FRINTA_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, Rounding.TieAway, false);
    public static void FRINTX_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, FpCore.RMode(c->Fpcr), true);
    public static void FRINTI_s(CpuState* c, uint ftype, uint Rn, uint Rd) => RoundInt(c, ftype, Rn, Rd, FpCore.RMode(c->Fpcr), false);
}

public static unsafe class FpDataProcessing2Source
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Op(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, int, ulong> f)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, f(c, FpRegs.Get(c, Rn, n), FpRegs.Get(c, Rm, n), n), n);
    }

    // C7.2 FMUL / FDIV / FADD / FSUB (scalar)
    public static void FMUL_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.Mul);
    public static void FDIV_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.Div);
    public static void FADD_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.Add);
    public static void FSUB_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.Sub);
    // C7.2 FMAX / FMIN / FMAXNM / FMINNM (scalar)
    public static void FMAX_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.Max);
    public static void FMIN_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.Min);
    public static void FMAXNM_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.MaxNum);
    public static void FMINNM_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd) => Op(c, ftype, Rm, Rn, Rd, &FpCore.MinNum);

    // C7.2 FNMUL (scalar): FPNeg(FPMul(...)), so a propagated NaN comes out with its sign flipped.
    public static void FNMUL_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpCore.Neg(FpCore.Mul(c, FpRegs.Get(c, Rn, n), FpRegs.Get(c, Rm, n), n), n), n);
    }
}

public static unsafe class FpDataProcessing3Source
{
    // C7.2 FMADD/FMSUB/FNMADD/FNMSUB: FPMulAdd(addend, op1, op2) with FPNeg applied to the
    // operands first (so NaN operands propagate with the negated sign, as the pseudocode says).
    static void MulAdd(CpuState* c, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd, bool negA, bool negN)
    {
        int n = FpRegs.Width(ftype);
        ulong a = FpRegs.Get(c, Ra, n), op1 = FpRegs.Get(c, Rn, n), op2 = FpRegs.Get(c, Rm, n);
        if (negA) a = FpCore.Neg(a, n);
        if (negN) op1 = FpCore.Neg(op1, n);
        FpRegs.Set(c, Rd, FpCore.MulAdd(c, a, op1, op2, n), n);
    }

    public static void FMADD_s(CpuState* c, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => MulAdd(c, ftype, Rm, Ra, Rn, Rd, false, false);
    public static void FMSUB_s(CpuState* c, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => MulAdd(c, ftype, Rm, Ra, Rn, Rd, false, true);
    public static void FNMADD_s(CpuState* c, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => MulAdd(c, ftype, Rm, Ra, Rn, Rd, true, true);
    public static void FNMSUB_s(CpuState* c, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => MulAdd(c, ftype, Rm, Ra, Rn, Rd, true, false);
}

public static unsafe class FpImmediate
{
    // C7.2 FMOV (scalar, immediate): VFPExpandImm.
    public static void FMOV_imm_s(CpuState* c, uint ftype, uint imm8, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpCore.ExpandImm(imm8, n), n);
    }
}

public static unsafe class FpCompare
{
    // C7.2 FCMP / FCMPE: FPCompare into NZCV (FCMPE signals on quiet NaNs too).
    public static void FCMP_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint cmpzero)
    {
        int n = FpRegs.Width(ftype);
        c->Nzcv = FpCore.Compare(c, FpRegs.Get(c, Rn, n), cmpzero != 0 ? 0 : FpRegs.Get(c, Rm, n), n, false);
    }

    public static void FCMPE_s(CpuState* c, uint ftype, uint Rm, uint Rn, uint cmpzero)
    {
        int n = FpRegs.Width(ftype);
        c->Nzcv = FpCore.Compare(c, FpRegs.Get(c, Rn, n), cmpzero != 0 ? 0 : FpRegs.Get(c, Rm, n), n, true);
    }
}

public static unsafe class FpConditionalCompare
{
    // C7.2 FCCMP / FCCMPE: if the condition holds, FPCompare, else NZCV = #nzcv (no exceptions).
    static void Ccmp(CpuState* c, uint ftype, uint Rm, uint cond, uint Rn, uint nzcv, bool signal)
    {
        int n = FpRegs.Width(ftype);
        c->Nzcv = Flags.ConditionHolds(cond, c->Nzcv)
            ? FpCore.Compare(c, FpRegs.Get(c, Rn, n), FpRegs.Get(c, Rm, n), n, signal)
            : Flags.FromImmediate(nzcv);
    }

    public static void FCCMP_s(CpuState* c, uint ftype, uint Rm, uint cond, uint Rn, uint nzcv) => Ccmp(c, ftype, Rm, cond, Rn, nzcv, false);
    public static void FCCMPE_s(CpuState* c, uint ftype, uint Rm, uint cond, uint Rn, uint nzcv) => Ccmp(c, ftype, Rm, cond, Rn, nzcv, true);
}

public static unsafe class FpConditionalSelect
{
    // C7.2 FCSEL
    public static void FCSEL_s(CpuState* c, uint ftype, uint Rm, uint cond, uint Rn, uint Rd)
    {
        int n = FpRegs.Width(ftype);
        FpRegs.Set(c, Rd, FpRegs.Get(c, Flags.ConditionHolds(cond, c->Nzcv) ? Rn : Rm, n), n);
    }
}
