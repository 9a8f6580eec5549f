// Disassembly of the branches, in objdump's syntax. Targets print as 0x<hex>, where objdump
// prints "<hex> <symbol>"; objdump's trailing alias comments ("// b.none" after b.eq, the SVE
// condition names) are comments, not instruction text, and are left out.
namespace Fast.Translator.Disassembly;

public static class Branches
{
    public static string B(ulong pc, uint imm26) => $"b\t{Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm26 << 2, 28))}";
    public static string BL(ulong pc, uint imm26) => $"bl\t{Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm26 << 2, 28))}";
    public static string B_cond(ulong pc, uint imm19, uint cond) =>
        $"b.{Fmt.Cond(cond)}\t{Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm19 << 2, 21))}{BranchConditionAliases[cond]}";

    /// <summary>The other names of each condition that objdump appends to B.cond (e.g. "  // b.none").</summary>
    static readonly string[] BranchConditionAliases =
    [
        "  // b.none", "  // b.any", "  // b.hs, b.nlast", "  // b.lo, b.ul, b.last", "  // b.first", "  // b.nfrst", "", "",
        "  // b.pmore", "  // b.plast", "  // b.tcont", "  // b.tstop", "", "", "", "",
    ];
    public static string CBZ(ulong pc, uint sf, uint imm19, uint Rt) => $"cbz\t{Fmt.R(sf, Rt)}, {Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm19 << 2, 21))}";
    public static string CBNZ(ulong pc, uint sf, uint imm19, uint Rt) => $"cbnz\t{Fmt.R(sf, Rt)}, {Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm19 << 2, 21))}";
    public static string TBZ(ulong pc, uint b5, uint b40, uint imm14, uint Rt) => TestBranch("tbz", pc, b5, b40, imm14, Rt);
    public static string TBNZ(ulong pc, uint b5, uint b40, uint imm14, uint Rt) => TestBranch("tbnz", pc, b5, b40, imm14, Rt);
    public static string BR(ulong pc, uint Rn) => $"br\t{Fmt.X(Rn)}";
    public static string BLR(ulong pc, uint Rn) => $"blr\t{Fmt.X(Rn)}";
    public static string RET(ulong pc, uint Rn) => Rn == 30 ? "ret" : $"ret\t{Fmt.X(Rn)}";

    static string TestBranch(string mnemonic, ulong pc, uint b5, uint b40, uint imm14, uint Rt) =>
        $"{mnemonic}\t{Fmt.R(b5, Rt)}, #{(b5 << 5) | b40}, {Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm14 << 2, 16))}";
}
