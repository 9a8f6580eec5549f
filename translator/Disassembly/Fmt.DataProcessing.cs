// Operand formatting for the data-processing groups, matching GNU objdump (binutils 2.40).
namespace Fast.Translator.Disassembly;

public static partial class Fmt
{
    static readonly string[] shiftNames = ["lsl", "lsr", "asr", "ror"];
    static readonly string[] extendNames = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"];

    // binutils' aarch64_conds: a condition with other names gets "// name = other, ..." after it.
    static readonly string[] condComments =
        ["eq = none", "ne = any", "cs = hs, nlast", "cc = lo, ul, last", "mi = first", "pl = nfrst", "", "",
         "hi = pmore", "ls = plast", "ge = tcont", "lt = tstop", "", "", "", ""];

    /// <summary>", lsl #n" style suffix of a shifted-register operand; empty for LSL #0.</summary>
    public static string Shift(uint shift, uint amount) =>
        shift == 0 && amount == 0 ? "" : $", {shiftNames[shift & 3]} #{amount}";

    public static string ShiftName(uint shift) => shiftNames[shift & 3];

    public static string ExtendName(uint option) => extendNames[option & 7];

    /// <summary>The comment objdump appends to an instruction whose last operand is a condition.</summary>
    public static string CondComment(uint cond) => condComments[cond & 0xF] is "" ? "" : "\t// " + condComments[cond & 0xF];

    /// <summary>
    /// The immediate of a MOV (wide or bitmask) alias: objdump prints "#0x%-20x" and then the value
    /// in decimal, signed at the register's size, as a comment.
    /// </summary>
    public static string MovImmediate(uint sf, ulong value) => sf != 0
        ? $"#0x{value.ToString("x"),-20}\t// #{(long)value}"
        : $"#0x{((uint)value).ToString("x"),-20}\t// #{(int)(uint)value}";

    /// <summary>binutils' aarch64_wide_constant_p: value is one 16-bit chunk at a MOVZ position.</summary>
    public static bool IsWideConstant(ulong value, bool is32)
    {
        if (is32)
        {
            if (value >> 32 != 0 && value >> 32 != 0xFFFFFFFF) return false;
            value &= 0xFFFFFFFF;
        }
        for (int pos = 0; pos < (is32 ? 32 : 64); pos += 16)
            if ((value & (0xFFFFUL << pos)) == value) return true;
        return false;
    }
}
