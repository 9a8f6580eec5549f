namespace Fast.Translator.Table.Rows;

// The A64 system instructions EL0 code may execute on ARMv8.0-A (ARM ARM C4.1.66, "Branches,
// Exception Generating and System instructions": hints, barriers, system register moves, SYS).
//
// The class is SystemInstructions, not System: a class named System in Fast.Translator.Semantics
// would shadow the System namespace for every other semantics file.
//
// Decoding rules kept here, not in the semantics:
// - The whole hint space (CRn = 0010) executes as NOP on v8.0; the v8.0 hints with their own
//   meaning have rows that take priority over the generic HINT row.
// - Barriers: CLREX, DSB (any CRm, including SSBB/PSSBB), DMB, ISB. SB, TCOMMIT, DSB nXS and the
//   other post-v8.0 encodings of this class have no row: UNDEFINED.
// - MSR (immediate) (CRn = 0100) has no row: every PSTATE field v8.0 defines is EL1-only or trapped
//   from EL0 (DAIF, unless SCTLR_EL1.UMA, which Fast never sets), so it is UNDEFINED.
// - MRS/MSR (register) and SYS/SYSL decode for every register and operation; whether EL0 may
//   access it is decided at run time (CpuControl bits), and a refused access is UNDEFINED then.
[RowGroup("C4.1.66 Branches, Exception Generating and System instructions: System instructions")]
public static class SystemInstructions
{
    const string Hint = "1101010100 0 00 011 0010";
    const string Barrier = "1101010100 0 00 011 0011";
    const string Sys = "1101010100 0 01";

    public static Row[] Rows =>
    [
        // Hints. C6.2.238 NOP, C6.2.400 YIELD, C6.2.396 WFE, C6.2.397 WFI, C6.2.302 SEV, C6.2.303 SEVL,
        // C6.2.136 HINT (every other CRm:op2, including the later architectures' PAC/BTI/ESB/CSDB).
        new Row("NOP", $"{Hint} 0000 000 11111").InPriorityGroup("hints", 1),
        new Row("YIELD", $"{Hint} 0000 001 11111").InPriorityGroup("hints", 1),
        new Row("WFE", $"{Hint} 0000 010 11111").InPriorityGroup("hints", 1),
        new Row("WFI", $"{Hint} 0000 011 11111").InPriorityGroup("hints", 1),
        new Row("SEV", $"{Hint} 0000 100 11111").InPriorityGroup("hints", 1),
        new Row("SEVL", $"{Hint} 0000 101 11111").InPriorityGroup("hints", 1),
        new Row("HINT", $"{Hint} CRm:4 op2:3 11111").InPriorityGroup("hints", 0),

        // Barriers. C6.2.58 CLREX, C6.2.94 DSB, C6.2.92 DMB, C6.2.139 ISB (ends the block: the
        // context synchronization that makes a preceding IC IVAU visible to instruction fetch).
        new Row("CLREX", $"{Barrier} CRm:4 010 11111"),
        new Row("DSB", $"{Barrier} CRm:4 100 11111"),
        new Row("DMB", $"{Barrier} CRm:4 101 11111"),
        new Row("ISB", $"{Barrier} CRm:4 110 11111").EndsBlock(),

        // System register moves: op0 = 1:o0 (2 or 3). C6.2.228 MRS, C6.2.230 MSR (register).
        new Row("MRS", "1101010100 1 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5"),
        new Row("MSR_reg", "1101010100 0 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5"),

        // System instructions (op0 = 01). C6.2.78 DC ZVA/CVAU/CVAC/CIVAC and C6.2.137 IC IVAU are
        // the operations SCTLR_EL1 can open to EL0; C6.2.371 SYS and C6.2.372 SYSL cover the rest.
        new Row("DC_ZVA", $"{Sys} 011 0111 0100 001 Rt:5").InPriorityGroup("sys", 1),
        new Row("DC_CVAC", $"{Sys} 011 0111 1010 001 Rt:5").InPriorityGroup("sys", 1),
        new Row("DC_CVAU", $"{Sys} 011 0111 1011 001 Rt:5").InPriorityGroup("sys", 1),
        new Row("DC_CIVAC", $"{Sys} 011 0111 1110 001 Rt:5").InPriorityGroup("sys", 1),
        new Row("IC_IVAU", $"{Sys} 011 0111 0101 001 Rt:5").InPriorityGroup("sys", 1),
        new Row("SYS", $"{Sys} op1:3 CRn:4 CRm:4 op2:3 Rt:5").InPriorityGroup("sys", 0),
        new Row("SYSL", "1101010100 1 01 op1:3 CRn:4 CRm:4 op2:3 Rt:5"),
    ];
}
