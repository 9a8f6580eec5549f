namespace Fast.Translator.Table.Rows;

// ARM ARM C4.1.88 Logical (shifted register): sf opc 01010 shift N Rm imm6 Rn Rd.
// All four shift types (LSL, LSR, ASR, ROR) are allowed; a 32-bit form with imm6<5> = 1 is UNDEFINED.
[RowGroup("C4.1.88 Data Processing -- Register: Logical (shifted register)")]
public static class DataProcessingRegisterLogical
{
    public static Row[] Rows =>
    [
        Logical(new Row("AND_shift", "sf 00 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("BIC_shift", "sf 00 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("ORR_shift", "sf 01 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("ORN_shift", "sf 01 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("EOR_shift", "sf 10 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("EON_shift", "sf 10 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("ANDS_shift", "sf 11 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Logical(new Row("BICS_shift", "sf 11 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5")),
    ];

    static Row Logical(Row row) => row.Undefined("sf=0 imm6=1xxxxx");
}
