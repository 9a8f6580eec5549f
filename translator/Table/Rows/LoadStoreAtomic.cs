namespace Fast.Translator.Table.Rows;

// FEAT_LSE: the atomic memory operations LD<op> and SWP (A = acquire, R = release, size = B/H/W/X;
// ST<op> is LD<op> with Rt = 31 and A = 0, an alias only the disassembler knows), CAS (L = acquire,
// o0 = release) and CASP (even register pairs only: an odd Rs or Rt is UNDEFINED). Unallocated
// o3:opc combinations of the atomic space have no row; LDAPR (FEAT_LRCPC) is not implemented.
[RowGroup("C4.1 Loads and Stores: Atomic memory operations, Compare and swap, Compare and swap pair")]
public static class LoadStoreAtomic
{
    public static Row[] Rows =>
    [
        new Row("LDADD", "size:2 111 0 00 A R 1 Rs:5 0 000 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDCLR", "size:2 111 0 00 A R 1 Rs:5 0 001 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDEOR", "size:2 111 0 00 A R 1 Rs:5 0 010 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDSET", "size:2 111 0 00 A R 1 Rs:5 0 011 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDSMAX", "size:2 111 0 00 A R 1 Rs:5 0 100 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDSMIN", "size:2 111 0 00 A R 1 Rs:5 0 101 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDUMAX", "size:2 111 0 00 A R 1 Rs:5 0 110 00 Rn:5 Rt:5", Feature.Lse),
        new Row("LDUMIN", "size:2 111 0 00 A R 1 Rs:5 0 111 00 Rn:5 Rt:5", Feature.Lse),
        new Row("SWP", "size:2 111 0 00 A R 1 Rs:5 1 000 00 Rn:5 Rt:5", Feature.Lse),
        new Row("CAS", "size:2 001000 1 L 1 Rs:5 o0 11111 Rn:5 Rt:5", Feature.Lse),
        new Row("CASP", "0 sz 001000 0 L 1 Rs:5 o0 11111 Rn:5 Rt:5", Feature.Lse).Undefined("Rs=xxxx1").Undefined("Rt=xxxx1"),
    ];
}
