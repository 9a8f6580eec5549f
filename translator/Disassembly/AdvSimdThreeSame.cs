// Disassembly of the AdvSIMD three-same integer rows.
namespace Fast.Translator.Disassembly;

public static class AdvSimdThreeSame
{
    static string T(string m, uint Q, uint size, uint Rm, uint Rn, uint Rd) =>
        $"{m}\t{Fmt.VArr(Rd, Q, (int)size)}, {Fmt.VArr(Rn, Q, (int)size)}, {Fmt.VArr(Rm, Q, (int)size)}";
    static string B(string m, uint Q, uint Rm, uint Rn, uint Rd) =>
        $"{m}\t{Fmt.VArr(Rd, Q, 0)}, {Fmt.VArr(Rn, Q, 0)}, {Fmt.VArr(Rm, Q, 0)}";

    public static string SHADD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("shadd", Q, size, Rm, Rn, Rd);
    public static string UHADD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uhadd", Q, size, Rm, Rn, Rd);
    public static string SQADD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sqadd", Q, size, Rm, Rn, Rd);
    public static string UQADD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uqadd", Q, size, Rm, Rn, Rd);
    public static string SRHADD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("srhadd", Q, size, Rm, Rn, Rd);
    public static string URHADD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("urhadd", Q, size, Rm, Rn, Rd);
    public static string SHSUB(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("shsub", Q, size, Rm, Rn, Rd);
    public static string UHSUB(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uhsub", Q, size, Rm, Rn, Rd);
    public static string SQSUB(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sqsub", Q, size, Rm, Rn, Rd);
    public static string UQSUB(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uqsub", Q, size, Rm, Rn, Rd);
    public static string CMGT_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("cmgt", Q, size, Rm, Rn, Rd);
    public static string CMHI_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("cmhi", Q, size, Rm, Rn, Rd);
    public static string CMGE_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("cmge", Q, size, Rm, Rn, Rd);
    public static string CMHS_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("cmhs", Q, size, Rm, Rn, Rd);
    public static string SSHL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sshl", Q, size, Rm, Rn, Rd);
    public static string USHL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("ushl", Q, size, Rm, Rn, Rd);
    public static string SQSHL_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sqshl", Q, size, Rm, Rn, Rd);
    public static string UQSHL_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uqshl", Q, size, Rm, Rn, Rd);
    public static string SRSHL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("srshl", Q, size, Rm, Rn, Rd);
    public static string URSHL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("urshl", Q, size, Rm, Rn, Rd);
    public static string SQRSHL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sqrshl", Q, size, Rm, Rn, Rd);
    public static string UQRSHL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uqrshl", Q, size, Rm, Rn, Rd);
    public static string SMAX_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("smax", Q, size, Rm, Rn, Rd);
    public static string UMAX_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("umax", Q, size, Rm, Rn, Rd);
    public static string SMIN_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("smin", Q, size, Rm, Rn, Rd);
    public static string UMIN_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("umin", Q, size, Rm, Rn, Rd);
    public static string SABD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sabd", Q, size, Rm, Rn, Rd);
    public static string UABD(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uabd", Q, size, Rm, Rn, Rd);
    public static string SABA(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("saba", Q, size, Rm, Rn, Rd);
    public static string UABA(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uaba", Q, size, Rm, Rn, Rd);
    public static string ADD_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("add", Q, size, Rm, Rn, Rd);
    public static string SUB_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sub", Q, size, Rm, Rn, Rd);
    public static string CMTST(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("cmtst", Q, size, Rm, Rn, Rd);
    public static string CMEQ_reg(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("cmeq", Q, size, Rm, Rn, Rd);
    public static string MLA_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("mla", Q, size, Rm, Rn, Rd);
    public static string MLS_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("mls", Q, size, Rm, Rn, Rd);
    public static string MUL_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("mul", Q, size, Rm, Rn, Rd);
    public static string PMUL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("pmul", Q, size, Rm, Rn, Rd);
    public static string SMAXP(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("smaxp", Q, size, Rm, Rn, Rd);
    public static string UMAXP(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("umaxp", Q, size, Rm, Rn, Rd);
    public static string SMINP(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sminp", Q, size, Rm, Rn, Rd);
    public static string UMINP(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("uminp", Q, size, Rm, Rn, Rd);
    public static string ADDP_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("addp", Q, size, Rm, Rn, Rd);
    public static string SQDMULH_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sqdmulh", Q, size, Rm, Rn, Rd);
    public static string SQRDMULH_v(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => T("sqrdmulh", Q, size, Rm, Rn, Rd);
    public static string AND_v(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("and", Q, Rm, Rn, Rd);
    public static string BIC_v(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("bic", Q, Rm, Rn, Rd);
    public static string ORN_v(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("orn", Q, Rm, Rn, Rd);
    public static string EOR_v(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("eor", Q, Rm, Rn, Rd);
    public static string BSL(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("bsl", Q, Rm, Rn, Rd);
    public static string BIT(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("bit", Q, Rm, Rn, Rd);
    public static string BIF(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => B("bif", Q, Rm, Rn, Rd);
    // ORR with Rm == Rn is MOV (vector).
    public static string ORR_v(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) =>
        Rm == Rn ? $"mov\t{Fmt.VArr(Rd, Q, 0)}, {Fmt.VArr(Rn, Q, 0)}" : B("orr", Q, Rm, Rn, Rd);
}
