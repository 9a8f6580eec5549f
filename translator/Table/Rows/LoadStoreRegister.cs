namespace Fast.Translator.Table.Rows;

// The integer LDR/STR family in its immediate addressing forms (ARM ARM C4.1, Loads and Stores):
// unsigned scaled offset, post-index, pre-index, unscaled (LDUR/STUR) and unprivileged
// (LDTR/STTR). Fields: sz = size<0> (W/X), opc0 = opc<0> (1: sign-extend to W, 0: to X),
// prfop = the Rt field of a prefetch. Unallocated size/opc combinations have no row (UNDEFINED).
[RowGroup("C4.1 Loads and Stores: Load/store register (unsigned immediate, immediate post-indexed, immediate pre-indexed, unscaled immediate, unprivileged)")]
public static class LoadStoreRegister
{
    public static Row[] Rows =>
    [
        // Load/store register (unsigned offset)
        new Row("STRB_uimm", "00 111 0 01 00 imm12:12 Rn:5 Rt:5"),
        new Row("LDRB_uimm", "00 111 0 01 01 imm12:12 Rn:5 Rt:5"),
        new Row("LDRSB_uimm", "00 111 0 01 1 opc0 imm12:12 Rn:5 Rt:5"),
        new Row("STRH_uimm", "01 111 0 01 00 imm12:12 Rn:5 Rt:5"),
        new Row("LDRH_uimm", "01 111 0 01 01 imm12:12 Rn:5 Rt:5"),
        new Row("LDRSH_uimm", "01 111 0 01 1 opc0 imm12:12 Rn:5 Rt:5"),
        new Row("STR_uimm", "1 sz 111 0 01 00 imm12:12 Rn:5 Rt:5"),
        new Row("LDR_uimm", "1 sz 111 0 01 01 imm12:12 Rn:5 Rt:5"),
        new Row("LDRSW_uimm", "10 111 0 01 10 imm12:12 Rn:5 Rt:5"),
        // PRFM (immediate): a hint; no memory access, no fault
        new Row("PRFM_uimm", "11 111 0 01 10 imm12:12 Rn:5 prfop:5"),
        // Load/store register (post-index)
        new Row("STRB_post", "00 111 0 00 00 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("LDRB_post", "00 111 0 00 01 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("LDRSB_post", "00 111 0 00 1 opc0 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("STRH_post", "01 111 0 00 00 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("LDRH_post", "01 111 0 00 01 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("LDRSH_post", "01 111 0 00 1 opc0 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("STR_post", "1 sz 111 0 00 00 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("LDR_post", "1 sz 111 0 00 01 0 imm9:9 01 Rn:5 Rt:5"),
        new Row("LDRSW_post", "10 111 0 00 10 0 imm9:9 01 Rn:5 Rt:5"),
        // Load/store register (pre-index)
        new Row("STRB_pre", "00 111 0 00 00 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("LDRB_pre", "00 111 0 00 01 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("LDRSB_pre", "00 111 0 00 1 opc0 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("STRH_pre", "01 111 0 00 00 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("LDRH_pre", "01 111 0 00 01 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("LDRSH_pre", "01 111 0 00 1 opc0 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("STR_pre", "1 sz 111 0 00 00 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("LDR_pre", "1 sz 111 0 00 01 0 imm9:9 11 Rn:5 Rt:5"),
        new Row("LDRSW_pre", "10 111 0 00 10 0 imm9:9 11 Rn:5 Rt:5"),
        // Load/store register (unscaled)
        new Row("STURB", "00 111 0 00 00 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("LDURB", "00 111 0 00 01 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("LDURSB", "00 111 0 00 1 opc0 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("STURH", "01 111 0 00 00 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("LDURH", "01 111 0 00 01 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("LDURSH", "01 111 0 00 1 opc0 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("STUR", "1 sz 111 0 00 00 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("LDUR", "1 sz 111 0 00 01 0 imm9:9 00 Rn:5 Rt:5"),
        new Row("LDURSW", "10 111 0 00 10 0 imm9:9 00 Rn:5 Rt:5"),
        // PRFUM: a hint; no memory access, no fault
        new Row("PRFUM", "11 111 0 00 10 0 imm9:9 00 Rn:5 prfop:5"),
        // Load/store register (unprivileged): at EL0 the unprivileged forms are ordinary accesses
        new Row("STTRB", "00 111 0 00 00 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("LDTRB", "00 111 0 00 01 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("LDTRSB", "00 111 0 00 1 opc0 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("STTRH", "01 111 0 00 00 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("LDTRH", "01 111 0 00 01 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("LDTRSH", "01 111 0 00 1 opc0 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("STTR", "1 sz 111 0 00 00 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("LDTR", "1 sz 111 0 00 01 0 imm9:9 10 Rn:5 Rt:5"),
        new Row("LDTRSW", "10 111 0 00 10 0 imm9:9 10 Rn:5 Rt:5"),
    ];
}
