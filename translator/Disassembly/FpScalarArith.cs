// Disassembly of the scalar FP data-processing rows, in objdump's syntax.
namespace Fast.Translator.Disassembly;

public static class FpDataProcessing1Source
{
    static string Two(string m, uint ftype, uint Rn, uint Rd) => $"{m}\t{Fmt.FpReg(ftype, Rd)}, {Fmt.FpReg(ftype, Rn)}";
    public static string FMOV_reg(ulong pc, uint ftype, uint Rn, uint Rd) => Two("fmov", ftype, Rn, Rd);
    public static string FABS_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("fabs", ftype, Rn, Rd);
    public static string FNEG_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("fneg", ftype, Rn, Rd);
    public static string FSQRT_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("fsqrt", ftype, Rn, Rd);
    public static string FCVT_s(ulong pc, uint ftype, uint opc, uint Rn, uint Rd) => $"fcvt\t{Fmt.FpReg(opc, Rd)}, {Fmt.FpReg(ftype, Rn)}";
    public static string FRINTN_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frintn", ftype, Rn, Rd);
    public static string FRINTP_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frintp", ftype, Rn, Rd);
    public static string FRINTM_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frintm", ftype, Rn, Rd);
    public static string FRINTZ_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frintz", ftype, Rn, Rd);
    public static string FRINTA_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frinta", ftype, Rn, Rd);
    public static string FRINTX_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frintx", ftype, Rn, Rd);
    public static string FRINTI_s(ulong pc, uint ftype, uint Rn, uint Rd) => Two("frinti", ftype, Rn, Rd);
}

public static class FpDataProcessing2Source
{
    static string Three(string m, uint ftype, uint Rm, uint Rn, uint Rd) => $"{m}\t{Fmt.FpReg(ftype, Rd)}, {Fmt.FpReg(ftype, Rn)}, {Fmt.FpReg(ftype, Rm)}";
    public static string FMUL_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fmul", ftype, Rm, Rn, Rd);
    public static string FDIV_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fdiv", ftype, Rm, Rn, Rd);
    public static string FADD_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fadd", ftype, Rm, Rn, Rd);
    public static string FSUB_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fsub", ftype, Rm, Rn, Rd);
    public static string FMAX_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fmax", ftype, Rm, Rn, Rd);
    public static string FMIN_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fmin", ftype, Rm, Rn, Rd);
    public static string FMAXNM_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fmaxnm", ftype, Rm, Rn, Rd);
    public static string FMINNM_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fminnm", ftype, Rm, Rn, Rd);
    public static string FNMUL_s(ulong pc, uint ftype, uint Rm, uint Rn, uint Rd) => Three("fnmul", ftype, Rm, Rn, Rd);
}

public static class FpDataProcessing3Source
{
    static string Four(string m, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) =>
        $"{m}\t{Fmt.FpReg(ftype, Rd)}, {Fmt.FpReg(ftype, Rn)}, {Fmt.FpReg(ftype, Rm)}, {Fmt.FpReg(ftype, Ra)}";
    public static string FMADD_s(ulong pc, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => Four("fmadd", ftype, Rm, Ra, Rn, Rd);
    public static string FMSUB_s(ulong pc, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => Four("fmsub", ftype, Rm, Ra, Rn, Rd);
    public static string FNMADD_s(ulong pc, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => Four("fnmadd", ftype, Rm, Ra, Rn, Rd);
    public static string FNMSUB_s(ulong pc, uint ftype, uint Rm, uint Ra, uint Rn, uint Rd) => Four("fnmsub", ftype, Rm, Ra, Rn, Rd);
}

public static class FpImmediate
{
    public static string FMOV_imm_s(ulong pc, uint ftype, uint imm8, uint Rd)
    {
        ulong bits = Semantics.Fp.FpCore.ExpandImm(imm8, 64);
        return $"fmov\t{Fmt.FpReg(ftype, Rd)}, {Fmt.FpImm(BitConverter.UInt64BitsToDouble(bits))}";
    }
}

public static class FpCompare
{
    static string Cmp(string m, uint ftype, uint Rm, uint Rn, uint cmpzero) =>
        $"{m}\t{Fmt.FpReg(ftype, Rn)}, {(cmpzero != 0 ? "#0.0" : Fmt.FpReg(ftype, Rm))}";
    public static string FCMP_s(ulong pc, uint ftype, uint Rm, uint Rn, uint cmpzero) => Cmp("fcmp", ftype, Rm, Rn, cmpzero);
    public static string FCMPE_s(ulong pc, uint ftype, uint Rm, uint Rn, uint cmpzero) => Cmp("fcmpe", ftype, Rm, Rn, cmpzero);
}

public static class FpConditionalCompare
{
    static string Ccmp(string m, uint ftype, uint Rm, uint cond, uint Rn, uint nzcv) =>
        $"{m}\t{Fmt.FpReg(ftype, Rn)}, {Fmt.FpReg(ftype, Rm)}, {Fmt.Hex(nzcv)}, {Fmt.CondWithAliases(cond)}";
    public static string FCCMP_s(ulong pc, uint ftype, uint Rm, uint cond, uint Rn, uint nzcv) => Ccmp("fccmp", ftype, Rm, cond, Rn, nzcv);
    public static string FCCMPE_s(ulong pc, uint ftype, uint Rm, uint cond, uint Rn, uint nzcv) => Ccmp("fccmpe", ftype, Rm, cond, Rn, nzcv);
}

public static class FpConditionalSelect
{
    public static string FCSEL_s(ulong pc, uint ftype, uint Rm, uint cond, uint Rn, uint Rd) =>
        $"fcsel\t{Fmt.FpReg(ftype, Rd)}, {Fmt.FpReg(ftype, Rn)}, {Fmt.FpReg(ftype, Rm)}, {Fmt.CondWithAliases(cond)}";
}
