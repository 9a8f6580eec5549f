namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1.66 Branches, Exception Generating and System instructions: Exception generation")]
public static class ExceptionGeneration
{
    public static Row[] Rows =>
    [
        // C6.2.365 SVC: supervisor call; the preferred return address is the next instruction.
        new Row("SVC", "11010100 000 imm16:16 000 01").EndsBlock(),
        // C6.2.49 BRK: breakpoint; the preferred return address is the BRK itself.
        new Row("BRK", "11010100 001 imm16:16 000 00").EndsBlock(),
        // C6.2.135 HLT: with halting debug disabled (always, at EL0) it is UNDEFINED; kept as a row so
        // the disassembler names it and the OS can tell it from other undefined words.
        new Row("HLT", "11010100 010 imm16:16 000 00").EndsBlock(),
        // C6.2.380 UDF: permanently undefined.
        new Row("UDF", "0000000000000000 imm16:16").EndsBlock(),
    ];
}
