// Disassembly of the AdvSIMD three-different rows.
namespace Fast.Translator.Disassembly;

public static class AdvSimdThreeDifferent
{
    static string Q2(uint Q) => Q != 0 ? "2" : "";
    static string L(string m, uint Q, uint size, uint Rm, uint Rn, uint Rd) => $"{m}{Q2(Q)}\t{Fmt.VArr(Rd, 1, (int)size + 1)}, {Fmt.VArr(Rn, Q, (int)size)}, {Fmt.VArr(Rm, Q, (int)size)}";
    static string W(string m, uint Q, uint size, uint Rm, uint Rn, uint Rd) => $"{m}{Q2(Q)}\t{Fmt.VArr(Rd, 1, (int)size + 1)}, {Fmt.VArr(Rn, 1, (int)size + 1)}, {Fmt.VArr(Rm, Q, (int)size)}";
    static string N(string m, uint Q, uint size, uint Rm, uint Rn, uint Rd) => $"{m}{Q2(Q)}\t{Fmt.VArr(Rd, Q, (int)size)}, {Fmt.VArr(Rn, 1, (int)size + 1)}, {Fmt.VArr(Rm, 1, (int)size + 1)}";
    public static string SADDL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("saddl", Q, size, Rm, Rn, Rd);
    public static string UADDL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("uaddl", Q, size, Rm, Rn, Rd);
    public static string SSUBL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("ssubl", Q, size, Rm, Rn, Rd);
    public static string USUBL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("usubl", Q, size, Rm, Rn, Rd);
    public static string SABAL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("sabal", Q, size, Rm, Rn, Rd);
    public static string UABAL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("uabal", Q, size, Rm, Rn, Rd);
    public static string SABDL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("sabdl", Q, size, Rm, Rn, Rd);
    public static string UABDL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("uabdl", Q, size, Rm, Rn, Rd);
    public static string SMLAL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("smlal", Q, size, Rm, Rn, Rd);
    public static string UMLAL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("umlal", Q, size, Rm, Rn, Rd);
    public static string SMLSL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("smlsl", Q, size, Rm, Rn, Rd);
    public static string UMLSL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("umlsl", Q, size, Rm, Rn, Rd);
    public static string SMULL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("smull", Q, size, Rm, Rn, Rd);
    public static string UMULL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("umull", Q, size, Rm, Rn, Rd);
    public static string SQDMLAL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("sqdmlal", Q, size, Rm, Rn, Rd);
    public static string SQDMLSL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("sqdmlsl", Q, size, Rm, Rn, Rd);
    public static string SQDMULL(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => L("sqdmull", Q, size, Rm, Rn, Rd);
    public static string PMULL(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) => L("pmull", Q, 0, Rm, Rn, Rd);
    public static string PMULL_1q(ulong pc, uint Q, uint Rm, uint Rn, uint Rd) =>
        $"pmull{Q2(Q)}\tv{Rd}.1q, v{Rn}.{(Q != 0 ? "2d" : "1d")}, v{Rm}.{(Q != 0 ? "2d" : "1d")}";
    public static string SADDW(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => W("saddw", Q, size, Rm, Rn, Rd);
    public static string UADDW(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => W("uaddw", Q, size, Rm, Rn, Rd);
    public static string SSUBW(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => W("ssubw", Q, size, Rm, Rn, Rd);
    public static string USUBW(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => W("usubw", Q, size, Rm, Rn, Rd);
    public static string ADDHN(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => N("addhn", Q, size, Rm, Rn, Rd);
    public static string RADDHN(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => N("raddhn", Q, size, Rm, Rn, Rd);
    public static string SUBHN(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => N("subhn", Q, size, Rm, Rn, Rd);
    public static string RSUBHN(ulong pc, uint Q, uint size, uint Rm, uint Rn, uint Rd) => N("rsubhn", Q, size, Rm, Rn, Rd);
}
