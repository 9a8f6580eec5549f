// Disassembly of add/subtract (shifted register, extended register, with carry) in objdump's
// syntax, with the aliases cmp, cmn, neg, negs, ngc and ngcs. In the extended forms objdump writes
// UXTX (UXTW for 32 bits) as LSL, or omits it at amount 0, when Rd or Rn is SP.
namespace Fast.Translator.Disassembly;

public static class DataProcessingRegisterAddSub
{
    static string Rm(uint sf, uint Rm, uint shift, uint imm6) => $"{Fmt.R(sf, Rm)}{Fmt.Shift(shift, imm6)}";

    public static string ADD_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        $"add\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}";

    public static string ADDS_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) => Rd == 31
        ? $"cmn\t{Fmt.R(sf, Rn)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}"
        : $"adds\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}";

    public static string SUB_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) => Rn == 31
        ? $"neg\t{Fmt.R(sf, Rd)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}"
        : $"sub\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}";

    public static string SUBS_shift(ulong pc, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        Rd == 31 ? $"cmp\t{Fmt.R(sf, Rn)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}"
        : Rn == 31 ? $"negs\t{Fmt.R(sf, Rd)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}"
        : $"subs\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {DataProcessingRegisterAddSub.Rm(sf, Rm, shift, imm6)}";

    /// <summary>"Wm, uxtb #2" / "Xm, lsl #2" / "Xm": the extended-register operand.</summary>
    static string Extended(uint sf, uint Rm, uint option, uint imm3, bool spOperand)
    {
        string reg = sf != 0 && (option & 3) == 3 ? Fmt.X(Rm) : Fmt.W(Rm);
        bool lsl = spOperand && option == (sf != 0 ? 3u : 2u);
        if (lsl) return imm3 == 0 ? reg : $"{reg}, lsl #{imm3}";
        return imm3 == 0 ? $"{reg}, {Fmt.ExtendName(option)}" : $"{reg}, {Fmt.ExtendName(option)} #{imm3}";
    }

    public static string ADD_ext(ulong pc, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) =>
        $"add\t{Fmt.RSp(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {Extended(sf, Rm, option, imm3, Rd == 31 || Rn == 31)}";

    public static string ADDS_ext(ulong pc, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) => Rd == 31
        ? $"cmn\t{Fmt.RSp(sf, Rn)}, {Extended(sf, Rm, option, imm3, Rn == 31)}"
        : $"adds\t{Fmt.R(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {Extended(sf, Rm, option, imm3, Rn == 31)}";

    public static string SUB_ext(ulong pc, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) =>
        $"sub\t{Fmt.RSp(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {Extended(sf, Rm, option, imm3, Rd == 31 || Rn == 31)}";

    public static string SUBS_ext(ulong pc, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) => Rd == 31
        ? $"cmp\t{Fmt.RSp(sf, Rn)}, {Extended(sf, Rm, option, imm3, Rn == 31)}"
        : $"subs\t{Fmt.R(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {Extended(sf, Rm, option, imm3, Rn == 31)}";

    static string Three(string mnemonic, uint sf, uint Rd, uint Rn, uint Rm) =>
        $"{mnemonic}\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}";

    public static string ADC(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("adc", sf, Rd, Rn, Rm);
    public static string ADCS(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("adcs", sf, Rd, Rn, Rm);

    public static string SBC(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) =>
        Rn == 31 ? $"ngc\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rm)}" : Three("sbc", sf, Rd, Rn, Rm);

    public static string SBCS(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) =>
        Rn == 31 ? $"ngcs\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rm)}" : Three("sbcs", sf, Rd, Rn, Rm);
}
