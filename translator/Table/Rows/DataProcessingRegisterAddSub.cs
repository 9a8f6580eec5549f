namespace Fast.Translator.Table.Rows;

// ARM ARM C4.1.88: Add/subtract (shifted register), (extended register) and (with carry).
[RowGroup("C4.1.88 Data Processing -- Register: Add/subtract (shifted register, extended register, with carry)")]
public static class DataProcessingRegisterAddSub
{
    public static Row[] Rows =>
    [
        // Shifted register: sf op S 01011 shift 0 Rm imm6 Rn Rd; shift=11 (ROR) is reserved and a
        // 32-bit form with imm6<5> = 1 is UNDEFINED.
        Shifted(new Row("ADD_shift", "sf 0 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Shifted(new Row("ADDS_shift", "sf 0 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Shifted(new Row("SUB_shift", "sf 1 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),
        Shifted(new Row("SUBS_shift", "sf 1 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5")),

        // Extended register: sf op S 01011 opt=00 1 Rm option imm3 Rn Rd; imm3 > 4 is reserved.
        // Rn is Xn|SP; Rd is Xd|SP for ADD/SUB and Xd|XZR for ADDS/SUBS.
        Extended(new Row("ADD_ext", "sf 0 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5")),
        Extended(new Row("ADDS_ext", "sf 0 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5")),
        Extended(new Row("SUB_ext", "sf 1 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5")),
        Extended(new Row("SUBS_ext", "sf 1 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5")),

        // With carry: sf op S 11010000 Rm 000000 Rn Rd.
        new Row("ADC", "sf 0 0 11010000 Rm:5 000000 Rn:5 Rd:5"),
        new Row("ADCS", "sf 0 1 11010000 Rm:5 000000 Rn:5 Rd:5"),
        new Row("SBC", "sf 1 0 11010000 Rm:5 000000 Rn:5 Rd:5"),
        new Row("SBCS", "sf 1 1 11010000 Rm:5 000000 Rn:5 Rd:5"),
    ];

    static Row Shifted(Row row) => row.Undefined("shift=11").Undefined("sf=0 imm6=1xxxxx");

    static Row Extended(Row row) => row.Undefined("imm3=101").Undefined("imm3=11x");
}
