// SemanticsWarmer: runs the semantics of a list of encoding-table rows once each, on a scratch
// CpuState that belongs to no vCPU, so that a start-up thread can pay for what the first guest
// instructions would (each row's first call prepares its ReadyToRun code and resolves its calls;
// a few vector ones are JIT-compiled) while the main thread boots the OS; and the interpreter's
// block loop once (it is always JIT-compiled).
//
// Every operand field is 0: registers X0/W0/V0, immediates 0, PC 0, every register 0. So every
// load and store goes to virtual page 0, which the scratch TLB maps (read and write) to a scratch
// buffer: nothing reaches a vCPU's slow path. Rows that would leave the scratch state (system
// instructions, SVC, cache maintenance) are not to be listed; an exception from a row is ignored.
using System.Runtime.InteropServices;
using Fast.Runtime;

namespace Fast.Translator.Interpreter;

public static unsafe class SemanticsWarmer
{
    /// <summary>The rows a glibc program's start-up decodes (busybox true and sh -c; less SVC, MRS, MSR, DC ZVA, and HINT, which decodes as NOP).</summary>
    public static readonly string[] StartupRows =
    [
        "ADDP_v", "ADDS_ext", "ADDS_imm", "ADDS_shift", "ADD_ext", "ADD_imm", "ADD_shift", "ADR", "ADRP", "ANDS_imm", "ANDS_shift",
        "AND_imm", "AND_shift", "AND_v", "ASRV", "B", "BFM", "BICS_shift", "BIC_imm_16", "BIC_shift", "BIT", "BL", "BLR", "BR",
        "B_cond", "CAS", "CBNZ", "CBZ", "CCMP_imm", "CCMP_reg", "CLZ", "CMEQ_reg", "CMEQ_zero", "CMHS_reg", "CSEL", "CSINC", "CSINV",
        "CSNEG", "DMB", "DUP_gen", "EOR_imm", "EOR_shift", "EXT", "FMOV_to_gen", "LDAXR", "LDP_fp_off", "LDP_fp_pre",
        "LDP_off", "LDP_post", "LDRB_post", "LDRB_pre", "LDRB_reg", "LDRB_uimm", "LDRH_post", "LDRH_reg", "LDRH_uimm", "LDRSW_uimm",
        "LDR_fp_pre", "LDR_fp_reg", "LDR_fp_uimm", "LDR_post", "LDR_pre", "LDR_reg", "LDR_uimm", "LDUR", "LDURB", "LDUR_fp", "LDXR",
        "LD_multi", "LD_multi_post", "LSLV", "LSRV", "MADD", "MOVI_32", "MOVI_64", "MOVI_8", "MOVK", "MOVN", "MOVZ", "MSUB", "MVNI_32",
        "NOP", "ORN_shift", "ORR_imm", "ORR_shift", "RBIT", "RET", "REV", "SBFM", "SHRN", "STLR", "STLXR", "STP_fp_off", "STP_off",
        "STP_pre", "STRB_post", "STRB_reg", "STRB_uimm", "STRH_reg", "STRH_uimm", "STR_fp_post", "STR_fp_reg", "STR_fp_uimm",
        "STR_post", "STR_pre", "STR_reg", "STR_uimm", "STUR", "STURB", "STUR_fp", "STXR", "SUBS_ext", "SUBS_imm", "SUBS_shift",
        "SUB_ext", "SUB_imm", "SUB_shift", "SWP", "TBNZ", "TBZ", "UBFM", "UDIV", "UMADDL", "UMAXP", "UMINP",
    ];

    // Operand fields a zero cannot fill: a register offset's option (LSL, 0b011), a DUP's imm5 and a
    // shift by immediate's immh (0 is another class). Each is tried when the all-zero word is not the row's.
    static readonly uint[] Fillers = [0, 0x0000_6000, 0x0001_0000, 0x0008_0000];

    static uint? WordFor(int row)
    {
        ref readonly RowInfo r = ref GeneratedDecoder.Rows[row];
        foreach (uint filler in Fillers)
        {
            uint word = r.Value | (filler & ~r.Mask);
            if (Decoder.Decode(word) == row) return word;
        }
        return null;
    }

    /// <summary>Runs each named row's semantics once (a name not in the table, or without a word of zero operands that decodes to it, is skipped).</summary>
    /// <returns>How many rows ran without an exception.</returns>
    public static int Run(IEnumerable<string> rowNames)
    {
        int ran = 0;
        var rows = GeneratedDecoder.Rows;
        CpuState* c = (CpuState*)NativeMemory.AlignedAlloc(CpuState.Size, 64);
        TlbEntry* tlb = (TlbEntry*)NativeMemory.AlignedAlloc((nuint)sizeof(TlbEntry), 64);   // one entry: TlbOffsetMask stays 0
        byte* page = (byte*)NativeMemory.AlignedAlloc(2 * 4096, 4096);
        try
        {
            NativeMemory.Clear(c, CpuState.Size);
            tlb[0] = new TlbEntry { ReadTag = 0, WriteTag = 0, ExecTag = TlbEntry.InvalidTag, Addend = (long)page };
            c->Tlb = tlb;
            foreach (string name in rowNames)
            {
                int row = Decoder.IndexOf(name);
                if (row < 0) continue;
                if (WordFor(row) is not { } word) continue;
                NativeMemory.Clear(c, (nuint)sizeof(ulong) * 32);   // X0..X30 and SP back to 0 (the page's address)
                c->PC = 0;
                c->Tlb = tlb;
                try
                {
                    rows[row].Execute(c, word);
                    ran++;
                }
                catch (Exception) { }
            }
            // The interpreter's block loop (AggressiveOptimization: JIT-compiled, never precompiled), on one NOP.
            int nop = Decoder.Decode(0xD503201F);
            var instruction = new DecodedInstruction { Execute = rows[nop].Execute, Word = 0xD503201F, Row = nop };
            Interpreter.ExecuteBlock(c, new DecodedBlock(0, 0, &instruction, 1, endsWithControl: false), 1);
        }
        finally
        {
            NativeMemory.AlignedFree(page);
            NativeMemory.AlignedFree(tlb);
            NativeMemory.AlignedFree(c);
        }
        return ran;
    }
}
