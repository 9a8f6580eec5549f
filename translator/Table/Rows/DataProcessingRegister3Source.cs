namespace Fast.Translator.Table.Rows;

// ARM ARM C4.1.88 Data-processing (3 source): sf op54 11011 op31 Rm o0 Ra Rn Rd. Only op54=00 is
// allocated; the widening multiplies exist only with sf=1. SMULH/UMULH have Ra as should-be-ones
// (11111); other values are CONSTRAINED UNPREDICTABLE and, like objdump, are treated as SMULH/UMULH.
[RowGroup("C4.1.88 Data Processing -- Register: Data-processing (3 source)")]
public static class DataProcessingRegister3Source
{
    public static Row[] Rows =>
    [
        new Row("MADD", "sf 00 11011 000 Rm:5 0 Ra:5 Rn:5 Rd:5"),
        new Row("MSUB", "sf 00 11011 000 Rm:5 1 Ra:5 Rn:5 Rd:5"),
        new Row("SMADDL", "1 00 11011 001 Rm:5 0 Ra:5 Rn:5 Rd:5"),
        new Row("SMSUBL", "1 00 11011 001 Rm:5 1 Ra:5 Rn:5 Rd:5"),
        new Row("SMULH", "1 00 11011 010 Rm:5 0 Ra:5 Rn:5 Rd:5"),
        new Row("UMADDL", "1 00 11011 101 Rm:5 0 Ra:5 Rn:5 Rd:5"),
        new Row("UMSUBL", "1 00 11011 101 Rm:5 1 Ra:5 Rn:5 Rd:5"),
        new Row("UMULH", "1 00 11011 110 Rm:5 0 Ra:5 Rn:5 Rd:5"),
    ];
}
