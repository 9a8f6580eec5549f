// Disassembly of the literal loads: objdump prints the target address (tests strip its <symbol>).
namespace Fast.Translator.Disassembly;

public static class LoadStoreLiteral
{
    static string Target(ulong pc, uint imm19) => Fmt.Target(pc + (ulong)Fmt.SignExtend((ulong)imm19 << 2, 21));

    public static string LDR_lit(ulong pc, uint sz, uint imm19, uint Rt) => $"ldr\t{Fmt.R(sz, Rt)}, {Target(pc, imm19)}";
    public static string LDRSW_lit(ulong pc, uint imm19, uint Rt) => $"ldrsw\t{Fmt.X(Rt)}, {Target(pc, imm19)}";
    public static string PRFM_lit(ulong pc, uint imm19, uint prfop) => $"prfm\t{Fmt.Prefetch(prfop)}, {Target(pc, imm19)}";
    public static string LDR_fp_lit(ulong pc, uint opc, uint imm19, uint Rt) => $"ldr\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Target(pc, imm19)}";
}
