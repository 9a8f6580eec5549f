// Operand formatting shared by every disassembly group, in the syntax of GNU objdump -d.
namespace Fast.Translator.Disassembly;

public static partial class Fmt
{
    static readonly string[] condNames = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"];

    /// <summary>Xn, register 31 = xzr.</summary>
    public static string X(uint n) => n == 31 ? "xzr" : $"x{n}";
    /// <summary>Wn, register 31 = wzr.</summary>
    public static string W(uint n) => n == 31 ? "wzr" : $"w{n}";
    /// <summary>Xn|SP.</summary>
    public static string XSp(uint n) => n == 31 ? "sp" : $"x{n}";
    /// <summary>Wn|WSP.</summary>
    public static string WSp(uint n) => n == 31 ? "wsp" : $"w{n}";
    /// <summary>General register by size: sf = 1 for X, 0 for W (register 31 = zero register).</summary>
    public static string R(uint sf, uint n) => sf != 0 ? X(n) : W(n);
    /// <summary>General register by size, register 31 = SP.</summary>
    public static string RSp(uint sf, uint n) => sf != 0 ? XSp(n) : WSp(n);
    public static string Cond(uint cond) => condNames[cond & 0xF];
    /// <summary>#0x.. as objdump prints most immediates.</summary>
    public static string Hex(ulong value) => $"#0x{value:x}";
    /// <summary>#n in decimal.</summary>
    public static string Dec(long value) => $"#{value}";
    /// <summary>A branch or literal target address, as objdump prints it before any &lt;symbol&gt;.</summary>
    public static string Target(ulong address) => $"0x{address:x}";
    public static long SignExtend(ulong value, int bits) => (long)(value << (64 - bits)) >> (64 - bits);
}
