// Disassembly of the FP <-> integer / fixed-point conversions and FMOV (general).
namespace Fast.Translator.Disassembly;

public static class FpIntegerConversion
{
    static string To(string m, uint sf, uint ftype, uint Rn, uint Rd) => $"{m}\t{Fmt.R(sf, Rd)}, {Fmt.FpReg(ftype, Rn)}";
    static string From(string m, uint sf, uint ftype, uint Rn, uint Rd) => $"{m}\t{Fmt.FpReg(ftype, Rd)}, {Fmt.R(sf, Rn)}";
    public static string FCVTNS_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtns", sf, ftype, Rn, Rd);
    public static string FCVTNU_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtnu", sf, ftype, Rn, Rd);
    public static string FCVTAS_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtas", sf, ftype, Rn, Rd);
    public static string FCVTAU_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtau", sf, ftype, Rn, Rd);
    public static string FCVTPS_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtps", sf, ftype, Rn, Rd);
    public static string FCVTPU_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtpu", sf, ftype, Rn, Rd);
    public static string FCVTMS_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtms", sf, ftype, Rn, Rd);
    public static string FCVTMU_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtmu", sf, ftype, Rn, Rd);
    public static string FCVTZS_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtzs", sf, ftype, Rn, Rd);
    public static string FCVTZU_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fcvtzu", sf, ftype, Rn, Rd);
    public static string SCVTF_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => From("scvtf", sf, ftype, Rn, Rd);
    public static string UCVTF_g(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => From("ucvtf", sf, ftype, Rn, Rd);
    public static string FMOV_to_gen(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => To("fmov", sf, ftype, Rn, Rd);
    public static string FMOV_from_gen(ulong pc, uint sf, uint ftype, uint Rn, uint Rd) => From("fmov", sf, ftype, Rn, Rd);
    public static string FMOV_to_gen_top(ulong pc, uint Rn, uint Rd) => $"fmov\t{Fmt.X(Rd)}, v{Rn}.d[1]";
    public static string FMOV_from_gen_top(ulong pc, uint Rn, uint Rd) => $"fmov\tv{Rd}.d[1], {Fmt.X(Rn)}";
}

public static class FpFixedConversion
{
    static string To(string m, uint sf, uint ftype, uint scale, uint Rn, uint Rd) => $"{m}\t{Fmt.R(sf, Rd)}, {Fmt.FpReg(ftype, Rn)}, #{64 - scale}";
    static string From(string m, uint sf, uint ftype, uint scale, uint Rn, uint Rd) => $"{m}\t{Fmt.FpReg(ftype, Rd)}, {Fmt.R(sf, Rn)}, #{64 - scale}";
    public static string SCVTF_fix(ulong pc, uint sf, uint ftype, uint scale, uint Rn, uint Rd) => From("scvtf", sf, ftype, scale, Rn, Rd);
    public static string UCVTF_fix(ulong pc, uint sf, uint ftype, uint scale, uint Rn, uint Rd) => From("ucvtf", sf, ftype, scale, Rn, Rd);
    public static string FCVTZS_fix(ulong pc, uint sf, uint ftype, uint scale, uint Rn, uint Rd) => To("fcvtzs", sf, ftype, scale, Rn, Rd);
    public static string FCVTZU_fix(ulong pc, uint sf, uint ftype, uint scale, uint Rn, uint Rd) => To("fcvtzu", sf, ftype, scale, Rn, Rd);
}

public static class AdvSimdScalarFpEstimate
{
    static string R(uint sz, uint n) => sz != 0 ? $"d{n}" : $"s{n}";
    public static string FRECPE_s(ulong pc, uint sz, uint Rn, uint Rd) => $"frecpe\t{R(sz, Rd)}, {R(sz, Rn)}";
    public static string FRSQRTE_s(ulong pc, uint sz, uint Rn, uint Rd) => $"frsqrte\t{R(sz, Rd)}, {R(sz, Rn)}";
    public static string FRECPX_s(ulong pc, uint sz, uint Rn, uint Rd) => $"frecpx\t{R(sz, Rd)}, {R(sz, Rn)}";
    public static string FRECPS_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => $"frecps\t{R(sz, Rd)}, {R(sz, Rn)}, {R(sz, Rm)}";
    public static string FRSQRTS_s(ulong pc, uint sz, uint Rm, uint Rn, uint Rd) => $"frsqrts\t{R(sz, Rd)}, {R(sz, Rn)}, {R(sz, Rm)}";
}
