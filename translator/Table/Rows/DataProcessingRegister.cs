namespace Fast.Translator.Table.Rows;

// ARM ARM C4.1.88: Data-processing (2 source) and (1 source), the ARMv8.0-A instructions plus
// CRC32 (FEAT_CRC32). Pointer authentication, SUBP/IRG/GMI (MTE) and the CSSC additions are not
// ARMv8.0-A and stay unallocated here.
[RowGroup("C4.1.88 Data Processing -- Register: Data-processing (2 source) and (1 source)")]
public static class DataProcessingRegister
{
    public static Row[] Rows =>
    [
        // C4.1.88 Data-processing (2 source): sf 0 S=0 11010110 Rm opcode Rn Rd
        new Row("UDIV", "sf 0 0 11010110 Rm:5 000010 Rn:5 Rd:5"),
        new Row("SDIV", "sf 0 0 11010110 Rm:5 000011 Rn:5 Rd:5"),
        new Row("LSLV", "sf 0 0 11010110 Rm:5 001000 Rn:5 Rd:5"),
        new Row("LSRV", "sf 0 0 11010110 Rm:5 001001 Rn:5 Rd:5"),
        new Row("ASRV", "sf 0 0 11010110 Rm:5 001010 Rn:5 Rd:5"),
        new Row("RORV", "sf 0 0 11010110 Rm:5 001011 Rn:5 Rd:5"),
        // CRC32B/H/W (sf=0, sz=00/01/10) and CRC32X (sf=1, sz=11); other sf/sz pairs are unallocated.
        new Row("CRC32", "sf 0 0 11010110 Rm:5 0100 sz:2 Rn:5 Rd:5", Feature.Crc32)
            .Undefined("sf=0 sz=11").Undefined("sf=1 sz=0x").Undefined("sf=1 sz=10"),
        new Row("CRC32C", "sf 0 0 11010110 Rm:5 0101 sz:2 Rn:5 Rd:5", Feature.Crc32)
            .Undefined("sf=0 sz=11").Undefined("sf=1 sz=0x").Undefined("sf=1 sz=10"),

        // C4.1.88 Data-processing (1 source): sf 1 S=0 11010110 opcode2=00000 opcode Rn Rd
        new Row("RBIT", "sf 1 0 11010110 00000 000000 Rn:5 Rd:5"),
        new Row("REV16", "sf 1 0 11010110 00000 000001 Rn:5 Rd:5"),
        // REV32 is the 64-bit opc=10; REV is opc=10 for 32 bits and opc=11 for 64 bits. The REV row's
        // opc<0> must equal sf: its sf=1 opc<0>=0 words belong to REV32, which decodes first.
        new Row("REV32", "1 1 0 11010110 00000 000010 Rn:5 Rd:5").InPriorityGroup("REV32/REV", 1),
        new Row("REV", "sf 1 0 11010110 00000 00001 opc0 Rn:5 Rd:5").InPriorityGroup("REV32/REV", 0)
            .Undefined("sf=0 opc0=1"),
        new Row("CLZ", "sf 1 0 11010110 00000 000100 Rn:5 Rd:5"),
        new Row("CLS", "sf 1 0 11010110 00000 000101 Rn:5 Rd:5"),
    ];
}
