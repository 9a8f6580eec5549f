// Advanced SIMD two-register miscellaneous, integer forms (ARM ARM C4.1):
// "0 Q U 01110 size 10000 opcode 10 Rn Rd".
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD two-register miscellaneous")]
public static class AdvSimdTwoRegMisc
{
    static Row R(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 01110 size:2 10000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd);

    static Row B(string name, string u, string size, string opcode) =>
        new Row(name, $"0 Q {u} 01110 {size} 10000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd);

    public static Row[] Rows =>
    [
        R("REV64", "0", "00000").Undefined("size=11"),                     // C7.2 REV64
        R("REV16_v", "0", "00001").Undefined("size=01").Undefined("size=1x"),   // C7.2 REV16 (vector)
        R("REV32_v", "1", "00000").Undefined("size=1x"),                   // C7.2 REV32 (vector)
        R("SADDLP", "0", "00010").Undefined("size=11"),                    // C7.2 SADDLP
        R("UADDLP", "1", "00010").Undefined("size=11"),                    // C7.2 UADDLP
        R("SUQADD", "0", "00011").Undefined("Q=0 size=11"),                // C7.2 SUQADD
        R("USQADD", "1", "00011").Undefined("Q=0 size=11"),                // C7.2 USQADD
        R("CLS_v", "0", "00100").Undefined("size=11"),                     // C7.2 CLS (vector)
        R("CLZ_v", "1", "00100").Undefined("size=11"),                     // C7.2 CLZ (vector)
        B("CNT", "0", "00", "00101"),                                      // C7.2 CNT
        B("NOT", "1", "00", "00101"),                                      // C7.2 NOT (objdump: mvn)
        B("RBIT_v", "1", "01", "00101"),                                   // C7.2 RBIT (vector)
        R("SADALP", "0", "00110").Undefined("size=11"),                    // C7.2 SADALP
        R("UADALP", "1", "00110").Undefined("size=11"),                    // C7.2 UADALP
        R("SQABS", "0", "00111").Undefined("Q=0 size=11"),                 // C7.2 SQABS
        R("SQNEG", "1", "00111").Undefined("Q=0 size=11"),                 // C7.2 SQNEG
        R("CMGT_zero", "0", "01000").Undefined("Q=0 size=11"),             // C7.2 CMGT (zero)
        R("CMGE_zero", "1", "01000").Undefined("Q=0 size=11"),             // C7.2 CMGE (zero)
        R("CMEQ_zero", "0", "01001").Undefined("Q=0 size=11"),             // C7.2 CMEQ (zero)
        R("CMLE_zero", "1", "01001").Undefined("Q=0 size=11"),             // C7.2 CMLE (zero)
        R("CMLT_zero", "0", "01010").Undefined("Q=0 size=11"),             // C7.2 CMLT (zero)
        R("ABS_v", "0", "01011").Undefined("Q=0 size=11"),                 // C7.2 ABS
        R("NEG_v", "1", "01011").Undefined("Q=0 size=11"),                 // C7.2 NEG (vector)
        R("XTN", "0", "10010").Undefined("size=11"),                       // C7.2 XTN, XTN2
        R("SQXTUN", "1", "10010").Undefined("size=11"),                    // C7.2 SQXTUN, SQXTUN2
        R("SHLL", "1", "10011").Undefined("size=11"),                      // C7.2 SHLL, SHLL2
        R("SQXTN", "0", "10100").Undefined("size=11"),                     // C7.2 SQXTN, SQXTN2
        R("UQXTN", "1", "10100").Undefined("size=11"),                     // C7.2 UQXTN, UQXTN2
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD across lanes")]
public static class AdvSimdAcrossLanes
{
    static Row R(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 01110 size:2 11000 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd).Undefined("size=11").Undefined("Q=0 size=10");

    public static Row[] Rows =>
    [
        R("SADDLV", "0", "00011"),  // C7.2 SADDLV
        R("UADDLV", "1", "00011"),  // C7.2 UADDLV
        R("SMAXV", "0", "01010"),   // C7.2 SMAXV
        R("UMAXV", "1", "01010"),   // C7.2 UMAXV
        R("SMINV", "0", "11010"),   // C7.2 SMINV
        R("UMINV", "1", "11010"),   // C7.2 UMINV
        R("ADDV", "0", "11011"),    // C7.2 ADDV
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD permute")]
public static class AdvSimdPermute
{
    static Row R(string name, string opcode) =>
        new Row(name, $"0 Q 0 01110 size:2 0 Rm:5 0 {opcode} 10 Rn:5 Rd:5", Feature.AdvSimd).Undefined("Q=0 size=11");

    public static Row[] Rows =>
    [
        R("UZP1", "001"), R("TRN1", "010"), R("ZIP1", "011"),   // C7.2 UZP1 / TRN1 / ZIP1
        R("UZP2", "101"), R("TRN2", "110"), R("ZIP2", "111"),   // C7.2 UZP2 / TRN2 / ZIP2
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD extract")]
public static class AdvSimdExtract
{
    public static Row[] Rows =>
    [
        // C7.2 EXT: with Q=0 the byte index must be below 8.
        new Row("EXT", "0 Q 101110 00 0 Rm:5 0 imm4:4 0 Rn:5 Rd:5", Feature.AdvSimd).Undefined("Q=0 imm4=1xxx"),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD table lookup")]
public static class AdvSimdTableLookup
{
    public static Row[] Rows =>
    [
        new Row("TBL", "0 Q 001110 00 0 Rm:5 0 len:2 0 00 Rn:5 Rd:5", Feature.AdvSimd),   // C7.2 TBL
        new Row("TBX", "0 Q 001110 00 0 Rm:5 0 len:2 1 00 Rn:5 Rd:5", Feature.AdvSimd),   // C7.2 TBX
    ];
}
