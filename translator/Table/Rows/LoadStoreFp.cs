namespace Fast.Translator.Table.Rows;

// LDR/STR/LDUR/STUR of SIMD&FP registers in the immediate forms. size:opc1 selects the access:
// B, H, S, D (opc1 = 0, size 00..11) or Q (size 00, opc1 = 1); other Q sizes are UNDEFINED.
// The unprivileged form (bits 11:10 = 10) does not exist for SIMD&FP (no row: UNDEFINED).
[RowGroup("C4.1 Loads and Stores: Load/store register, SIMD&FP (unsigned immediate, immediate post-indexed, immediate pre-indexed, unscaled immediate)")]
public static class LoadStoreFp
{
    public static Row[] Rows =>
    [
        Fp(new Row("STR_fp_uimm", "size:2 111 1 01 opc1 0 imm12:12 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("LDR_fp_uimm", "size:2 111 1 01 opc1 1 imm12:12 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("STR_fp_post", "size:2 111 1 00 opc1 0 0 imm9:9 01 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("LDR_fp_post", "size:2 111 1 00 opc1 1 0 imm9:9 01 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("STR_fp_pre", "size:2 111 1 00 opc1 0 0 imm9:9 11 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("LDR_fp_pre", "size:2 111 1 00 opc1 1 0 imm9:9 11 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("STUR_fp", "size:2 111 1 00 opc1 0 0 imm9:9 00 Rn:5 Rt:5", Feature.Fp)),
        Fp(new Row("LDUR_fp", "size:2 111 1 00 opc1 1 0 imm9:9 00 Rn:5 Rt:5", Feature.Fp)),
    ];

    /// <summary>The 128-bit form exists only with size 00.</summary>
    static Row Fp(Row row) => row.Undefined("size=01 opc1=1").Undefined("size=1x opc1=1");
}
