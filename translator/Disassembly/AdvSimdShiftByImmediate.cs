// Disassembly of the AdvSIMD shift-by-immediate rows.
using S = Fast.Translator.Semantics.AdvSimdShiftByImmediate;

namespace Fast.Translator.Disassembly;

public static class AdvSimdShiftByImmediate
{
    static int Size(uint immh) => System.Numerics.BitOperations.Log2((uint)S.ESize(immh)) - 3;
    static string R(string m, uint Q, uint immh, uint immb, uint Rn, uint Rd) => $"{m}\t{Fmt.VArr(Rd, Q, Size(immh))}, {Fmt.VArr(Rn, Q, Size(immh))}, #{S.RightShift(immh, immb)}";
    static string L(string m, uint Q, uint immh, uint immb, uint Rn, uint Rd) => $"{m}\t{Fmt.VArr(Rd, Q, Size(immh))}, {Fmt.VArr(Rn, Q, Size(immh))}, #{S.LeftShift(immh, immb)}";
    static string N(string m, uint Q, uint immh, uint immb, uint Rn, uint Rd) => $"{m}{(Q != 0 ? "2" : "")}\t{Fmt.VArr(Rd, Q, Size(immh))}, {Fmt.VArr(Rn, 1, Size(immh) + 1)}, #{S.RightShift(immh, immb)}";
    static string W(string m, string alias, uint Q, uint immh, uint immb, uint Rn, uint Rd)
    {
        int shift = S.LeftShift(immh, immb);
        string q2 = Q != 0 ? "2" : "";
        string ops = $"{Fmt.VArr(Rd, 1, Size(immh) + 1)}, {Fmt.VArr(Rn, Q, Size(immh))}";
        return shift == 0 ? $"{alias}{q2}\t{ops}" : $"{m}{q2}\t{ops}, #{shift}";
    }

    public static string SSHR(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("sshr", Q, immh, immb, Rn, Rd);
    public static string USHR(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("ushr", Q, immh, immb, Rn, Rd);
    public static string SSRA(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("ssra", Q, immh, immb, Rn, Rd);
    public static string USRA(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("usra", Q, immh, immb, Rn, Rd);
    public static string SRSHR(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("srshr", Q, immh, immb, Rn, Rd);
    public static string URSHR(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("urshr", Q, immh, immb, Rn, Rd);
    public static string SRSRA(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("srsra", Q, immh, immb, Rn, Rd);
    public static string URSRA(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("ursra", Q, immh, immb, Rn, Rd);
    public static string SRI(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("sri", Q, immh, immb, Rn, Rd);
    public static string SHL(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => L("shl", Q, immh, immb, Rn, Rd);
    public static string SLI(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => L("sli", Q, immh, immb, Rn, Rd);
    public static string SQSHLU(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => L("sqshlu", Q, immh, immb, Rn, Rd);
    public static string SQSHL_imm(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => L("sqshl", Q, immh, immb, Rn, Rd);
    public static string UQSHL_imm(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => L("uqshl", Q, immh, immb, Rn, Rd);
    public static string SHRN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("shrn", Q, immh, immb, Rn, Rd);
    public static string RSHRN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("rshrn", Q, immh, immb, Rn, Rd);
    public static string SQSHRN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("sqshrn", Q, immh, immb, Rn, Rd);
    public static string SQRSHRN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("sqrshrn", Q, immh, immb, Rn, Rd);
    public static string UQSHRN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("uqshrn", Q, immh, immb, Rn, Rd);
    public static string UQRSHRN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("uqrshrn", Q, immh, immb, Rn, Rd);
    public static string SQSHRUN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("sqshrun", Q, immh, immb, Rn, Rd);
    public static string SQRSHRUN(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => N("sqrshrun", Q, immh, immb, Rn, Rd);
    public static string SSHLL(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => W("sshll", "sxtl", Q, immh, immb, Rn, Rd);
    public static string USHLL(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => W("ushll", "uxtl", Q, immh, immb, Rn, Rd);
    public static string SCVTF_fix_v(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("scvtf", Q, immh, immb, Rn, Rd);
    public static string UCVTF_fix_v(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("ucvtf", Q, immh, immb, Rn, Rd);
    public static string FCVTZS_fix_v(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("fcvtzs", Q, immh, immb, Rn, Rd);
    public static string FCVTZU_fix_v(ulong pc, uint Q, uint immh, uint immb, uint Rn, uint Rd) => R("fcvtzu", Q, immh, immb, Rn, Rd);
}
