// Operand formatting for the loads and stores, in objdump's syntax: addressing modes, register
// offsets with extend/shift, prefetch operations, SIMD&FP scalar registers, atomic mnemonics.
namespace Fast.Translator.Disassembly;

public static partial class Fmt
{
    /// <summary>[Xn|SP] or [Xn|SP, #off] (objdump omits a zero offset).</summary>
    public static string MemOffset(uint n, long offset) => offset == 0 ? $"[{XSp(n)}]" : $"[{XSp(n)}, #{offset}]";

    /// <summary>[Xn|SP, #off]! (a zero offset is printed).</summary>
    public static string MemPre(uint n, long offset) => $"[{XSp(n)}, #{offset}]!";

    /// <summary>[Xn|SP], #off.</summary>
    public static string MemPost(uint n, long offset) => $"[{XSp(n)}], #{offset}";

    /// <summary>[Xn|SP].</summary>
    public static string Mem(uint n) => $"[{XSp(n)}]";

    /// <summary>
    /// [Xn|SP, Rm{, extend {#amount}}] of the register-offset forms: option 011 prints as a plain
    /// X register or lsl #amount; with S = 1 the amount is printed even when it is 0 (byte forms).
    /// </summary>
    public static string MemRegister(uint n, uint m, uint option, uint s, int scale)
    {
        string rm = (option & 1) != 0 ? X(m) : W(m);
        string extend = option switch { 2 => "uxtw", 3 => "lsl", 6 => "sxtw", _ => "sxtx" };
        if (option == 3 && s == 0) return $"[{XSp(n)}, {rm}]";
        return s != 0 ? $"[{XSp(n)}, {rm}, {extend} #{scale}]" : $"[{XSp(n)}, {rm}, {extend}]";
    }

    static readonly string[] prefetchTypes = ["pld", "pli", "pst"];
    static readonly string[] prefetchTargets = ["l1", "l2", "l3"];

    /// <summary>The prfop of PRFM/PRFUM: pldl1keep ... pstl3strm, or #0x.. for unallocated values.</summary>
    public static string Prefetch(uint prfop)
    {
        uint type = prfop >> 3, target = (prfop >> 1) & 3;
        if (type == 3 || target == 3) return $"#0x{prfop:x2}";
        return prefetchTypes[type] + prefetchTargets[target] + ((prfop & 1) != 0 ? "strm" : "keep");
    }

    /// <summary>A SIMD&amp;FP scalar register by access size in bytes: b, h, s, d, q.</summary>
    public static string FpReg(int size, uint n) => size switch { 1 => "b", 2 => "h", 4 => "s", 8 => "d", _ => "q" } + n;

    /// <summary>The b/h suffix of the byte and halfword forms of exclusives and atomics (size 00, 01).</summary>
    public static string SizeSuffix(uint size) => size switch { 0 => "b", 1 => "h", _ => "" };

    /// <summary>W or X by a load/store size field (size 11 = X).</summary>
    public static string RBySize(uint size, uint n) => size == 3 ? X(n) : W(n);
}
