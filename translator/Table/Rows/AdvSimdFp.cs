// Advanced SIMD floating-point vector forms (ARM ARM C4.1): three same (FP), two-register
// miscellaneous (FP), across lanes (FP). sz: 0 single, 1 double (Q=1 only); half-precision
// forms (FEAT_FP16) are not implemented.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD three same (floating-point)")]
public static class AdvSimdFpThreeSame
{
    static Row R(string name, string u, string a, string opcode) =>
        new Row(name, $"0 Q {u} 01110 {a} sz 1 Rm:5 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("Q=0 sz=1");

    public static Row[] Rows =>
    [
        R("FMAXNM_v", "0", "0", "11000"), R("FMLA_v", "0", "0", "11001"), R("FADD_v", "0", "0", "11010"),
        R("FMULX_v", "0", "0", "11011"), R("FCMEQ_reg", "0", "0", "11100"), R("FMAX_v", "0", "0", "11110"),
        R("FRECPS_v", "0", "0", "11111"),
        R("FMINNM_v", "0", "1", "11000"), R("FMLS_v", "0", "1", "11001"), R("FSUB_v", "0", "1", "11010"),
        R("FMIN_v", "0", "1", "11110"), R("FRSQRTS_v", "0", "1", "11111"),
        R("FMAXNMP_v", "1", "0", "11000"), R("FADDP_v", "1", "0", "11010"), R("FMUL_v", "1", "0", "11011"),
        R("FCMGE_reg", "1", "0", "11100"), R("FACGE", "1", "0", "11101"), R("FMAXP_v", "1", "0", "11110"),
        R("FDIV_v", "1", "0", "11111"),
        R("FMINNMP_v", "1", "1", "11000"), R("FABD", "1", "1", "11010"), R("FCMGT_reg", "1", "1", "11100"),
        R("FACGT", "1", "1", "11101"), R("FMINP_v", "1", "1", "11110"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD two-register miscellaneous (floating-point)")]
public static class AdvSimdFpTwoRegMisc
{
    static Row R(string name, string u, string a, string opcode) =>
        new Row(name, $"0 Q {u} 01110 {a} sz 10000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd).Undefined("Q=0 sz=1");

    public static Row[] Rows =>
    [
        // C7.2 FCVTN/FCVTN2, FCVTL/FCVTL2, FCVTXN/FCVTXN2: Q picks the half, sz the sizes.
        new Row("FCVTN_v", "0 Q 0 01110 0 sz 10000 10110 10 Rn:5 Rd:5", Feature.AdvSimd),
        new Row("FCVTL_v", "0 Q 0 01110 0 sz 10000 10111 10 Rn:5 Rd:5", Feature.AdvSimd),
        new Row("FCVTXN_v", "0 Q 1 01110 0 sz 10000 10110 10 Rn:5 Rd:5", Feature.AdvSimd).Undefined("sz=0"),
        R("FRINTN_v", "0", "0", "11000"), R("FRINTM_v", "0", "0", "11001"), R("FCVTNS_v", "0", "0", "11010"),
        R("FCVTMS_v", "0", "0", "11011"), R("FCVTAS_v", "0", "0", "11100"), R("SCVTF_v", "0", "0", "11101"),
        R("FCMGT_zero", "0", "1", "01100"), R("FCMEQ_zero", "0", "1", "01101"), R("FCMLT_zero", "0", "1", "01110"),
        R("FABS_v", "0", "1", "01111"), R("FRINTP_v", "0", "1", "11000"), R("FRINTZ_v", "0", "1", "11001"),
        R("FCVTPS_v", "0", "1", "11010"), R("FCVTZS_v", "0", "1", "11011"), R("URECPE", "0", "1", "11100").Undefined("sz=1"),
        R("FRECPE_v", "0", "1", "11101"),
        R("FRINTA_v", "1", "0", "11000"), R("FRINTX_v", "1", "0", "11001"), R("FCVTNU_v", "1", "0", "11010"),
        R("FCVTMU_v", "1", "0", "11011"), R("FCVTAU_v", "1", "0", "11100"), R("UCVTF_v", "1", "0", "11101"),
        R("FCMGE_zero", "1", "1", "01100"), R("FCMLE_zero", "1", "1", "01101"), R("FNEG_v", "1", "1", "01111"),
        R("FRINTI_v", "1", "1", "11001"), R("FCVTPU_v", "1", "1", "11010"), R("FCVTZU_v", "1", "1", "11011"),
        R("URSQRTE", "1", "1", "11100").Undefined("sz=1"), R("FRSQRTE_v", "1", "1", "11101"), R("FSQRT_v", "1", "1", "11111"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD across lanes (floating-point)")]
public static class AdvSimdFpAcrossLanes
{
    static Row R(string name, string a, string opcode) =>
        new Row(name, $"0 Q 1 01110 {a} sz 11000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd).Undefined("Q=0").Undefined("sz=1");

    public static Row[] Rows =>
    [
        R("FMAXNMV", "0", "01100"), R("FMAXV", "0", "01111"),   // C7.2 FMAXNMV / FMAXV
        R("FMINNMV", "1", "01100"), R("FMINV", "1", "01111"),   // C7.2 FMINNMV / FMINV
    ];
}
