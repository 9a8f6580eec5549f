namespace Fast.Translator.Table.Rows;

// LDP/STP/LDPSW/LDNP/STNP, integer and SIMD&FP. Bits 24:23 pick the form: 00 no-allocate
// (offset only), 01 post-index, 10 signed offset, 11 pre-index. The offset is
// SignExtend(imm7) << scale. Integer: sf = opc<1> (W/X pair); opc 01 with L = 1 is LDPSW, with
// L = 0 it is STGP (FEAT_MTE, not implemented: no row); opc 11 is unallocated. SIMD&FP: opc 00 S,
// 01 D, 10 Q, 11 unallocated.
[RowGroup("C4.1 Loads and Stores: Load/store no-allocate pair (offset), Load/store register pair (post-indexed, offset, pre-indexed)")]
public static class LoadStorePair
{
    public static Row[] Rows =>
    [
        new Row("STNP", "sf 0 101 0 000 0 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDNP", "sf 0 101 0 000 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("STP_post", "sf 0 101 0 001 0 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDP_post", "sf 0 101 0 001 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("STP_off", "sf 0 101 0 010 0 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDP_off", "sf 0 101 0 010 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("STP_pre", "sf 0 101 0 011 0 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDP_pre", "sf 0 101 0 011 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDPSW_post", "01 101 0 001 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDPSW_off", "01 101 0 010 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("LDPSW_pre", "01 101 0 011 1 imm7:7 Rt2:5 Rn:5 Rt:5"),
        new Row("STNP_fp", "opc:2 101 1 000 0 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("LDNP_fp", "opc:2 101 1 000 1 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("STP_fp_post", "opc:2 101 1 001 0 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("LDP_fp_post", "opc:2 101 1 001 1 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("STP_fp_off", "opc:2 101 1 010 0 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("LDP_fp_off", "opc:2 101 1 010 1 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("STP_fp_pre", "opc:2 101 1 011 0 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
        new Row("LDP_fp_pre", "opc:2 101 1 011 1 imm7:7 Rt2:5 Rn:5 Rt:5", Feature.Fp).Undefined("opc=11"),
    ];
}
