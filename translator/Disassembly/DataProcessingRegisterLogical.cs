// Disassembly of logical (shifted register) in objdump's syntax, with the aliases mov, mvn and tst.
namespace Fast.Translator.Disassembly;

public static class DataProcessingRegisterLogical
{
    static string Ops(uint sf, uint Rd, uint Rn, uint Rm, uint shift, uint imm6) =>
        $"{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}{Fmt.Shift(shift, imm6)}";

    public static string AND_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        $"and\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string BIC_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        $"bic\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string ORR_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        Rn == 31 && shift == 0 && imm6 == 0
            ? $"mov\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rm)}"
            : $"orr\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string ORN_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        Rn == 31
            ? $"mvn\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rm)}{Fmt.Shift(shift, imm6)}"
            : $"orn\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string EOR_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        $"eor\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string EON_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        $"eon\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string ANDS_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        Rd == 31
            ? $"tst\t{Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}{Fmt.Shift(shift, imm6)}"
            : $"ands\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";

    public static string BICS_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        $"bics\t{Ops(sf, Rd, Rn, Rm, shift, imm6)}";
}
