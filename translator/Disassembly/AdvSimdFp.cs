// Disassembly of the AdvSIMD floating-point vector rows.
namespace Fast.Translator.Disassembly;

static class FpArr
{
    public static string A(uint Q, uint sz) => sz != 0 ? "2d" : Q != 0 ? "4s" : "2s";
}

public static class AdvSimdFpThreeSame
{
    static string T(string m, uint Q, uint sz, uint Rm, uint Rn, uint Rd) { string a = FpArr.A(Q, sz); return $"{m}\tv{Rd}.{a}, v{Rn}.{a}, v{Rm}.{a}"; }
    public static string FMAXNM_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmaxnm", Q, sz, Rm, Rn, Rd);
    public static string FMLA_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmla", Q, sz, Rm, Rn, Rd);
    public static string FADD_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fadd", Q, sz, Rm, Rn, Rd);
    public static string FMULX_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmulx", Q, sz, Rm, Rn, Rd);
    public static string FCMEQ_reg(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fcmeq", Q, sz, Rm, Rn, Rd);
    public static string FMAX_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmax", Q, sz, Rm, Rn, Rd);
    public static string FRECPS_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("frecps", Q, sz, Rm, Rn, Rd);
    public static string FMINNM_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fminnm", Q, sz, Rm, Rn, Rd);
    public static string FMLS_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmls", Q, sz, Rm, Rn, Rd);
    public static string FSUB_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fsub", Q, sz, Rm, Rn, Rd);
    public static string FMIN_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmin", Q, sz, Rm, Rn, Rd);
    public static string FRSQRTS_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("frsqrts", Q, sz, Rm, Rn, Rd);
    public static string FMAXNMP_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmaxnmp", Q, sz, Rm, Rn, Rd);
    public static string FADDP_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("faddp", Q, sz, Rm, Rn, Rd);
    public static string FMUL_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmul", Q, sz, Rm, Rn, Rd);
    public static string FCMGE_reg(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fcmge", Q, sz, Rm, Rn, Rd);
    public static string FACGE(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("facge", Q, sz, Rm, Rn, Rd);
    public static string FMAXP_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fmaxp", Q, sz, Rm, Rn, Rd);
    public static string FDIV_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fdiv", Q, sz, Rm, Rn, Rd);
    public static string FMINNMP_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fminnmp", Q, sz, Rm, Rn, Rd);
    public static string FABD(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fabd", Q, sz, Rm, Rn, Rd);
    public static string FCMGT_reg(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fcmgt", Q, sz, Rm, Rn, Rd);
    public static string FACGT(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("facgt", Q, sz, Rm, Rn, Rd);
    public static string FMINP_v(ulong pc, uint Q, uint sz, uint Rm, uint Rn, uint Rd) => T("fminp", Q, sz, Rm, Rn, Rd);
}

public static class AdvSimdFpTwoRegMisc
{
    static string U(string m, uint Q, uint sz, uint Rn, uint Rd) { string a = FpArr.A(Q, sz); return $"{m}\tv{Rd}.{a}, v{Rn}.{a}"; }
    static string Z(string m, uint Q, uint sz, uint Rn, uint Rd) => U(m, Q, sz, Rn, Rd) + ", #0.0";
    public static string FRINTN_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frintn", Q, sz, Rn, Rd);
    public static string FRINTM_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frintm", Q, sz, Rn, Rd);
    public static string FRINTP_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frintp", Q, sz, Rn, Rd);
    public static string FRINTZ_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frintz", Q, sz, Rn, Rd);
    public static string FRINTA_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frinta", Q, sz, Rn, Rd);
    public static string FRINTX_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frintx", Q, sz, Rn, Rd);
    public static string FRINTI_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frinti", Q, sz, Rn, Rd);
    public static string FCVTNS_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtns", Q, sz, Rn, Rd);
    public static string FCVTNU_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtnu", Q, sz, Rn, Rd);
    public static string FCVTMS_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtms", Q, sz, Rn, Rd);
    public static string FCVTMU_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtmu", Q, sz, Rn, Rd);
    public static string FCVTPS_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtps", Q, sz, Rn, Rd);
    public static string FCVTPU_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtpu", Q, sz, Rn, Rd);
    public static string FCVTZS_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtzs", Q, sz, Rn, Rd);
    public static string FCVTZU_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtzu", Q, sz, Rn, Rd);
    public static string FCVTAS_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtas", Q, sz, Rn, Rd);
    public static string FCVTAU_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fcvtau", Q, sz, Rn, Rd);
    public static string SCVTF_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("scvtf", Q, sz, Rn, Rd);
    public static string UCVTF_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("ucvtf", Q, sz, Rn, Rd);
    public static string FABS_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fabs", Q, sz, Rn, Rd);
    public static string FNEG_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fneg", Q, sz, Rn, Rd);
    public static string FSQRT_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("fsqrt", Q, sz, Rn, Rd);
    public static string FRECPE_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frecpe", Q, sz, Rn, Rd);
    public static string FRSQRTE_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("frsqrte", Q, sz, Rn, Rd);
    public static string URECPE(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("urecpe", Q, sz, Rn, Rd);
    public static string URSQRTE(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => U("ursqrte", Q, sz, Rn, Rd);
    public static string FCMGT_zero(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Z("fcmgt", Q, sz, Rn, Rd);
    public static string FCMGE_zero(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Z("fcmge", Q, sz, Rn, Rd);
    public static string FCMEQ_zero(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Z("fcmeq", Q, sz, Rn, Rd);
    public static string FCMLE_zero(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Z("fcmle", Q, sz, Rn, Rd);
    public static string FCMLT_zero(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Z("fcmlt", Q, sz, Rn, Rd);
    static string Narrow(string m, uint Q, uint sz, uint Rn, uint Rd) =>
        $"{m}{(Q != 0 ? "2" : "")}\tv{Rd}.{(sz != 0 ? (Q != 0 ? "4s" : "2s") : (Q != 0 ? "8h" : "4h"))}, v{Rn}.{(sz != 0 ? "2d" : "4s")}";
    public static string FCVTN_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Narrow("fcvtn", Q, sz, Rn, Rd);
    public static string FCVTXN_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => Narrow("fcvtxn", Q, sz, Rn, Rd);
    public static string FCVTL_v(ulong pc, uint Q, uint sz, uint Rn, uint Rd) =>
        $"fcvtl{(Q != 0 ? "2" : "")}\tv{Rd}.{(sz != 0 ? "2d" : "4s")}, v{Rn}.{(sz != 0 ? (Q != 0 ? "4s" : "2s") : (Q != 0 ? "8h" : "4h"))}";
}

public static class AdvSimdFpAcrossLanes
{
    public static string FMAXNMV(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => $"fmaxnmv\ts{Rd}, v{Rn}.4s";
    public static string FMAXV(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => $"fmaxv\ts{Rd}, v{Rn}.4s";
    public static string FMINNMV(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => $"fminnmv\ts{Rd}, v{Rn}.4s";
    public static string FMINV(ulong pc, uint Q, uint sz, uint Rn, uint Rd) => $"fminv\ts{Rd}, v{Rn}.4s";
}
