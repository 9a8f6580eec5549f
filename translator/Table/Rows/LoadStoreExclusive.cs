namespace Fast.Translator.Table.Rows;

// Exclusives and the ordered (acquire/release) accesses of ARMv8.0. Bits 23 (o2), 22 (L), 21 (o1)
// and 15 (o0) select the instruction. The Rs/Rt2 fields an instruction does not use "should be
// 11111": like objdump, the exclusives ignore them; LDAR requires them (objdump decodes LDAR only
// with Rs = Rt2 = 11111, STLR with any). STLLR/LDLAR (o2 = 1, o0 = 0) are FEAT_LOR (ARMv8.1) and
// stay UNDEFINED; CAS/CASP (o1 = 1) are FEAT_LSE rows in LoadStoreAtomic.
[RowGroup("C4.1 Loads and Stores: Load/store exclusive register, Load/store exclusive pair, Load/store ordered")]
public static class LoadStoreExclusive
{
    public static Row[] Rows =>
    [
        new Row("STXR", "size:2 001000 0 0 0 Rs:5 0 xxxxx Rn:5 Rt:5"),
        new Row("STLXR", "size:2 001000 0 0 0 Rs:5 1 xxxxx Rn:5 Rt:5"),
        new Row("LDXR", "size:2 001000 0 1 0 xxxxx 0 xxxxx Rn:5 Rt:5"),
        new Row("LDAXR", "size:2 001000 0 1 0 xxxxx 1 xxxxx Rn:5 Rt:5"),
        // The pairs: sz = size<0> selects W or X registers (size 0x with o1 = 1 is CASP)
        new Row("STXP", "1 sz 001000 0 0 1 Rs:5 0 Rt2:5 Rn:5 Rt:5"),
        new Row("STLXP", "1 sz 001000 0 0 1 Rs:5 1 Rt2:5 Rn:5 Rt:5"),
        new Row("LDXP", "1 sz 001000 0 1 1 xxxxx 0 Rt2:5 Rn:5 Rt:5"),
        new Row("LDAXP", "1 sz 001000 0 1 1 xxxxx 1 Rt2:5 Rn:5 Rt:5"),
        new Row("STLR", "size:2 001000 1 0 0 xxxxx 1 xxxxx Rn:5 Rt:5"),
        new Row("LDAR", "size:2 001000 1 1 0 11111 1 11111 Rn:5 Rt:5"),
    ];
}
