// Advanced SIMD three different (ARM ARM C4.1): long, wide and narrowing-high forms,
// "0 Q U 01110 size 1 Rm opcode 00 Rn Rd"; Q selects the upper halves (the "2" forms).
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD three different")]
public static class AdvSimdThreeDifferent
{
    static Row R(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 01110 size:2 1 Rm:5 {opcode} 00 Rn:5 Rd:5", Feature.AdvSimd).Undefined("size=11");

    public static Row[] Rows =>
    [
        R("SADDL", "0", "0000"), R("UADDL", "1", "0000"),     // C7.2 SADDL / UADDL
        R("SADDW", "0", "0001"), R("UADDW", "1", "0001"),     // C7.2 SADDW / UADDW
        R("SSUBL", "0", "0010"), R("USUBL", "1", "0010"),     // C7.2 SSUBL / USUBL
        R("SSUBW", "0", "0011"), R("USUBW", "1", "0011"),     // C7.2 SSUBW / USUBW
        R("ADDHN", "0", "0100"), R("RADDHN", "1", "0100"),    // C7.2 ADDHN / RADDHN
        R("SABAL", "0", "0101"), R("UABAL", "1", "0101"),     // C7.2 SABAL / UABAL
        R("SUBHN", "0", "0110"), R("RSUBHN", "1", "0110"),    // C7.2 SUBHN / RSUBHN
        R("SABDL", "0", "0111"), R("UABDL", "1", "0111"),     // C7.2 SABDL / UABDL
        R("SMLAL", "0", "1000"), R("UMLAL", "1", "1000"),     // C7.2 SMLAL / UMLAL (vector)
        R("SQDMLAL", "0", "1001").Undefined("size=00"),       // C7.2 SQDMLAL (vector)
        R("SMLSL", "0", "1010"), R("UMLSL", "1", "1010"),     // C7.2 SMLSL / UMLSL (vector)
        R("SQDMLSL", "0", "1011").Undefined("size=00"),       // C7.2 SQDMLSL (vector)
        R("SMULL", "0", "1100"), R("UMULL", "1", "1100"),     // C7.2 SMULL / UMULL (vector)
        R("SQDMULL", "0", "1101").Undefined("size=00"),       // C7.2 SQDMULL (vector)
        // C7.2 PMULL / PMULL2: 8-bit polynomial (AdvSIMD) and 64-bit to 128-bit (FEAT_PMULL).
        new Row("PMULL", "0 Q 0 01110 00 1 Rm:5 1110 00 Rn:5 Rd:5", Feature.AdvSimd),
        new Row("PMULL_1q", "0 Q 0 01110 11 1 Rm:5 1110 00 Rn:5 Rd:5", Feature.Pmull),
    ];
}
