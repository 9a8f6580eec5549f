namespace Fast.Translator.Table.Rows;

// ARM ARM C4.1.86: PC-rel. addressing, add/subtract (immediate), logical (immediate), move wide
// (immediate), bitfield and extract. The tagged add/subtract, min/max (immediate) and other later
// extensions of this encoding group are not ARMv8.0-A and are left unallocated here.
[RowGroup("C4.1.86 Data Processing -- Immediate")]
public static class DataProcessingImmediate
{
    public static Row[] Rows =>
    [
        // C4.1.86 PC-rel. addressing
        new Row("ADR", "0 immlo:2 10000 immhi:19 Rd:5"),
        new Row("ADRP", "1 immlo:2 10000 immhi:19 Rd:5"),

        // C4.1.86 Add/subtract (immediate); bit 23 set is the tagged form (FEAT_MTE), unallocated.
        new Row("ADD_imm", "sf 0 0 100010 sh imm12:12 Rn:5 Rd:5"),
        new Row("ADDS_imm", "sf 0 1 100010 sh imm12:12 Rn:5 Rd:5"),
        new Row("SUB_imm", "sf 1 0 100010 sh imm12:12 Rn:5 Rd:5"),
        new Row("SUBS_imm", "sf 1 1 100010 sh imm12:12 Rn:5 Rd:5"),

        // C4.1.86 Logical (immediate). DecodeBitMasks(N, imms, immr, TRUE) is reserved exactly when
        // len = HighestSetBit(N:NOT(imms)) < 1 or imms<len-1:0> is all ones, i.e. for N=1 imms=111111 and
        // for N=0 imms in {011111, 101111, 110111, 111011, 111101, 11111x}; sf=0 N=1 is UNDEFINED.
        LogicalImmediate(new Row("AND_imm", "sf 00 100100 N immr:6 imms:6 Rn:5 Rd:5")),
        LogicalImmediate(new Row("ORR_imm", "sf 01 100100 N immr:6 imms:6 Rn:5 Rd:5")),
        LogicalImmediate(new Row("EOR_imm", "sf 10 100100 N immr:6 imms:6 Rn:5 Rd:5")),
        LogicalImmediate(new Row("ANDS_imm", "sf 11 100100 N immr:6 imms:6 Rn:5 Rd:5")),

        // C4.1.86 Move wide (immediate): opc=01 unallocated; sf=0 with hw=1x UNDEFINED.
        new Row("MOVN", "sf 00 100101 hw:2 imm16:16 Rd:5").Undefined("sf=0 hw=1x"),
        new Row("MOVZ", "sf 10 100101 hw:2 imm16:16 Rd:5").Undefined("sf=0 hw=1x"),
        new Row("MOVK", "sf 11 100101 hw:2 imm16:16 Rd:5").Undefined("sf=0 hw=1x"),

        // C4.1.86 Bitfield: N must equal sf; the 32-bit forms have immr<5> = imms<5> = 0.
        Bitfield(new Row("SBFM", "sf 00 100110 N immr:6 imms:6 Rn:5 Rd:5")),
        Bitfield(new Row("BFM", "sf 01 100110 N immr:6 imms:6 Rn:5 Rd:5")),
        Bitfield(new Row("UBFM", "sf 10 100110 N immr:6 imms:6 Rn:5 Rd:5")),

        // C4.1.86 Extract: op21=00 and o0=0 only; N must equal sf; 32-bit imms<5> = 0.
        new Row("EXTR", "sf 00 100111 N 0 Rm:5 imms:6 Rn:5 Rd:5")
            .Undefined("sf=1 N=0").Undefined("sf=0 N=1").Undefined("sf=0 imms=1xxxxx"),
    ];

    static Row LogicalImmediate(Row row) => row
        .Undefined("sf=0 N=1")
        .Undefined("N=1 imms=111111")
        .Undefined("N=0 imms=011111")
        .Undefined("N=0 imms=101111")
        .Undefined("N=0 imms=110111")
        .Undefined("N=0 imms=111011")
        .Undefined("N=0 imms=111101")
        .Undefined("N=0 imms=11111x");

    static Row Bitfield(Row row) => row
        .Undefined("sf=1 N=0")
        .Undefined("sf=0 N=1")
        .Undefined("sf=0 immr=1xxxxx")
        .Undefined("sf=0 imms=1xxxxx");
}
