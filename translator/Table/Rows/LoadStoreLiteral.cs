namespace Fast.Translator.Table.Rows;

// PC-relative loads: the address is PC + SignExtend(imm19:00). opc 11 of the SIMD&FP form is
// unallocated; opc 11 of the integer form is PRFM (literal).
[RowGroup("C4.1 Loads and Stores: Load register (literal)")]
public static class LoadStoreLiteral
{
    public static Row[] Rows =>
    [
        // LDR (literal): sz = opc<0> selects W or X
        new Row("LDR_lit", "0 sz 011 0 00 imm19:19 Rt:5"),
        new Row("LDRSW_lit", "10 011 0 00 imm19:19 Rt:5"),
        // PRFM (literal): a hint; no memory access, no fault
        new Row("PRFM_lit", "11 011 0 00 imm19:19 prfop:5"),
        // LDR (literal, SIMD&FP): opc 00 S, 01 D, 10 Q
        new Row("LDR_fp_lit", "opc:2 011 1 00 imm19:19 Rt:5", Feature.Fp).Undefined("opc=11"),
    ];
}
