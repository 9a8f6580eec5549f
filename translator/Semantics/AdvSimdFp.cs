// Advanced SIMD floating-point vector forms (ARM ARM C7.2): each lane through the same FpCore
// functions as the scalar rows (so FPCR and FPSR behave identically).
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;
using Fast.Translator.Semantics.Fp;

namespace Fast.Translator.Semantics;

public static unsafe class SimdFp
{
    public static int ESize(uint sz) => sz != 0 ? 64 : 32;

    public static void Binary(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, ulong, int, ulong> op)
    {
        int esize = ESize(sz), elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
            Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(n, e, esize), Simd.Elem(m, e, esize), Simd.Elem(d, e, esize), esize));
        Simd.Write(c, Rd, r, Q);
    }

    public static void Pairwise(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, int, ulong> op)
    {
        int esize = ESize(sz), elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int e = 0; e < elements; e++)
        {
            int i = 2 * e;
            ref Vector128Bits src = ref i < elements ? ref n : ref m;
            int j = i < elements ? i : i - elements;
            Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(src, j, esize), Simd.Elem(src, j + 1, esize), esize));
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void Unary(CpuState* c, uint Q, uint sz, uint Rn, uint Rd, delegate*<CpuState*, ulong, int, ulong> op)
    {
        int esize = ESize(sz), elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        for (int e = 0; e < elements; e++) Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(n, e, esize), esize));
        Simd.Write(c, Rd, r, Q);
    }

    static ulong Mask(bool b) => b ? ulong.MaxValue : 0;
    public static ulong Add(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Add(c, a, b, n);
    public static ulong Sub(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Sub(c, a, b, n);
    public static ulong Mul(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Mul(c, a, b, n);
    public static ulong MulX(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.MulX(c, a, b, n);
    public static ulong Div(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Div(c, a, b, n);
    public static ulong Max(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Max(c, a, b, n);
    public static ulong Min(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Min(c, a, b, n);
    public static ulong MaxNum(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.MaxNum(c, a, b, n);
    public static ulong MinNum(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.MinNum(c, a, b, n);
    public static ulong Mla(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.MulAdd(c, d, a, b, n);
    public static ulong Mls(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.MulAdd(c, d, FpCore.Neg(a, n), b, n);
    public static ulong Abd(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.Abs(FpCore.Sub(c, a, b, n), n);
    public static ulong Recps(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.StepFused(c, a, b, n, false);
    public static ulong Rsqrts(CpuState* c, ulong a, ulong b, ulong d, int n) => FpCore.StepFused(c, a, b, n, true);
    public static ulong CmEq(CpuState* c, ulong a, ulong b, ulong d, int n) => Mask(FpCore.CompareCond(c, a, b, n, 0));
    public static ulong CmGe(CpuState* c, ulong a, ulong b, ulong d, int n) => Mask(FpCore.CompareCond(c, a, b, n, 1));
    public static ulong CmGt(CpuState* c, ulong a, ulong b, ulong d, int n) => Mask(FpCore.CompareCond(c, a, b, n, 2));
    public static ulong AcGe(CpuState* c, ulong a, ulong b, ulong d, int n) => Mask(FpCore.CompareCond(c, FpCore.Abs(a, n), FpCore.Abs(b, n), n, 1));
    public static ulong AcGt(CpuState* c, ulong a, ulong b, ulong d, int n) => Mask(FpCore.CompareCond(c, FpCore.Abs(a, n), FpCore.Abs(b, n), n, 2));
}

public static unsafe class AdvSimdFpThreeSame
{
    public static void FMAXNM_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.MaxNum);
    public static void FMLA_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Mla);
    public static void FADD_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Add);
    public static void FMULX_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.MulX);
    public static void FCMEQ_reg(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.CmEq);
    public static void FMAX_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Max);
    public static void FRECPS_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Recps);
    public static void FMINNM_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.MinNum);
    public static void FMLS_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Mls);
    public static void FSUB_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Sub);
    public static void FMIN_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Min);
    public static void FRSQRTS_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Rsqrts);
    public static void FMUL_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Mul);
    public static void FCMGE_reg(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.CmGe);
    public static void FACGE(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.AcGe);
    public static void FDIV_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Div);
    public static void FABD(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.Abd);
    public static void FCMGT_reg(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.CmGt);
    public static void FACGT(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Binary(c, Q, sz, Rm, Rn, Rd, &SimdFp.AcGt);
    public static void FMAXNMP_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Pairwise(c, Q, sz, Rm, Rn, Rd, &FpCore.MaxNum);
    public static void FADDP_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Pairwise(c, Q, sz, Rm, Rn, Rd, &FpCore.Add);
    public static void FMAXP_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Pairwise(c, Q, sz, Rm, Rn, Rd, &FpCore.Max);
    public static void FMINNMP_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Pairwise(c, Q, sz, Rm, Rn, Rd, &FpCore.MinNum);
    public static void FMINP_v(CpuState* c, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => SimdFp.Pairwise(c, Q, sz, Rm, Rn, Rd, &FpCore.Min);
}

public static unsafe class AdvSimdFpTwoRegMisc
{
    static ulong RintN(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, Rounding.TieEven, false);
    static ulong RintM(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, Rounding.NegInf, false);
    static ulong RintP(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, Rounding.PosInf, false);
    static ulong RintZ(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, Rounding.Zero, false);
    static ulong RintA(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, Rounding.TieAway, false);
    static ulong RintX(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, FpCore.RMode(c->Fpcr), true);
    static ulong RintI(CpuState* c, ulong x, int n) => FpCore.RoundInt(c, x, n, FpCore.RMode(c->Fpcr), false);
    internal static ulong CvtNS(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, false, n, Rounding.TieEven);
    internal static ulong CvtNU(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, true, n, Rounding.TieEven);
    internal static ulong CvtMS(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, false, n, Rounding.NegInf);
    internal static ulong CvtMU(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, true, n, Rounding.NegInf);
    internal static ulong CvtPS(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, false, n, Rounding.PosInf);
    internal static ulong CvtPU(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, true, n, Rounding.PosInf);
    internal static ulong CvtZS(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, false, n, Rounding.Zero);
    internal static ulong CvtZU(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, true, n, Rounding.Zero);
    internal static ulong CvtAS(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, false, n, Rounding.TieAway);
    internal static ulong CvtAU(CpuState* c, ulong x, int n) => FpCore.ToFixed(c, x, n, 0, true, n, Rounding.TieAway);
    internal static ulong Scvtf(CpuState* c, ulong x, int n) => FpCore.FixedToFp(c, x, n, 0, false, n, FpCore.RMode(c->Fpcr));
    internal static ulong Ucvtf(CpuState* c, ulong x, int n) => FpCore.FixedToFp(c, x, n, 0, true, n, FpCore.RMode(c->Fpcr));
    static ulong Zero(CpuState* c, ulong x, int n, int kind) => FpCore.CompareCond(c, x, 0, n, kind) ? ulong.MaxValue : 0;
    internal static ulong CmGt0(CpuState* c, ulong x, int n) => Zero(c, x, n, 2);
    internal static ulong CmGe0(CpuState* c, ulong x, int n) => Zero(c, x, n, 1);
    internal static ulong CmEq0(CpuState* c, ulong x, int n) => Zero(c, x, n, 0);
    // FCMLE/FCMLT (zero) compare 0 against the operand (FPCompareGE(0, x) / FPCompareGT(0, x)).
    internal static ulong CmLe0(CpuState* c, ulong x, int n) => FpCore.CompareCond(c, 0, x, n, 1) ? ulong.MaxValue : 0;
    internal static ulong CmLt0(CpuState* c, ulong x, int n) => FpCore.CompareCond(c, 0, x, n, 2) ? ulong.MaxValue : 0;
    static ulong Abs(CpuState* c, ulong x, int n) => FpCore.Abs(x, n);
    static ulong Neg(CpuState* c, ulong x, int n) => FpCore.Neg(x, n);
    static ulong Sqrt(CpuState* c, ulong x, int n) => FpCore.Sqrt(c, x, n);
    static ulong Recpe(CpuState* c, ulong x, int n) => FpCore.RecipEstimate(c, x, n);
    static ulong Rsqrte(CpuState* c, ulong x, int n) => FpCore.RSqrtEstimate(c, x, n);

    // C7.2 URECPE / URSQRTE: unsigned fixed-point estimates on 32-bit lanes.
    static ulong URecpe(CpuState* c, ulong x, int n) =>
        (x >> 31) == 0 ? 0xFFFFFFFFUL : (ulong)FpCore.RecipEstimateInt((int)(x >> 23) & 0x1FF) << 23;
    static ulong URsqrte(CpuState* c, ulong x, int n) =>
        (x >> 30) == 0 ? 0xFFFFFFFFUL : (ulong)FpCore.RecipSqrtEstimateInt((int)(x >> 23) & 0x1FF) << 23;

    public static void FRINTN_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintN);
    public static void FRINTM_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintM);
    public static void FRINTP_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintP);
    public static void FRINTZ_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintZ);
    public static void FRINTA_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintA);
    public static void FRINTX_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintX);
    public static void FRINTI_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &RintI);
    public static void FCVTNS_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtNS);
    public static void FCVTNU_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtNU);
    public static void FCVTMS_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtMS);
    public static void FCVTMU_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtMU);
    public static void FCVTPS_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtPS);
    public static void FCVTPU_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtPU);
    public static void FCVTZS_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtZS);
    public static void FCVTZU_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtZU);
    public static void FCVTAS_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtAS);
    public static void FCVTAU_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CvtAU);
    public static void SCVTF_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Scvtf);
    public static void UCVTF_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Ucvtf);
    public static void FCMGT_zero(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CmGt0);
    public static void FCMGE_zero(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CmGe0);
    public static void FCMEQ_zero(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CmEq0);
    public static void FCMLE_zero(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CmLe0);
    public static void FCMLT_zero(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &CmLt0);
    public static void FABS_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Abs);
    public static void FNEG_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Neg);
    public static void FSQRT_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Sqrt);
    public static void FRECPE_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Recpe);
    public static void FRSQRTE_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &Rsqrte);
    public static void URECPE(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &URecpe);
    public static void URSQRTE(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => SimdFp.Unary(c, Q, sz, Rn, Rd, &URsqrte);

    // C7.2 FCVTN/FCVTN2 (and FCVTXN, round to odd): narrow 2*esize lanes of Vn into Vpart[d, Q].
    static void Narrow(CpuState* c, uint Q, uint sz, uint Rn, uint Rd, bool odd)
    {
        int esize = sz != 0 ? 32 : 16, elements = 64 / esize;
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        Rounding rounding = odd ? Rounding.Odd : FpCore.RMode(c->Fpcr);
        for (int e = 0; e < elements; e++)
            Simd.SetElem(ref r, e, esize, FpCore.Convert(c, Simd.Elem(n, e, 2 * esize), 2 * esize, esize, rounding));
        AdvSimdTwoRegMisc.WritePart(c, Rd, Q, r.Low);
    }

    public static void FCVTN_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => Narrow(c, Q, sz, Rn, Rd, false);
    public static void FCVTXN_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => Narrow(c, Q, sz, Rn, Rd, true);

    // C7.2 FCVTL/FCVTL2: widen the lanes of Vpart[n, Q].
    public static void FCVTL_v(CpuState* c, uint Q, uint sz, uint Rn, uint Rd)
    {
        int esize = sz != 0 ? 32 : 16, elements = 64 / esize;
        var part = new Vector128Bits { Low = Q != 0 ? c->V[Rn * 2 + 1] : c->V[Rn * 2] };
        Vector128Bits r = default;
        for (int e = 0; e < elements; e++)
            Simd.SetElem(ref r, e, 2 * esize, FpCore.Convert(c, Simd.Elem(part, e, esize), esize, 2 * esize, FpCore.RMode(c->Fpcr)));
        Simd.Write(c, Rd, r, 1);
    }
}

public static unsafe class AdvSimdFpAcrossLanes
{
    /// <summary>Reduce (ARM ARM shared/functions/vector/Reduce): a pairwise tree, low half first.</summary>
    static ulong Reduce(CpuState* c, in Vector128Bits v, int first, int count, delegate*<CpuState*, ulong, ulong, int, ulong> op)
    {
        if (count == 1) return Simd.Elem(v, first, 32);
        int half = count / 2;
        ulong lo = Reduce(c, v, first, half, op), hi = Reduce(c, v, first + half, half, op);
        return op(c, lo, hi, 32);
    }

    static void Across(CpuState* c, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, int, ulong> op) =>
        FpRegs.Set(c, Rd, Reduce(c, Simd.Read(c, Rn), 0, 4, op), 32);

    public static void FMAXNMV(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => Across(c, Rn, Rd, &FpCore.MaxNum);
    public static void FMAXV(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => Across(c, Rn, Rd, &FpCore.Max);
    public static void FMINNMV(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => Across(c, Rn, Rd, &FpCore.MinNum);
    public static void FMINV(CpuState* c, uint Q, uint sz, uint Rn, uint Rd) => Across(c, Rn, Rd, &FpCore.Min);
}
