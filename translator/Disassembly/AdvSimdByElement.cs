// Disassembly of the AdvSIMD by-element rows.
using E = Fast.Translator.Semantics.AdvSimdByElement;

namespace Fast.Translator.Disassembly;

public static class AdvSimdByElement
{
    static string T(uint size) => "bhsd"[(int)size].ToString();
    static string S(string m, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd)
    {
        var (rm, i) = E.IntOperand(size, L, M, Rm, H);
        return $"{m}\t{Fmt.VArr(Rd, Q, (int)size)}, {Fmt.VArr(Rn, Q, (int)size)}, v{rm}.{T(size)}[{i}]";
    }
    static string Lg(string m, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd)
    {
        var (rm, i) = E.IntOperand(size, L, M, Rm, H);
        return $"{m}{(Q != 0 ? "2" : "")}\t{Fmt.VArr(Rd, 1, (int)size + 1)}, {Fmt.VArr(Rn, Q, (int)size)}, v{rm}.{T(size)}[{i}]";
    }
    static string F(string m, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd)
    {
        var (rm, i) = E.FpOperand(sz, L, M, Rm, H);
        string a = sz != 0 ? "2d" : Q != 0 ? "4s" : "2s";
        return $"{m}\tv{Rd}.{a}, v{Rn}.{a}, v{rm}.{(sz != 0 ? "d" : "s")}[{i}]";
    }
    public static string MLA_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => S("mla", Q, size, L, M, Rm, H, Rn, Rd);
    public static string MLS_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => S("mls", Q, size, L, M, Rm, H, Rn, Rd);
    public static string MUL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => S("mul", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SQDMULH_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => S("sqdmulh", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SQRDMULH_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => S("sqrdmulh", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SMLAL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("smlal", Q, size, L, M, Rm, H, Rn, Rd);
    public static string UMLAL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("umlal", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SMLSL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("smlsl", Q, size, L, M, Rm, H, Rn, Rd);
    public static string UMLSL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("umlsl", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SMULL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("smull", Q, size, L, M, Rm, H, Rn, Rd);
    public static string UMULL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("umull", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SQDMLAL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("sqdmlal", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SQDMLSL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("sqdmlsl", Q, size, L, M, Rm, H, Rn, Rd);
    public static string SQDMULL_elem(ulong pc, uint Q, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => Lg("sqdmull", Q, size, L, M, Rm, H, Rn, Rd);
    public static string FMLA_elem(ulong pc, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmla", Q, sz, L, M, Rm, H, Rn, Rd);
    public static string FMLS_elem(ulong pc, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmls", Q, sz, L, M, Rm, H, Rn, Rd);
    public static string FMUL_elem(ulong pc, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmul", Q, sz, L, M, Rm, H, Rn, Rd);
    public static string FMULX_elem(ulong pc, uint Q, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmulx", Q, sz, L, M, Rm, H, Rn, Rd);
}

public static class AdvSimdScalarByElement
{
    static string F(string m, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd)
    {
        var (rm, i) = E.FpOperand(sz, L, M, Rm, H);
        string t = sz != 0 ? "d" : "s";
        return $"{m}\t{t}{Rd}, {t}{Rn}, v{rm}.{t}[{i}]";
    }
    public static string FMLA_elem_s(ulong pc, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmla", sz, L, M, Rm, H, Rn, Rd);
    public static string FMLS_elem_s(ulong pc, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmls", sz, L, M, Rm, H, Rn, Rd);
    public static string FMUL_elem_s(ulong pc, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmul", sz, L, M, Rm, H, Rn, Rd);
    public static string FMULX_elem_s(ulong pc, uint sz, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => F("fmulx", sz, L, M, Rm, H, Rn, Rd);
    static string I(string m, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd, int widen)
    {
        var (rm, i) = E.IntOperand(size, L, M, Rm, H);
        int es = 8 << (int)size;
        return $"{m}\t{Fmt.FpRegW(es << widen, Rd)}, {Fmt.FpRegW(es, Rn)}, v{rm}.{"bhsd"[(int)size]}[{i}]";
    }
    public static string SQDMULH_elem_s(ulong pc, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => I("sqdmulh", size, L, M, Rm, H, Rn, Rd, 0);
    public static string SQRDMULH_elem_s(ulong pc, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => I("sqrdmulh", size, L, M, Rm, H, Rn, Rd, 0);
    public static string SQDMLAL_elem_s(ulong pc, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => I("sqdmlal", size, L, M, Rm, H, Rn, Rd, 1);
    public static string SQDMLSL_elem_s(ulong pc, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => I("sqdmlsl", size, L, M, Rm, H, Rn, Rd, 1);
    public static string SQDMULL_elem_s(ulong pc, uint size, uint L, uint M, uint Rm, uint H, uint Rn, uint Rd) => I("sqdmull", size, L, M, Rm, H, Rn, Rd, 1);
}

public static class AdvSimdScalarThreeDifferent
{
    static string L(string m, uint size, uint Rm, uint Rn, uint Rd)
    {
        int es = 8 << (int)size;
        return $"{m}\t{Fmt.FpRegW(2 * es, Rd)}, {Fmt.FpRegW(es, Rn)}, {Fmt.FpRegW(es, Rm)}";
    }
    public static string SQDMLAL_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => L("sqdmlal", size, Rm, Rn, Rd);
    public static string SQDMLSL_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => L("sqdmlsl", size, Rm, Rn, Rd);
    public static string SQDMULL_s(ulong pc, uint size, uint Rm, uint Rn, uint Rd) => L("sqdmull", size, Rm, Rn, Rd);
}
