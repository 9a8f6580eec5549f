// Operand formatting for the FP and AdvSIMD groups, in GNU objdump's syntax.
using System.Globalization;

namespace Fast.Translator.Disassembly;

public static partial class Fmt
{
    static readonly string[] fpCondComments = ["none", "any", "hs, nlast", "lo, ul, last", "first", "nfrst", "", "", "pmore", "plast", "tcont", "tstop", "", "", "", ""];

    /// <summary>A scalar FP register by ftype: 00 s, 01 d, 11 h.</summary>
    public static string FpReg(uint ftype, uint n) => ftype switch { 0 => $"s{n}", 1 => $"d{n}", _ => $"h{n}" };

    /// <summary>A scalar register by width in bits (8 b, 16 h, 32 s, 64 d, 128 q).</summary>
    public static string FpRegW(int width, uint n) => width switch { 8 => $"b{n}", 16 => $"h{n}", 32 => $"s{n}", 64 => $"d{n}", _ => $"q{n}" };

    /// <summary>A condition as the last operand, with objdump's SVE-alias comment where it prints one.</summary>
    public static string CondWithAliases(uint cond)
    {
        string name = Cond(cond), aliases = fpCondComments[cond & 0xF];
        return aliases.Length == 0 ? name : $"{name}\t// {name} = {aliases}";
    }

    /// <summary>An FP immediate as objdump prints it: #d.dddddddddddddddddde+xx.</summary>
    public static string FpImm(double value) => "#" + value.ToString("0.000000000000000000e+00", CultureInfo.InvariantCulture);
}

public static partial class Fmt
{
    static readonly string[] arrangements = ["8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"];

    /// <summary>The arrangement specifier for element size (0..3 = 8..64 bits) and Q.</summary>
    public static string Arr(uint q, int size) => arrangements[size * 2 + (int)(q & 1)];

    /// <summary>Vn.&lt;T&gt;.</summary>
    public static string VArr(uint n, uint q, int size) => $"v{n}.{Arr(q, size)}";
}

public static partial class Fmt
{
    /// <summary>A register list {Vt.T, ...} as objdump prints it: three or more registers that do not
    /// wrap past V31 as a range {Vt.T-Vu.T}, otherwise one by one.</summary>
    public static string VList(uint first, int count, string arrangement)
    {
        if (count > 2 && first + count - 1 <= 31) return $"{{v{first}.{arrangement}-v{first + count - 1}.{arrangement}}}";
        return "{" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"v{(first + i) % 32}.{arrangement}")) + "}";
    }
}
