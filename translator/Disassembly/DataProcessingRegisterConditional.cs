// Disassembly of conditional compare and conditional select in objdump's syntax, with the aliases
// cset, csetm, cinc, cinv and cneg (which print the inverted condition) and objdump's comment
// naming a condition's other spellings ("// ne = any").
namespace Fast.Translator.Disassembly;

public static class DataProcessingRegisterConditional
{
    static string Compare(string mnemonic, uint sf, uint Rn, string operand2, uint nzcv, uint cond) =>
        $"{mnemonic}\t{Fmt.R(sf, Rn)}, {operand2}, {Fmt.Hex(nzcv)}, {Fmt.Cond(cond)}{Fmt.CondComment(cond)}";

    public static string CCMN_reg(ulong pc, uint sf, uint Rm, uint cond, uint Rn, uint nzcv) => Compare("ccmn", sf, Rn, Fmt.R(sf, Rm), nzcv, cond);
    public static string CCMN_imm(ulong pc, uint sf, uint imm5, uint cond, uint Rn, uint nzcv) => Compare("ccmn", sf, Rn, Fmt.Hex(imm5), nzcv, cond);
    public static string CCMP_reg(ulong pc, uint sf, uint Rm, uint cond, uint Rn, uint nzcv) => Compare("ccmp", sf, Rn, Fmt.R(sf, Rm), nzcv, cond);
    public static string CCMP_imm(ulong pc, uint sf, uint imm5, uint cond, uint Rn, uint nzcv) => Compare("ccmp", sf, Rn, Fmt.Hex(imm5), nzcv, cond);

    static string Select(string mnemonic, uint sf, uint Rd, uint Rn, uint Rm, uint cond) =>
        $"{mnemonic}\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}, {Fmt.Cond(cond)}{Fmt.CondComment(cond)}";

    /// <summary>The one-source alias (cset/csetm, or cinc/cinv/cneg) when it applies, else null.</summary>
    static string? Alias(string set, string unary, uint sf, uint Rd, uint Rn, uint Rm, uint cond)
    {
        if ((cond & 0xE) == 0xE || Rn != Rm) return null;
        uint inverted = cond ^ 1;
        if (Rn == 31 && set.Length > 0) return $"{set}\t{Fmt.R(sf, Rd)}, {Fmt.Cond(inverted)}{Fmt.CondComment(inverted)}";
        return $"{unary}\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.Cond(inverted)}{Fmt.CondComment(inverted)}";
    }

    public static string CSEL(ulong pc, uint sf, uint Rm, uint cond, uint Rn, uint Rd) => Select("csel", sf, Rd, Rn, Rm, cond);

    public static string CSINC(ulong pc, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Alias("cset", "cinc", sf, Rd, Rn, Rm, cond) ?? Select("csinc", sf, Rd, Rn, Rm, cond);

    public static string CSINV(ulong pc, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Alias("csetm", "cinv", sf, Rd, Rn, Rm, cond) ?? Select("csinv", sf, Rd, Rn, Rm, cond);

    public static string CSNEG(ulong pc, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Alias("", "cneg", sf, Rd, Rn, Rm, cond) ?? Select("csneg", sf, Rd, Rn, Rm, cond);
}
