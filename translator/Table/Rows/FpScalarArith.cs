// Scalar floating-point data processing (ARM ARM C4.1 "Data Processing -- Scalar Floating-Point
// and Advanced SIMD"). ftype: 00 single, 01 double, 10 reserved, 11 half (FEAT_FP16, not
// implemented: UNDEFINED here, except as FCVT's source/destination, which ARMv8.0 has).
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point data-processing (1 source)")]
public static class FpDataProcessing1Source
{
    static Row R(string name, string opcode) =>
        new Row(name, $"0 0 0 11110 ftype:2 1 {opcode} 10000 Rn:5 Rd:5", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11");

    public static Row[] Rows =>
    [
        R("FMOV_reg", "000000"),    // C7.2 FMOV (register)
        R("FABS_s", "000001"),      // C7.2 FABS (scalar)
        R("FNEG_s", "000010"),      // C7.2 FNEG (scalar)
        R("FSQRT_s", "000011"),     // C7.2 FSQRT (scalar)
        // C7.2 FCVT: between half, single and double (ftype = source, opc = destination).
        new Row("FCVT_s", "0 0 0 11110 ftype:2 1 0001 opc:2 10000 Rn:5 Rd:5", Feature.Fp)
            .Undefined("ftype=10").Undefined("opc=10").Undefined("ftype=00 opc=00").Undefined("ftype=01 opc=01").Undefined("ftype=11 opc=11"),
        R("FRINTN_s", "001000"),    // C7.2 FRINTN (scalar)
        R("FRINTP_s", "001001"),    // C7.2 FRINTP (scalar)
        R("FRINTM_s", "001010"),    // C7.2 FRINTM (scalar)
        R("FRINTZ_s", "001011"),    // C7.2 FRINTZ (scalar)
        R("FRINTA_s", "001100"),    // C7.2 FRINTA (scalar)
        R("FRINTX_s", "001110"),    // C7.2 FRINTX (scalar)
        R("FRINTI_s", "001111"),    // C7.2 FRINTI (scalar)
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point data-processing (2 source)")]
public static class FpDataProcessing2Source
{
    static Row R(string name, string opcode) =>
        new Row(name, $"0 0 0 11110 ftype:2 1 Rm:5 {opcode} 10 Rn:5 Rd:5", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11");

    public static Row[] Rows =>
    [
        R("FMUL_s", "0000"),    // C7.2 FMUL (scalar)
        R("FDIV_s", "0001"),    // C7.2 FDIV (scalar)
        R("FADD_s", "0010"),    // C7.2 FADD (scalar)
        R("FSUB_s", "0011"),    // C7.2 FSUB (scalar)
        R("FMAX_s", "0100"),    // C7.2 FMAX (scalar)
        R("FMIN_s", "0101"),    // C7.2 FMIN (scalar)
        R("FMAXNM_s", "0110"),  // C7.2 FMAXNM (scalar)
        R("FMINNM_s", "0111"),  // C7.2 FMINNM (scalar)
        R("FNMUL_s", "1000"),   // C7.2 FNMUL (scalar)
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point data-processing (3 source)")]
public static class FpDataProcessing3Source
{
    static Row R(string name, string o1, string o0) =>
        new Row(name, $"0 0 0 11111 ftype:2 {o1} Rm:5 {o0} Ra:5 Rn:5 Rd:5", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11");

    public static Row[] Rows =>
    [
        R("FMADD_s", "0", "0"),     // C7.2 FMADD
        R("FMSUB_s", "0", "1"),     // C7.2 FMSUB
        R("FNMADD_s", "1", "0"),    // C7.2 FNMADD
        R("FNMSUB_s", "1", "1"),    // C7.2 FNMSUB
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point immediate")]
public static class FpImmediate
{
    public static Row[] Rows =>
    [
        // C7.2 FMOV (scalar, immediate)
        new Row("FMOV_imm_s", "0 0 0 11110 ftype:2 1 imm8:8 100 00000 Rd:5", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point compare")]
public static class FpCompare
{
    public static Row[] Rows =>
    [
        // C7.2 FCMP / C7.2 FCMPE; cmpzero (opc<0>) selects the #0.0 form (Rm is then ignored).
        new Row("FCMP_s", "0 0 0 11110 ftype:2 1 Rm:5 00 1000 Rn:5 0 cmpzero 000", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11"),
        new Row("FCMPE_s", "0 0 0 11110 ftype:2 1 Rm:5 00 1000 Rn:5 1 cmpzero 000", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point conditional compare")]
public static class FpConditionalCompare
{
    public static Row[] Rows =>
    [
        new Row("FCCMP_s", "0 0 0 11110 ftype:2 1 Rm:5 cond:4 01 Rn:5 0 nzcv:4", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11"),  // C7.2
        new Row("FCCMPE_s", "0 0 0 11110 ftype:2 1 Rm:5 cond:4 01 Rn:5 1 nzcv:4", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11"), // C7.2
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Floating-point conditional select")]
public static class FpConditionalSelect
{
    public static Row[] Rows =>
    [
        new Row("FCSEL_s", "0 0 0 11110 ftype:2 1 Rm:5 cond:4 11 Rn:5 Rd:5", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11"),    // C7.2
    ];
}
