// Disassembly of the AdvSIMD scalar rows.
using S = Fast.Translator.Semantics.AdvSimdShiftByImmediate;

namespace Fast.Translator.Disassembly;

static class Sc
{
    public static string R(int esize, uint n) => Fmt.FpRegW(esize, n);
    public static string Fz(uint sz, uint n) => Fmt.FpRegW(sz != 0 ? 64 : 32, n);
}

public static class AdvSimdScalarThreeSame
{
    static string I(string m, int es, uint Rm, uint Rn, uint Rd) => $"{m}\t{Sc.R(es, Rd)}, {Sc.R(es, Rn)}, {Sc.R(es, Rm)}";
    public static string SQADD_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("sqadd", 8 << (int)size, Rm, Rn, Rd);
    public static string UQADD_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("uqadd", 8 << (int)size, Rm, Rn, Rd);
    public static string SQSUB_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("sqsub", 8 << (int)size, Rm, Rn, Rd);
    public static string UQSUB_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("uqsub", 8 << (int)size, Rm, Rn, Rd);
    public static string SQSHL_reg_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("sqshl", 8 << (int)size, Rm, Rn, Rd);
    public static string UQSHL_reg_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("uqshl", 8 << (int)size, Rm, Rn, Rd);
    public static string SQRSHL_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("sqrshl", 8 << (int)size, Rm, Rn, Rd);
    public static string UQRSHL_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("uqrshl", 8 << (int)size, Rm, Rn, Rd);
    public static string SQDMULH_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("sqdmulh", 8 << (int)size, Rm, Rn, Rd);
    public static string SQRDMULH_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => I("sqrdmulh", 8 << (int)size, Rm, Rn, Rd);
    public static string CMGT_reg_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("cmgt", 64, Rm, Rn, Rd);
    public static string CMHI_reg_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("cmhi", 64, Rm, Rn, Rd);
    public static string CMGE_reg_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("cmge", 64, Rm, Rn, Rd);
    public static string CMHS_reg_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("cmhs", 64, Rm, Rn, Rd);
    public static string SSHL_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("sshl", 64, Rm, Rn, Rd);
    public static string USHL_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("ushl", 64, Rm, Rn, Rd);
    public static string SRSHL_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("srshl", 64, Rm, Rn, Rd);
    public static string URSHL_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("urshl", 64, Rm, Rn, Rd);
    public static string ADD_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("add", 64, Rm, Rn, Rd);
    public static string SUB_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("sub", 64, Rm, Rn, Rd);
    public static string CMTST_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("cmtst", 64, Rm, Rn, Rd);
    public static string CMEQ_reg_s(ulong pc, uint Rm, uint Rn, uint Rd) => I("cmeq", 64, Rm, Rn, Rd);
    public static string FMULX_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("fmulx", sz != 0 ? 64 : 32, Rm, Rn, Rd);
    public static string FCMEQ_reg_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("fcmeq", sz != 0 ? 64 : 32, Rm, Rn, Rd);
    public static string FCMGE_reg_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("fcmge", sz != 0 ? 64 : 32, Rm, Rn, Rd);
    public static string FCMGT_reg_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("fcmgt", sz != 0 ? 64 : 32, Rm, Rn, Rd);
    public static string FACGE_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("facge", sz != 0 ? 64 : 32, Rm, Rn, Rd);
    public static string FACGT_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("facgt", sz != 0 ? 64 : 32, Rm, Rn, Rd);
    public static string FABD_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => I("fabd", sz != 0 ? 64 : 32, Rm, Rn, Rd);
}

public static class AdvSimdScalarTwoRegMisc
{
    static string U(string m, int es, uint Rn, uint Rd) => $"{m}\t{Sc.R(es, Rd)}, {Sc.R(es, Rn)}";
    static string N(string m, int es, uint Rn, uint Rd) => $"{m}\t{Sc.R(es, Rd)}, {Sc.R(2 * es, Rn)}";
    public static string SUQADD_s(ulong pc, uint size, uint Rn, uint Rd) => U("suqadd", 8 << (int)size, Rn, Rd);
    public static string USQADD_s(ulong pc, uint size, uint Rn, uint Rd) => U("usqadd", 8 << (int)size, Rn, Rd);
    public static string SQABS_s(ulong pc, uint size, uint Rn, uint Rd) => U("sqabs", 8 << (int)size, Rn, Rd);
    public static string SQNEG_s(ulong pc, uint size, uint Rn, uint Rd) => U("sqneg", 8 << (int)size, Rn, Rd);
    public static string SQXTN_s(ulong pc, uint size, uint Rn, uint Rd) => N("sqxtn", 8 << (int)size, Rn, Rd);
    public static string UQXTN_s(ulong pc, uint size, uint Rn, uint Rd) => N("uqxtn", 8 << (int)size, Rn, Rd);
    public static string SQXTUN_s(ulong pc, uint size, uint Rn, uint Rd) => N("sqxtun", 8 << (int)size, Rn, Rd);
    public static string CMGT_zero_s(ulong pc, uint Rn, uint Rd) => U("cmgt", 64, Rn, Rd) + ", #0";
    public static string CMGE_zero_s(ulong pc, uint Rn, uint Rd) => U("cmge", 64, Rn, Rd) + ", #0";
    public static string CMEQ_zero_s(ulong pc, uint Rn, uint Rd) => U("cmeq", 64, Rn, Rd) + ", #0";
    public static string CMLE_zero_s(ulong pc, uint Rn, uint Rd) => U("cmle", 64, Rn, Rd) + ", #0";
    public static string CMLT_zero_s(ulong pc, uint Rn, uint Rd) => U("cmlt", 64, Rn, Rd) + ", #0";
    public static string ABS_s(ulong pc, uint Rn, uint Rd) => U("abs", 64, Rn, Rd);
    public static string NEG_s(ulong pc, uint Rn, uint Rd) => U("neg", 64, Rn, Rd);
    public static string FCVTNS_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtns", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTNU_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtnu", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTMS_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtms", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTMU_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtmu", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTAS_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtas", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTAU_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtau", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTPS_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtps", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTPU_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtpu", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTZS_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtzs", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCVTZU_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcvtzu", sz != 0 ? 64 : 32, Rn, Rd);
    public static string SCVTF_s(ulong pc, uint sz, uint Rn, uint Rd) => U("scvtf", sz != 0 ? 64 : 32, Rn, Rd);
    public static string UCVTF_s(ulong pc, uint sz, uint Rn, uint Rd) => U("ucvtf", sz != 0 ? 64 : 32, Rn, Rd);
    public static string FCMGT_zero_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcmgt", sz != 0 ? 64 : 32, Rn, Rd) + ", #0.0";
    public static string FCMGE_zero_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcmge", sz != 0 ? 64 : 32, Rn, Rd) + ", #0.0";
    public static string FCMEQ_zero_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcmeq", sz != 0 ? 64 : 32, Rn, Rd) + ", #0.0";
    public static string FCMLE_zero_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcmle", sz != 0 ? 64 : 32, Rn, Rd) + ", #0.0";
    public static string FCMLT_zero_s(ulong pc, uint sz, uint Rn, uint Rd) => U("fcmlt", sz != 0 ? 64 : 32, Rn, Rd) + ", #0.0";
    public static string FCVTXN_s(ulong pc, uint sz, uint Rn, uint Rd) => $"fcvtxn\ts{Rd}, d{Rn}";
}

public static class AdvSimdScalarPairwise
{
    public static string ADDP_s(ulong pc, uint Rn, uint Rd) => $"addp\td{Rd}, v{Rn}.2d";
    static string F(string m, uint sz, uint Rn, uint Rd) => $"{m}\t{Sc.Fz(sz, Rd)}, v{Rn}.{(sz != 0 ? "2d" : "2s")}";
    public static string FMAXNMP_s(ulong pc, uint sz, uint Rn, uint Rd) => F("fmaxnmp", sz, Rn, Rd);
    public static string FADDP_s(ulong pc, uint sz, uint Rn, uint Rd) => F("faddp", sz, Rn, Rd);
    public static string FMAXP_s(ulong pc, uint sz, uint Rn, uint Rd) => F("fmaxp", sz, Rn, Rd);
    public static string FMINNMP_s(ulong pc, uint sz, uint Rn, uint Rd) => F("fminnmp", sz, Rn, Rd);
    public static string FMINP_s(ulong pc, uint sz, uint Rn, uint Rd) => F("fminp", sz, Rn, Rd);
}

public static class AdvSimdScalarShiftByImmediate
{
    static string D(string m, int shift, uint Rn, uint Rd) => $"{m}\td{Rd}, d{Rn}, #{shift}";
    static string A(string m, uint immh, uint immb, uint Rn, uint Rd, bool right) => $"{m}\t{Sc.R(S.ESize(immh), Rd)}, {Sc.R(S.ESize(immh), Rn)}, #{(right ? S.RightShift(immh, immb) : S.LeftShift(immh, immb))}";
    static string N(string m, uint immh, uint immb, uint Rn, uint Rd) => $"{m}\t{Sc.R(S.ESize(immh), Rd)}, {Sc.R(2 * S.ESize(immh), Rn)}, #{S.RightShift(immh, immb)}";
    public static string SSHR_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("sshr", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string USHR_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("ushr", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string SSRA_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("ssra", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string USRA_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("usra", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string SRSHR_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("srshr", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string URSHR_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("urshr", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string SRSRA_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("srsra", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string URSRA_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("ursra", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string SRI_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("sri", 64 - (int)((immh << 3) | immb), Rn, Rd);
    public static string SHL_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("shl", (int)((immh << 3) | immb), Rn, Rd);
    public static string SLI_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => D("sli", (int)((immh << 3) | immb), Rn, Rd);
    public static string SQSHLU_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("sqshlu", immh, immb, Rn, Rd, false);
    public static string SQSHL_imm_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("sqshl", immh, immb, Rn, Rd, false);
    public static string UQSHL_imm_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("uqshl", immh, immb, Rn, Rd, false);
    public static string SQSHRN_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => N("sqshrn", immh, immb, Rn, Rd);
    public static string SQRSHRN_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => N("sqrshrn", immh, immb, Rn, Rd);
    public static string UQSHRN_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => N("uqshrn", immh, immb, Rn, Rd);
    public static string UQRSHRN_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => N("uqrshrn", immh, immb, Rn, Rd);
    public static string SQSHRUN_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => N("sqshrun", immh, immb, Rn, Rd);
    public static string SQRSHRUN_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => N("sqrshrun", immh, immb, Rn, Rd);
    public static string SCVTF_fix_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("scvtf", immh, immb, Rn, Rd, true);
    public static string UCVTF_fix_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("ucvtf", immh, immb, Rn, Rd, true);
    public static string FCVTZS_fix_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("fcvtzs", immh, immb, Rn, Rd, true);
    public static string FCVTZU_fix_s(ulong pc, uint immh, uint immb, uint Rn, uint Rd) => A("fcvtzu", immh, immb, Rn, Rd, true);
}
