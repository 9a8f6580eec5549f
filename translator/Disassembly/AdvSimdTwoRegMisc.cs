// Disassembly of the AdvSIMD two-register misc, across-lanes, permute, extract and table rows.
namespace Fast.Translator.Disassembly;

public static class AdvSimdTwoRegMisc
{
    static string U(string m, uint Q, int size, uint Rn, uint Rd) => $"{m}\t{Fmt.VArr(Rd, Q, size)}, {Fmt.VArr(Rn, Q, size)}";
    static string Z(string m, uint Q, uint size, uint Rn, uint Rd) => U(m, Q, (int)size, Rn, Rd) + ", #0";
    static string L(string m, uint Q, uint size, uint Rn, uint Rd) => $"{m}\t{Fmt.VArr(Rd, Q, (int)size + 1)}, {Fmt.VArr(Rn, Q, (int)size)}";
    static string N(string m, uint Q, uint size, uint Rn, uint Rd) => $"{m}{(Q != 0 ? "2" : "")}\t{Fmt.VArr(Rd, Q, (int)size)}, {Fmt.VArr(Rn, 1, (int)size + 1)}";

    public static string REV64(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("rev64", Q, (int)size, Rn, Rd);
    public static string REV16_v(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("rev16", Q, (int)size, Rn, Rd);
    public static string REV32_v(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("rev32", Q, (int)size, Rn, Rd);
    public static string SUQADD(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("suqadd", Q, (int)size, Rn, Rd);
    public static string USQADD(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("usqadd", Q, (int)size, Rn, Rd);
    public static string CLS_v(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("cls", Q, (int)size, Rn, Rd);
    public static string CLZ_v(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("clz", Q, (int)size, Rn, Rd);
    public static string SQABS(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("sqabs", Q, (int)size, Rn, Rd);
    public static string SQNEG(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("sqneg", Q, (int)size, Rn, Rd);
    public static string ABS_v(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("abs", Q, (int)size, Rn, Rd);
    public static string NEG_v(ulong pc, uint Q, uint size, uint Rn, uint Rd) => U("neg", Q, (int)size, Rn, Rd);
    public static string SADDLP(ulong pc, uint Q, uint size, uint Rn, uint Rd) => L("saddlp", Q, size, Rn, Rd);
    public static string UADDLP(ulong pc, uint Q, uint size, uint Rn, uint Rd) => L("uaddlp", Q, size, Rn, Rd);
    public static string SADALP(ulong pc, uint Q, uint size, uint Rn, uint Rd) => L("sadalp", Q, size, Rn, Rd);
    public static string UADALP(ulong pc, uint Q, uint size, uint Rn, uint Rd) => L("uadalp", Q, size, Rn, Rd);
    public static string CMGT_zero(ulong pc, uint Q, uint size, uint Rn, uint Rd) => Z("cmgt", Q, size, Rn, Rd);
    public static string CMGE_zero(ulong pc, uint Q, uint size, uint Rn, uint Rd) => Z("cmge", Q, size, Rn, Rd);
    public static string CMEQ_zero(ulong pc, uint Q, uint size, uint Rn, uint Rd) => Z("cmeq", Q, size, Rn, Rd);
    public static string CMLE_zero(ulong pc, uint Q, uint size, uint Rn, uint Rd) => Z("cmle", Q, size, Rn, Rd);
    public static string CMLT_zero(ulong pc, uint Q, uint size, uint Rn, uint Rd) => Z("cmlt", Q, size, Rn, Rd);
    public static string XTN(ulong pc, uint Q, uint size, uint Rn, uint Rd) => N("xtn", Q, size, Rn, Rd);
    public static string SQXTN(ulong pc, uint Q, uint size, uint Rn, uint Rd) => N("sqxtn", Q, size, Rn, Rd);
    public static string UQXTN(ulong pc, uint Q, uint size, uint Rn, uint Rd) => N("uqxtn", Q, size, Rn, Rd);
    public static string SQXTUN(ulong pc, uint Q, uint size, uint Rn, uint Rd) => N("sqxtun", Q, size, Rn, Rd);
    public static string CNT(ulong pc, uint Q, uint Rn, uint Rd) => U("cnt", Q, 0, Rn, Rd);
    public static string NOT(ulong pc, uint Q, uint Rn, uint Rd) => U("mvn", Q, 0, Rn, Rd);
    public static string RBIT_v(ulong pc, uint Q, uint Rn, uint Rd) => U("rbit", Q, 0, Rn, Rd);
    public static string SHLL(ulong pc, uint Q, uint size, uint Rn, uint Rd) =>
        $"shll{(Q != 0 ? "2" : "")}\t{Fmt.VArr(Rd, 1, (int)size + 1)}, {Fmt.VArr(Rn, Q, (int)size)}, #{8 << (int)size}";
}

public static class AdvSimdAcrossLanes
{
    static string A(string m, uint Q, uint size, uint Rn, uint Rd, int widen) => $"{m}\t{Fmt.FpRegW(8 << ((int)size + widen), Rd)}, {Fmt.VArr(Rn, Q, (int)size)}";
    public static string SADDLV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("saddlv", Q, size, Rn, Rd, 1);
    public static string UADDLV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("uaddlv", Q, size, Rn, Rd, 1);
    public static string SMAXV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("smaxv", Q, size, Rn, Rd, 0);
    public static string UMAXV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("umaxv", Q, size, Rn, Rd, 0);
    public static string SMINV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("sminv", Q, size, Rn, Rd, 0);
    public static string UMINV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("uminv", Q, size, Rn, Rd, 0);
    public static string ADDV(ulong pc, uint Q, uint size, uint Rn, uint Rd) => A("addv", Q, size, Rn, Rd, 0);
}

public static class AdvSimdPermute
{
    static string P(string m, uint Q, uint size, uint Rm, uint Rn, uint Rd) => $"{m}\t{Fmt.VArr(Rd, Q, (int)size)}, {Fmt.VArr(Rn, Q, (int)size)}, {Fmt.VArr(Rm, Q, (int)size)}";
    public static string UZP1(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => P("uzp1", Q, size, Rm, Rn, Rd);
    public static string UZP2(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => P("uzp2", Q, size, Rm, Rn, Rd);
    public static string TRN1(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => P("trn1", Q, size, Rm, Rn, Rd);
    public static string TRN2(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => P("trn2", Q, size, Rm, Rn, Rd);
    public static string ZIP1(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => P("zip1", Q, size, Rm, Rn, Rd);
    public static string ZIP2(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => P("zip2", Q, size, Rm, Rn, Rd);
}

public static class AdvSimdExtract
{
    public static string EXT(ulong pc, uint Q, uint Rm, uint imm4, uint Rn, uint Rd) =>
        $"ext\t{Fmt.VArr(Rd, Q, 0)}, {Fmt.VArr(Rn, Q, 0)}, {Fmt.VArr(Rm, Q, 0)}, #{imm4}";
}

public static class AdvSimdTableLookup
{
    static string T(string m, uint Q, uint Rm, uint len, uint Rn, uint Rd) =>
        $"{m}\t{Fmt.VArr(Rd, Q, 0)}, {Fmt.VList(Rn, (int)len + 1, "16b")}, {Fmt.VArr(Rm, Q, 0)}";
    public static string TBL(ulong pc, uint Q, uint Rm, uint len, uint Rn, uint Rd) => T("tbl", Q, Rm, len, Rn, Rd);
    public static string TBX(ulong pc, uint Q, uint Rm, uint len, uint Rn, uint Rd) => T("tbx", Q, Rm, len, Rn, Rd);
}
