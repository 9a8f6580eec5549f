// Advanced SIMD copy and scalar copy (ARM ARM C4.1 "Data Processing -- Scalar Floating-Point and
// Advanced SIMD"). imm5's lowest set bit gives the element size; imm5 = x0000 is reserved.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD copy")]
public static class AdvSimdCopy
{
    public static Row[] Rows =>
    [
        // C7.2 DUP (element): 64-bit elements need Q=1.
        new Row("DUP_elem", "0 Q 0 01110000 imm5:5 0 0000 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("imm5=x0000").Undefined("Q=0 imm5=x1000"),
        // C7.2 DUP (general)
        new Row("DUP_gen", "0 Q 0 01110000 imm5:5 0 0001 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("imm5=x0000").Undefined("Q=0 imm5=x1000"),
        // C7.2 SMOV: to W for 8/16-bit elements, to X for 8/16/32.
        new Row("SMOV", "0 Q 0 01110000 imm5:5 0 0101 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("imm5=x0000").Undefined("imm5=x1000").Undefined("Q=0 imm5=xx100"),
        // C7.2 UMOV: to W for 8/16/32-bit elements, to X for 64.
        new Row("UMOV", "0 Q 0 01110000 imm5:5 0 0111 1 Rn:5 Rd:5", Feature.AdvSimd)
            .Undefined("imm5=x0000").Undefined("Q=0 imm5=x1000").Undefined("Q=1 imm5=xxxx1").Undefined("Q=1 imm5=xxx10").Undefined("Q=1 imm5=xx100"),
        // C7.2 INS (general)
        new Row("INS_gen", "0 1 0 01110000 imm5:5 0 0011 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("imm5=x0000"),
        // C7.2 INS (element)
        new Row("INS_elem", "0 1 1 01110000 imm5:5 0 imm4:4 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("imm5=x0000"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar copy")]
public static class AdvSimdScalarCopy
{
    public static Row[] Rows =>
    [
        // C7.2 DUP (element), scalar form (alias MOV Sd, Vn.S[i]).
        new Row("DUP_scalar", "01 0 11110000 imm5:5 0 0000 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("imm5=x0000"),
    ];
}
