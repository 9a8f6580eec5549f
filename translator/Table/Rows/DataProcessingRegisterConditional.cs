namespace Fast.Translator.Table.Rows;

// ARM ARM C4.1.88: Conditional compare (register), (immediate) and conditional select.
// The o2/o3 bits of conditional compare and bit 11 (op2<1>) of conditional select must be 0.
[RowGroup("C4.1.88 Data Processing -- Register: Conditional compare and conditional select")]
public static class DataProcessingRegisterConditional
{
    public static Row[] Rows =>
    [
        // Conditional compare: sf op S=1 11010010 Rm|imm5 cond (0 reg, 1 imm) o2=0 Rn o3=0 nzcv.
        new Row("CCMN_reg", "sf 0 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4"),
        new Row("CCMN_imm", "sf 0 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4"),
        new Row("CCMP_reg", "sf 1 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4"),
        new Row("CCMP_imm", "sf 1 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4"),

        // Conditional select: sf op S=0 11010100 Rm cond op2 Rn Rd.
        new Row("CSEL", "sf 0 0 11010100 Rm:5 cond:4 00 Rn:5 Rd:5"),
        new Row("CSINC", "sf 0 0 11010100 Rm:5 cond:4 01 Rn:5 Rd:5"),
        new Row("CSINV", "sf 1 0 11010100 Rm:5 cond:4 00 Rn:5 Rd:5"),
        new Row("CSNEG", "sf 1 0 11010100 Rm:5 cond:4 01 Rn:5 Rd:5"),
    ];
}
