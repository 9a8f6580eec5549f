namespace Fast.Translator.Table.Rows;

// Loads and stores with a register offset: [Xn|SP, Rm{, extend {#amount}}], where the offset is
// ExtendReg(Rm, option, S ? scale : 0). Only option 010 (UXTW), 011 (LSL/UXTX), 110 (SXTW) and
// 111 (SXTX) are allocated: option<1> == 0 is UNDEFINED (ARM ARM C6.2, LDR (register) decode).
[RowGroup("C4.1 Loads and Stores: Load/store register (register offset)")]
public static class LoadStoreRegisterOffset
{
    public static Row[] Rows =>
    [
        new Row("STRB_reg", "00 111 0 00 00 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("LDRB_reg", "00 111 0 00 01 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("LDRSB_reg", "00 111 0 00 1 opc0 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("STRH_reg", "01 111 0 00 00 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("LDRH_reg", "01 111 0 00 01 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("LDRSH_reg", "01 111 0 00 1 opc0 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("STR_reg", "1 sz 111 0 00 00 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("LDR_reg", "1 sz 111 0 00 01 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        new Row("LDRSW_reg", "10 111 0 00 10 1 Rm:5 option:3 S 10 Rn:5 Rt:5").Undefined("option=x0x"),
        // PRFM (register): a hint; no memory access, no fault
        new Row("PRFM_reg", "11 111 0 00 10 1 Rm:5 option:3 S 10 Rn:5 prfop:5").Undefined("option=x0x"),
        // STR/LDR (register, SIMD&FP): size:opc1 = B, H, S, D (opc1 = 0) or Q (size 00, opc1 = 1)
        new Row("STR_fp_reg", "size:2 111 1 00 opc1 0 1 Rm:5 option:3 S 10 Rn:5 Rt:5", Feature.Fp)
            .Undefined("option=x0x").Undefined("size=01 opc1=1").Undefined("size=1x opc1=1"),
        new Row("LDR_fp_reg", "size:2 111 1 00 opc1 1 1 Rm:5 option:3 S 10 Rn:5 Rt:5", Feature.Fp)
            .Undefined("option=x0x").Undefined("size=01 opc1=1").Undefined("size=1x opc1=1"),
    ];
}
