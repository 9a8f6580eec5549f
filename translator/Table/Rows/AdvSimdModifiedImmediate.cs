// Advanced SIMD modified immediate (ARM ARM C4.1): one row per instruction and cmode class; the
// immediate is a:b:c (abc) and d:e:f:g:h (defgh). o2 = 1 (FEAT_FP16 FMOV) is not implemented.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD modified immediate")]
public static class AdvSimdModifiedImmediate
{
    static Row R(string name, string q, string op, string cmode) =>
        new Row(name, $"0 {q} {op} 0111100000 abc:3 {cmode} 0 1 defgh:5 Rd:5", Feature.AdvSimd)
            .InPriorityGroup(AdvSimdShiftByImmediate.ImmediateGroup, 1);   // immh = 0000 of the shift-by-immediate space

    public static Row[] Rows =>
    [
        R("MOVI_32", "Q", "0", "0 sh:2 0"),    // C7.2 MOVI, 32-bit shifted immediate
        R("ORR_imm_32", "Q", "0", "0 sh:2 1"), // C7.2 ORR (vector, immediate), 32-bit
        R("MOVI_16", "Q", "0", "10 sh 0"),     // C7.2 MOVI, 16-bit shifted immediate
        R("ORR_imm_16", "Q", "0", "10 sh 1"),  // C7.2 ORR (vector, immediate), 16-bit
        R("MOVI_msl", "Q", "0", "110 sh"),     // C7.2 MOVI, 32-bit shifting ones
        R("MOVI_8", "Q", "0", "1110"),         // C7.2 MOVI, 8-bit
        R("FMOV_v_s", "Q", "0", "1111"),       // C7.2 FMOV (vector, immediate), single
        R("MVNI_32", "Q", "1", "0 sh:2 0"),    // C7.2 MVNI, 32-bit shifted immediate
        R("BIC_imm_32", "Q", "1", "0 sh:2 1"), // C7.2 BIC (vector, immediate), 32-bit
        R("MVNI_16", "Q", "1", "10 sh 0"),     // C7.2 MVNI, 16-bit shifted immediate
        R("BIC_imm_16", "Q", "1", "10 sh 1"),  // C7.2 BIC (vector, immediate), 16-bit
        R("MVNI_msl", "Q", "1", "110 sh"),     // C7.2 MVNI, 32-bit shifting ones
        R("MOVI_64", "Q", "1", "1110"),        // C7.2 MOVI, 64-bit (Q=0: scalar MOVI Dd)
        R("FMOV_v_d", "1", "1", "1111"),       // C7.2 FMOV (vector, immediate), double
    ];
}
