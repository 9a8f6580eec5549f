// Advanced SIMD vector x indexed element, and the scalar FP forms (ARM ARM C4.1):
// "0 Q U 01111 size L M Rm opcode H 0 Rn Rd". The element index is H:L:M for 16-bit elements
// (Rm is then V0-V15), H:L for 32-bit, H for 64-bit (L must be 0).
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD vector x indexed element")]
public static class AdvSimdByElement
{
    static Row I(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 01111 size:2 L M Rm:4 {opcode} H 0 Rn:5 Rd:5", Feature.AdvSimd).Undefined("size=00").Undefined("size=11");

    static Row F(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 01111 1 sz L M Rm:4 {opcode} H 0 Rn:5 Rd:5", Feature.AdvSimd).Undefined("sz=1 L=1").Undefined("Q=0 sz=1");

    public static Row[] Rows =>
    [
        I("MLA_elem", "1", "0000"), I("MLS_elem", "1", "0100"), I("MUL_elem", "0", "1000"),           // C7.2 MLA / MLS / MUL (by element)
        I("SMLAL_elem", "0", "0010"), I("UMLAL_elem", "1", "0010"),                                   // C7.2 SMLAL / UMLAL (by element)
        I("SMLSL_elem", "0", "0110"), I("UMLSL_elem", "1", "0110"),                                   // C7.2 SMLSL / UMLSL (by element)
        I("SMULL_elem", "0", "1010"), I("UMULL_elem", "1", "1010"),                                   // C7.2 SMULL / UMULL (by element)
        I("SQDMLAL_elem", "0", "0011"), I("SQDMLSL_elem", "0", "0111"), I("SQDMULL_elem", "0", "1011"), // C7.2 SQDMLAL / SQDMLSL / SQDMULL (by element)
        I("SQDMULH_elem", "0", "1100"), I("SQRDMULH_elem", "0", "1101"),                              // C7.2 SQDMULH / SQRDMULH (by element)
        F("FMLA_elem", "0", "0001"), F("FMLS_elem", "0", "0101"), F("FMUL_elem", "0", "1001"),        // C7.2 FMLA / FMLS / FMUL (by element)
        F("FMULX_elem", "1", "1001"),                                                                 // C7.2 FMULX (by element)
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar x indexed element")]
public static class AdvSimdScalarByElement
{
    static Row F(string name, string u, string opcode) =>
        new Row(name, $"01 {u} 11111 1 sz L M Rm:4 {opcode} H 0 Rn:5 Rd:5", Feature.AdvSimd).Undefined("sz=1 L=1");

    public static Row[] Rows =>
    [
        F("FMLA_elem_s", "0", "0001"), F("FMLS_elem_s", "0", "0101"), F("FMUL_elem_s", "0", "1001"),  // C7.2 FMLA / FMLS / FMUL (by element), scalar
        F("FMULX_elem_s", "1", "1001"),                                                              // C7.2 FMULX (by element), scalar
        I("SQDMULH_elem_s", "1100"), I("SQRDMULH_elem_s", "1101"),                                   // C7.2 SQDMULH / SQRDMULH (by element), scalar
        I("SQDMLAL_elem_s", "0011"), I("SQDMLSL_elem_s", "0111"), I("SQDMULL_elem_s", "1011"),       // C7.2 SQDMLAL / SQDMLSL / SQDMULL (by element), scalar
    ];

    static Row I(string name, string opcode) =>
        new Row(name, $"01 0 11111 size:2 L M Rm:4 {opcode} H 0 Rn:5 Rd:5", Feature.AdvSimd).Undefined("size=00").Undefined("size=11");
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar three different")]
public static class AdvSimdScalarThreeDifferent
{
    static Row R(string name, string opcode) =>
        new Row(name, $"01 0 11110 size:2 1 Rm:5 {opcode} 00 Rn:5 Rd:5", Feature.AdvSimd).Undefined("size=00").Undefined("size=11");

    public static Row[] Rows =>
    [
        R("SQDMLAL_s", "1001"), R("SQDMLSL_s", "1011"), R("SQDMULL_s", "1101"),   // C7.2 SQDMLAL / SQDMLSL / SQDMULL, scalar
    ];
}
