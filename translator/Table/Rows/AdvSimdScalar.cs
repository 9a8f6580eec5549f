// Advanced SIMD scalar forms (ARM ARM C4.1): scalar three same, scalar two-register
// miscellaneous, scalar pairwise and scalar shift by immediate. The scalar FP estimate rows
// (FRECPE, FRSQRTE, FRECPX, FRECPS, FRSQRTS) are in AdvSimdScalarFpEstimate.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar three same")]
public static class AdvSimdScalarThreeSame
{
    static Row I(string name, string u, string opcode) => new Row(name, $"01 {u} 11110 size:2 1 Rm:5 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd);
    static Row D(string name, string u, string opcode) => new Row(name, $"01 {u} 11110 11 1 Rm:5 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd);
    static Row F(string name, string u, string a, string opcode) => new Row(name, $"01 {u} 11110 {a} sz 1 Rm:5 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd);

    public static Row[] Rows =>
    [
        I("SQADD_s", "0", "00001"), I("UQADD_s", "1", "00001"), I("SQSUB_s", "0", "00101"), I("UQSUB_s", "1", "00101"),
        I("SQSHL_reg_s", "0", "01001"), I("UQSHL_reg_s", "1", "01001"), I("SQRSHL_s", "0", "01011"), I("UQRSHL_s", "1", "01011"),
        I("SQDMULH_s", "0", "10110").Undefined("size=00").Undefined("size=11"), I("SQRDMULH_s", "1", "10110").Undefined("size=00").Undefined("size=11"),
        D("CMGT_reg_s", "0", "00110"), D("CMHI_reg_s", "1", "00110"), D("CMGE_reg_s", "0", "00111"), D("CMHS_reg_s", "1", "00111"),
        D("SSHL_s", "0", "01000"), D("USHL_s", "1", "01000"), D("SRSHL_s", "0", "01010"), D("URSHL_s", "1", "01010"),
        D("ADD_s", "0", "10000"), D("SUB_s", "1", "10000"), D("CMTST_s", "0", "10001"), D("CMEQ_reg_s", "1", "10001"),
        F("FMULX_s", "0", "0", "11011"), F("FCMEQ_reg_s", "0", "0", "11100"), F("FCMGE_reg_s", "1", "0", "11100"),
        F("FACGE_s", "1", "0", "11101"), F("FABD_s", "1", "1", "11010"), F("FCMGT_reg_s", "1", "1", "11100"), F("FACGT_s", "1", "1", "11101"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar two-register miscellaneous")]
public static class AdvSimdScalarTwoRegMisc
{
    static Row I(string name, string u, string opcode) => new Row(name, $"01 {u} 11110 size:2 10000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd);
    static Row D(string name, string u, string opcode) => new Row(name, $"01 {u} 11110 11 10000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd);
    static Row F(string name, string u, string a, string opcode) => new Row(name, $"01 {u} 11110 {a} sz 10000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd);

    public static Row[] Rows =>
    [
        I("SUQADD_s", "0", "00011"), I("USQADD_s", "1", "00011"), I("SQABS_s", "0", "00111"), I("SQNEG_s", "1", "00111"),
        I("SQXTN_s", "0", "10100").Undefined("size=11"), I("UQXTN_s", "1", "10100").Undefined("size=11"), I("SQXTUN_s", "1", "10010").Undefined("size=11"),
        D("CMGT_zero_s", "0", "01000"), D("CMGE_zero_s", "1", "01000"), D("CMEQ_zero_s", "0", "01001"), D("CMLE_zero_s", "1", "01001"),
        D("CMLT_zero_s", "0", "01010"), D("ABS_s", "0", "01011"), D("NEG_s", "1", "01011"),
        F("FCVTNS_s", "0", "0", "11010"), F("FCVTNU_s", "1", "0", "11010"), F("FCVTMS_s", "0", "0", "11011"), F("FCVTMU_s", "1", "0", "11011"),
        F("FCVTAS_s", "0", "0", "11100"), F("FCVTAU_s", "1", "0", "11100"), F("SCVTF_s", "0", "0", "11101"), F("UCVTF_s", "1", "0", "11101"),
        F("FCMGT_zero_s", "0", "1", "01100"), F("FCMGE_zero_s", "1", "1", "01100"), F("FCMEQ_zero_s", "0", "1", "01101"), F("FCMLE_zero_s", "1", "1", "01101"),
        F("FCMLT_zero_s", "0", "1", "01110"), F("FCVTPS_s", "0", "1", "11010"), F("FCVTPU_s", "1", "1", "11010"), F("FCVTZS_s", "0", "1", "11011"),
        F("FCVTZU_s", "1", "1", "11011"), F("FCVTXN_s", "1", "0", "10110").Undefined("sz=0"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar pairwise")]
public static class AdvSimdScalarPairwise
{
    static Row F(string name, string a, string opcode) => new Row(name, $"01 1 11110 {a} sz 11000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd);

    public static Row[] Rows =>
    [
        new Row("ADDP_s", "01 0 11110 11 11000 11011 10 Rn:5 Rd:5", Feature.AdvSimd),   // C7.2 ADDP (scalar)
        F("FMAXNMP_s", "0", "01100"), F("FADDP_s", "0", "01101"), F("FMAXP_s", "0", "01111"),
        F("FMINNMP_s", "1", "01100"), F("FMINP_s", "1", "01111"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar shift by immediate")]
public static class AdvSimdScalarShiftByImmediate
{
    /// <summary>64-bit only forms: immh = 1xxx.</summary>
    static Row D(string name, string u, string opcode) => new Row(name, $"01 {u} 111110 1 immh:3 immb:3 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd);
    static Row A(string name, string u, string opcode) => new Row(name, $"01 {u} 111110 immh:4 immb:3 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("immh=0000");
    static Row N(string name, string u, string opcode) => A(name, u, opcode).Undefined("immh=1xxx");
    static Row F(string name, string u, string opcode) => A(name, u, opcode).Undefined("immh=00xx");

    public static Row[] Rows =>
    [
        D("SSHR_s", "0", "00000"), D("USHR_s", "1", "00000"), D("SSRA_s", "0", "00010"), D("USRA_s", "1", "00010"),
        D("SRSHR_s", "0", "00100"), D("URSHR_s", "1", "00100"), D("SRSRA_s", "0", "00110"), D("URSRA_s", "1", "00110"),
        D("SRI_s", "1", "01000"), D("SHL_s", "0", "01010"), D("SLI_s", "1", "01010"),
        A("SQSHLU_s", "1", "01100"), A("SQSHL_imm_s", "0", "01110"), A("UQSHL_imm_s", "1", "01110"),
        N("SQSHRN_s", "0", "10010"), N("SQRSHRN_s", "0", "10011"), N("UQSHRN_s", "1", "10010"), N("UQRSHRN_s", "1", "10011"),
        N("SQSHRUN_s", "1", "10000"), N("SQRSHRUN_s", "1", "10001"),
        F("SCVTF_fix_s", "0", "11100"), F("UCVTF_fix_s", "1", "11100"), F("FCVTZS_fix_s", "0", "11111"), F("FCVTZU_fix_s", "1", "11111"),
    ];
}
