// Conversions between floating-point and integer or fixed-point values, and FMOV (general)
// (ARM ARM C4.1 "Data Processing -- Scalar Floating-Point and Advanced SIMD").
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Conversion between floating-point and integer")]
public static class FpIntegerConversion
{
    static Row R(string name, string rmode, string opcode) =>
        new Row(name, $"sf 0 0 11110 ftype:2 1 {rmode} {opcode} 000000 Rn:5 Rd:5", Feature.Fp).Undefined("ftype=10").Undefined("ftype=11");

    public static Row[] Rows =>
    [
        R("FCVTNS_g", "00", "000"),   // C7.2 FCVTNS (scalar)
        R("FCVTNU_g", "00", "001"),   // C7.2 FCVTNU (scalar)
        R("SCVTF_g", "00", "010"),    // C7.2 SCVTF (scalar, integer)
        R("UCVTF_g", "00", "011"),    // C7.2 UCVTF (scalar, integer)
        R("FCVTAS_g", "00", "100"),   // C7.2 FCVTAS (scalar)
        R("FCVTAU_g", "00", "101"),   // C7.2 FCVTAU (scalar)
        R("FCVTPS_g", "01", "000"),   // C7.2 FCVTPS (scalar)
        R("FCVTPU_g", "01", "001"),   // C7.2 FCVTPU (scalar)
        R("FCVTMS_g", "10", "000"),   // C7.2 FCVTMS (scalar)
        R("FCVTMU_g", "10", "001"),   // C7.2 FCVTMU (scalar)
        R("FCVTZS_g", "11", "000"),   // C7.2 FCVTZS (scalar, integer)
        R("FCVTZU_g", "11", "001"),   // C7.2 FCVTZU (scalar, integer)
        // C7.2 FMOV (general): W<->S (sf=0 ftype=00), X<->D (sf=1 ftype=01); half forms need FEAT_FP16.
        new Row("FMOV_to_gen", "sf 0 0 11110 ftype:2 1 00 110 000000 Rn:5 Rd:5", Feature.Fp)
            .Undefined("sf=0 ftype=01").Undefined("sf=1 ftype=00").Undefined("ftype=1x"),
        new Row("FMOV_from_gen", "sf 0 0 11110 ftype:2 1 00 111 000000 Rn:5 Rd:5", Feature.Fp)
            .Undefined("sf=0 ftype=01").Undefined("sf=1 ftype=00").Undefined("ftype=1x"),
        // FMOV Xd, Vn.D[1] and FMOV Vd.D[1], Xn.
        new Row("FMOV_to_gen_top", "1 0 0 11110 10 1 01 110 000000 Rn:5 Rd:5", Feature.Fp),
        new Row("FMOV_from_gen_top", "1 0 0 11110 10 1 01 111 000000 Rn:5 Rd:5", Feature.Fp),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Conversion between floating-point and fixed-point")]
public static class FpFixedConversion
{
    static Row R(string name, string rmode, string opcode) =>
        new Row(name, $"sf 0 0 11110 ftype:2 0 {rmode} {opcode} scale:6 Rn:5 Rd:5", Feature.Fp)
            .Undefined("ftype=10").Undefined("ftype=11").Undefined("sf=0 scale=0xxxxx");

    public static Row[] Rows =>
    [
        R("SCVTF_fix", "00", "010"),    // C7.2 SCVTF (scalar, fixed-point)
        R("UCVTF_fix", "00", "011"),    // C7.2 UCVTF (scalar, fixed-point)
        R("FCVTZS_fix", "11", "000"),   // C7.2 FCVTZS (scalar, fixed-point)
        R("FCVTZU_fix", "11", "001"),   // C7.2 FCVTZU (scalar, fixed-point)
    ];
}
