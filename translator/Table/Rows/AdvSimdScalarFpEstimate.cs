// The reciprocal estimate and step instructions, scalar forms (ARM ARM C4.1 "Advanced SIMD scalar
// two-register miscellaneous" and "Advanced SIMD scalar three same"). sz: 0 single, 1 double.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD scalar two-register miscellaneous (FP estimates)")]
public static class AdvSimdScalarFpEstimate
{
    public static Row[] Rows =>
    [
        new Row("FRECPE_s", "01 0 11110 1 sz 10000 11101 10 Rn:5 Rd:5", Feature.AdvSimd),    // C7.2 FRECPE
        new Row("FRSQRTE_s", "01 1 11110 1 sz 10000 11101 10 Rn:5 Rd:5", Feature.AdvSimd),   // C7.2 FRSQRTE
        new Row("FRECPX_s", "01 0 11110 1 sz 10000 11111 10 Rn:5 Rd:5", Feature.AdvSimd),    // C7.2 FRECPX
        new Row("FRECPS_s", "01 0 11110 0 sz 1 Rm:5 11111 1 Rn:5 Rd:5", Feature.AdvSimd),    // C7.2 FRECPS
        new Row("FRSQRTS_s", "01 0 11110 1 sz 1 Rm:5 11111 1 Rn:5 Rd:5", Feature.AdvSimd),   // C7.2 FRSQRTS
    ];
}
