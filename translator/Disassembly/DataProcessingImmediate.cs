// Disassembly of the data-processing (immediate) group in objdump's syntax, with the preferred
// aliases binutils 2.40 chooses: mov (to/from SP, wide, bitmask), cmp, cmn, tst, the bitfield
// aliases (asr, lsl, lsr, sbfiz, sbfx, ubfiz, ubfx, bfc, bfi, bfxil, sxt*, uxt*) and ror.
using Fast.Translator.Semantics;

namespace Fast.Translator.Disassembly;

public static class DataProcessingImmediate
{
    public static string ADR(ulong pc, uint immlo, uint immhi, uint Rd) =>
        $"adr\t{Fmt.X(Rd)}, {Fmt.Target(pc + Bits.SignExtend((immhi << 2) | immlo, 21))}";

    public static string ADRP(ulong pc, uint immlo, uint immhi, uint Rd) =>
        $"adrp\t{Fmt.X(Rd)}, {Fmt.Target((pc & ~0xFFFUL) + (Bits.SignExtend((immhi << 2) | immlo, 21) << 12))}";

    static string AddSubImmediate(uint sh, uint imm12) => $"{Fmt.Hex(imm12)}{(sh != 0 ? ", lsl #12" : "")}";

    public static string ADD_imm(ulong pc, uint sf, uint sh, uint imm12, uint Rn, uint Rd) =>
        sh == 0 && imm12 == 0 && (Rd == 31 || Rn == 31)
            ? $"mov\t{Fmt.RSp(sf, Rd)}, {Fmt.RSp(sf, Rn)}"
            : $"add\t{Fmt.RSp(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {AddSubImmediate(sh, imm12)}";

    public static string ADDS_imm(ulong pc, uint sf, uint sh, uint imm12, uint Rn, uint Rd) => Rd == 31
        ? $"cmn\t{Fmt.RSp(sf, Rn)}, {AddSubImmediate(sh, imm12)}"
        : $"adds\t{Fmt.R(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {AddSubImmediate(sh, imm12)}";

    public static string SUB_imm(ulong pc, uint sf, uint sh, uint imm12, uint Rn, uint Rd) =>
        $"sub\t{Fmt.RSp(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {AddSubImmediate(sh, imm12)}";

    public static string SUBS_imm(ulong pc, uint sf, uint sh, uint imm12, uint Rn, uint Rd) => Rd == 31
        ? $"cmp\t{Fmt.RSp(sf, Rn)}, {AddSubImmediate(sh, imm12)}"
        : $"subs\t{Fmt.R(sf, Rd)}, {Fmt.RSp(sf, Rn)}, {AddSubImmediate(sh, imm12)}";

    static ulong Bitmask(uint sf, uint N, uint immr, uint imms)
    {
        Bits.DecodeBitMasks(N, imms, immr, true, sf != 0 ? 64 : 32, out ulong wmask, out _);
        return wmask;
    }

    public static string AND_imm(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        $"and\t{Fmt.RSp(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.Hex(Bitmask(sf, N, immr, imms))}";

    // binutils prefers MOV unless the value (or its inverse) could be written by MOVZ (MOVN) and the
    // destination is not SP.
    public static string ORR_imm(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd)
    {
        ulong value = Bitmask(sf, N, immr, imms);
        bool is32 = sf == 0;
        if (Rn == 31 && (Rd == 31 || !(Fmt.IsWideConstant(value, is32) || Fmt.IsWideConstant(~value, is32))))
            return $"mov\t{Fmt.RSp(sf, Rd)}, {Fmt.MovImmediate(sf, value)}";
        return $"orr\t{Fmt.RSp(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.Hex(value)}";
    }

    public static string EOR_imm(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        $"eor\t{Fmt.RSp(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.Hex(Bitmask(sf, N, immr, imms))}";

    public static string ANDS_imm(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) => Rd == 31
        ? $"tst\t{Fmt.R(sf, Rn)}, {Fmt.Hex(Bitmask(sf, N, immr, imms))}"
        : $"ands\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.Hex(Bitmask(sf, N, immr, imms))}";

    static string Wide(string mnemonic, uint sf, uint hw, uint imm16, uint Rd) =>
        $"{mnemonic}\t{Fmt.R(sf, Rd)}, {Fmt.Hex(imm16)}{(hw != 0 ? $", lsl #{hw * 16}" : "")}";

    // MOV (inverted wide immediate) unless imm16 = 0 with a shift, or the value MOVZ could write.
    public static string MOVN(ulong pc, uint sf, uint hw, uint imm16, uint Rd)
    {
        ulong value = ~((ulong)imm16 << (int)(hw * 16));
        if ((imm16 == 0 && hw != 0) || Fmt.IsWideConstant(value, sf == 0)) return Wide("movn", sf, hw, imm16, Rd);
        return $"mov\t{Fmt.R(sf, Rd)}, {Fmt.MovImmediate(sf, value)}";
    }

    public static string MOVZ(ulong pc, uint sf, uint hw, uint imm16, uint Rd) =>
        imm16 == 0 && hw != 0
            ? Wide("movz", sf, hw, imm16, Rd)
            : $"mov\t{Fmt.R(sf, Rd)}, {Fmt.MovImmediate(sf, (ulong)imm16 << (int)(hw * 16))}";

    public static string MOVK(ulong pc, uint sf, uint hw, uint imm16, uint Rd) => Wide("movk", sf, hw, imm16, Rd);

    // Bitfield aliases. r = immr, s = imms; size = 32 or 64.
    static string BitfieldOperands(uint sf, uint Rd, uint Rn, long a, long b) => $"{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, #{a}, #{b}";

    public static string SBFM(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd)
    {
        uint top = sf != 0 ? 63u : 31u;
        if (immr == 0 && (imms == 7 || imms == 15 || (sf != 0 && imms == 31)))
            return $"sxt{(imms == 7 ? "b" : imms == 15 ? "h" : "w")}\t{Fmt.R(sf, Rd)}, {Fmt.W(Rn)}";
        if (imms == top) return $"asr\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, #{immr}";
        if (imms < immr) return $"sbfiz\t{BitfieldOperands(sf, Rd, Rn, (top + 1 - immr) & top, imms + 1)}";
        return $"sbfx\t{BitfieldOperands(sf, Rd, Rn, immr, imms + 1 - immr)}";
    }

    public static string BFM(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd)
    {
        uint top = sf != 0 ? 63u : 31u;
        if (imms < immr)
        {
            if (Rn == 31) return $"bfc\t{Fmt.R(sf, Rd)}, #{(top + 1 - immr) & top}, #{imms + 1}";
            return $"bfi\t{BitfieldOperands(sf, Rd, Rn, (top + 1 - immr) & top, imms + 1)}";
        }
        return $"bfxil\t{BitfieldOperands(sf, Rd, Rn, immr, imms + 1 - immr)}";
    }

    public static string UBFM(ulong pc, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd)
    {
        uint top = sf != 0 ? 63u : 31u;
        if (sf == 0 && immr == 0 && (imms == 7 || imms == 15))
            return $"uxt{(imms == 7 ? "b" : "h")}\t{Fmt.W(Rd)}, {Fmt.W(Rn)}";
        if (imms != top && imms + 1 == immr) return $"lsl\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, #{top - imms}";
        if (imms == top) return $"lsr\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, #{immr}";
        if (imms < immr) return $"ubfiz\t{BitfieldOperands(sf, Rd, Rn, (top + 1 - immr) & top, imms + 1)}";
        return $"ubfx\t{BitfieldOperands(sf, Rd, Rn, immr, imms + 1 - immr)}";
    }

    public static string EXTR(ulong pc, uint sf, uint N, uint Rm, uint imms, uint Rn, uint Rd) => Rn == Rm
        ? $"ror\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, #{imms}"
        : $"extr\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}, #{imms}";
}
