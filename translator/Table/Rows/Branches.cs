namespace Fast.Translator.Table.Rows;

// The A64 branches of ARMv8.0-A (ARM ARM C4.1.65, "Branches, Exception Generating and System
// instructions"): immediate, conditional, compare-and-branch, test-and-branch and register forms.
// The v8.3 pointer-authentication register branches (BRAA, BLRAA, RETAA, ...), ERET and DRPS
// (EL1 and above only) have no row, so they decode as UNDEFINED, as they are at EL0 on v8.0.
[RowGroup("C4.1.65 Branches, Exception Generating and System instructions: branches")]
public static class Branches
{
    public static Row[] Rows =>
    [
        // Unconditional branch (immediate). C6.2.26 B, C6.2.34 BL.
        new Row("B", "0 00101 imm26:26").EndsBlock(),
        new Row("BL", "1 00101 imm26:26").EndsBlock(),
        // Conditional branch (immediate), o1 = 0 and o0 = 0. C6.2.25 B.cond. (o0 = 1 is BC.cond, v8.8.)
        new Row("B_cond", "0101010 0 imm19:19 0 cond:4").EndsBlock(),
        // Compare and branch (immediate). C6.2.47 CBZ, C6.2.46 CBNZ.
        new Row("CBZ", "sf 011010 0 imm19:19 Rt:5").EndsBlock(),
        new Row("CBNZ", "sf 011010 1 imm19:19 Rt:5").EndsBlock(),
        // Test and branch (immediate). C6.2.375 TBZ, C6.2.374 TBNZ.
        new Row("TBZ", "b5 011011 0 b40:5 imm14:14 Rt:5").EndsBlock(),
        new Row("TBNZ", "b5 011011 1 b40:5 imm14:14 Rt:5").EndsBlock(),
        // Unconditional branch (register), op2 = 11111, op3 = 000000, op4 = 00000.
        // C6.2.37 BR, C6.2.35 BLR, C6.2.254 RET.
        new Row("BR", "1101011 0000 11111 000000 Rn:5 00000").EndsBlock(),
        new Row("BLR", "1101011 0001 11111 000000 Rn:5 00000").EndsBlock(),
        new Row("RET", "1101011 0010 11111 000000 Rn:5 00000").EndsBlock(),
    ];
}
