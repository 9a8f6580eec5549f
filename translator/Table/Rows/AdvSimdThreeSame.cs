// Advanced SIMD three same, integer forms (ARM ARM C4.1): "0 Q U 01110 size 1 Rm opcode 1 Rn Rd".
// size=11 with Q=0 is reserved for every element-wise form; some forms reserve more sizes.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD three same")]
public static class AdvSimdThreeSame
{
    /// <summary>An element-wise row; noD: size=11 is reserved altogether.</summary>
    static Row R(string name, string u, string opcode, bool noD = false)
    {
        var row = new Row(name, $"0 Q {u} 01110 size:2 1 Rm:5 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd).Undefined("Q=0 size=11");
        return noD ? row.Undefined("size=11") : row;
    }

    /// <summary>A bitwise row: the size field is part of the opcode.</summary>
    static Row L(string name, string u, string size) => new Row(name, $"0 Q {u} 01110 {size} 1 Rm:5 00011 1 Rn:5 Rd:5", Feature.AdvSimd);

    public static Row[] Rows =>
    [
        R("SHADD", "0", "00000", true), R("UHADD", "1", "00000", true),     // C7.2 SHADD / UHADD
        R("SQADD", "0", "00001"), R("UQADD", "1", "00001"),                 // C7.2 SQADD / UQADD
        R("SRHADD", "0", "00010", true), R("URHADD", "1", "00010", true),   // C7.2 SRHADD / URHADD
        L("AND_v", "0", "00"), L("BIC_v", "0", "01"), L("ORR_v", "0", "10"), L("ORN_v", "0", "11"),   // C7.2 AND/BIC/ORR/ORN (vector, register)
        L("EOR_v", "1", "00"), L("BSL", "1", "01"), L("BIT", "1", "10"), L("BIF", "1", "11"),         // C7.2 EOR/BSL/BIT/BIF
        R("SHSUB", "0", "00100", true), R("UHSUB", "1", "00100", true),     // C7.2 SHSUB / UHSUB
        R("SQSUB", "0", "00101"), R("UQSUB", "1", "00101"),                 // C7.2 SQSUB / UQSUB
        R("CMGT_reg", "0", "00110"), R("CMHI_reg", "1", "00110"),           // C7.2 CMGT / CMHI (register)
        R("CMGE_reg", "0", "00111"), R("CMHS_reg", "1", "00111"),           // C7.2 CMGE / CMHS (register)
        R("SSHL_v", "0", "01000"), R("USHL_v", "1", "01000"),               // C7.2 SSHL / USHL
        R("SQSHL_reg", "0", "01001"), R("UQSHL_reg", "1", "01001"),         // C7.2 SQSHL / UQSHL (register)
        R("SRSHL_v", "0", "01010"), R("URSHL_v", "1", "01010"),             // C7.2 SRSHL / URSHL
        R("SQRSHL_v", "0", "01011"), R("UQRSHL_v", "1", "01011"),           // C7.2 SQRSHL / UQRSHL
        R("SMAX_v", "0", "01100", true), R("UMAX_v", "1", "01100", true),   // C7.2 SMAX / UMAX
        R("SMIN_v", "0", "01101", true), R("UMIN_v", "1", "01101", true),   // C7.2 SMIN / UMIN
        R("SABD", "0", "01110", true), R("UABD", "1", "01110", true),       // C7.2 SABD / UABD
        R("SABA", "0", "01111", true), R("UABA", "1", "01111", true),       // C7.2 SABA / UABA
        R("ADD_v", "0", "10000"), R("SUB_v", "1", "10000"),                 // C7.2 ADD / SUB (vector)
        R("CMTST", "0", "10001"), R("CMEQ_reg", "1", "10001"),              // C7.2 CMTST / CMEQ (register)
        R("MLA_v", "0", "10010", true), R("MLS_v", "1", "10010", true),     // C7.2 MLA / MLS (vector)
        R("MUL_v", "0", "10011", true),                                     // C7.2 MUL (vector)
        R("PMUL", "1", "10011", true).Undefined("size=01").Undefined("size=10"),   // C7.2 PMUL: bytes only
        R("SMAXP", "0", "10100", true), R("UMAXP", "1", "10100", true),     // C7.2 SMAXP / UMAXP
        R("SMINP", "0", "10101", true), R("UMINP", "1", "10101", true),     // C7.2 SMINP / UMINP
        R("SQDMULH_v", "0", "10110", true).Undefined("size=00"),            // C7.2 SQDMULH (vector)
        R("SQRDMULH_v", "1", "10110", true).Undefined("size=00"),           // C7.2 SQRDMULH (vector)
        R("ADDP_v", "0", "10111"),                                          // C7.2 ADDP (vector)
    ];
}
