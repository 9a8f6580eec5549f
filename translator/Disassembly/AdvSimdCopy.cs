// Disassembly of the AdvSIMD copy rows, with objdump's MOV aliases.
namespace Fast.Translator.Disassembly;

public static class AdvSimdCopy
{
    static (string T, int Index) Elem(uint imm5)
    {
        int size = Semantics.AdvSimd.Simd.CopySize(imm5);
        return ("bhsd"[size].ToString(), (int)(imm5 >> (size + 1)));
    }

    public static string DUP_elem(ulong pc, uint Q, uint imm5, uint Rn, uint Rd)
    {
        var (t, i) = Elem(imm5);
        return $"dup\t{Fmt.VArr(Rd, Q, Semantics.AdvSimd.Simd.CopySize(imm5))}, v{Rn}.{t}[{i}]";
    }

    public static string DUP_gen(ulong pc, uint Q, uint imm5, uint Rn, uint Rd)
    {
        int size = Semantics.AdvSimd.Simd.CopySize(imm5);
        return $"dup\t{Fmt.VArr(Rd, Q, size)}, {(size == 3 ? Fmt.X(Rn) : Fmt.W(Rn))}";
    }

    public static string SMOV(ulong pc, uint Q, uint imm5, uint Rn, uint Rd)
    {
        var (t, i) = Elem(imm5);
        return $"smov\t{Fmt.R(Q, Rd)}, v{Rn}.{t}[{i}]";
    }

    public static string UMOV(ulong pc, uint Q, uint imm5, uint Rn, uint Rd)
    {
        var (t, i) = Elem(imm5);
        string m = t is "s" or "d" ? "mov" : "umov";
        return $"{m}\t{Fmt.R(Q, Rd)}, v{Rn}.{t}[{i}]";
    }

    public static string INS_gen(ulong pc, uint imm5, uint Rn, uint Rd)
    {
        var (t, i) = Elem(imm5);
        return $"mov\tv{Rd}.{t}[{i}], {(t == "d" ? Fmt.X(Rn) : Fmt.W(Rn))}";
    }

    public static string INS_elem(ulong pc, uint imm5, uint imm4, uint Rn, uint Rd)
    {
        var (t, i) = Elem(imm5);
        int size = Semantics.AdvSimd.Simd.CopySize(imm5);
        return $"mov\tv{Rd}.{t}[{i}], v{Rn}.{t}[{imm4 >> size}]";
    }
}

public static class AdvSimdScalarCopy
{
    public static string DUP_scalar(ulong pc, uint imm5, uint Rn, uint Rd)
    {
        int size = Semantics.AdvSimd.Simd.CopySize(imm5);
        string t = "bhsd"[size].ToString();
        return $"mov\t{t}{Rd}, v{Rn}.{t}[{imm5 >> (size + 1)}]";
    }
}
