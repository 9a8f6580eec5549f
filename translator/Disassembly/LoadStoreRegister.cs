// Disassembly of the integer loads and stores in their immediate forms, in objdump's syntax.
namespace Fast.Translator.Disassembly;

public static class LoadStoreRegister
{
    // ---- unsigned offset ----
    public static string STRB_uimm(ulong pc, uint imm12, uint Rn, uint Rt) => $"strb\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, imm12)}";
    public static string LDRB_uimm(ulong pc, uint imm12, uint Rn, uint Rt) => $"ldrb\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, imm12)}";
    public static string LDRSB_uimm(ulong pc, uint opc0, uint imm12, uint Rn, uint Rt) => $"ldrsb\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemOffset(Rn, imm12)}";
    public static string STRH_uimm(ulong pc, uint imm12, uint Rn, uint Rt) => $"strh\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, (long)imm12 << 1)}";
    public static string LDRH_uimm(ulong pc, uint imm12, uint Rn, uint Rt) => $"ldrh\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, (long)imm12 << 1)}";
    public static string LDRSH_uimm(ulong pc, uint opc0, uint imm12, uint Rn, uint Rt) => $"ldrsh\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemOffset(Rn, (long)imm12 << 1)}";
    public static string STR_uimm(ulong pc, uint sz, uint imm12, uint Rn, uint Rt) => $"str\t{Fmt.R(sz, Rt)}, {Fmt.MemOffset(Rn, (long)imm12 << ((int)sz + 2))}";
    public static string LDR_uimm(ulong pc, uint sz, uint imm12, uint Rn, uint Rt) => $"ldr\t{Fmt.R(sz, Rt)}, {Fmt.MemOffset(Rn, (long)imm12 << ((int)sz + 2))}";
    public static string LDRSW_uimm(ulong pc, uint imm12, uint Rn, uint Rt) => $"ldrsw\t{Fmt.X(Rt)}, {Fmt.MemOffset(Rn, (long)imm12 << 2)}";
    public static string PRFM_uimm(ulong pc, uint imm12, uint Rn, uint prfop) => $"prfm\t{Fmt.Prefetch(prfop)}, {Fmt.MemOffset(Rn, (long)imm12 << 3)}";
    // ---- post-index ----
    public static string STRB_post(ulong pc, uint imm9, uint Rn, uint Rt) => $"strb\t{Fmt.W(Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRB_post(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldrb\t{Fmt.W(Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRSB_post(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldrsb\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STRH_post(ulong pc, uint imm9, uint Rn, uint Rt) => $"strh\t{Fmt.W(Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRH_post(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldrh\t{Fmt.W(Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRSH_post(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldrsh\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STR_post(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"str\t{Fmt.R(sz, Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDR_post(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"ldr\t{Fmt.R(sz, Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRSW_post(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldrsw\t{Fmt.X(Rt)}, {Fmt.MemPost(Rn, Fmt.SignExtend(imm9, 9))}";
    // ---- pre-index ----
    public static string STRB_pre(ulong pc, uint imm9, uint Rn, uint Rt) => $"strb\t{Fmt.W(Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRB_pre(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldrb\t{Fmt.W(Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRSB_pre(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldrsb\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STRH_pre(ulong pc, uint imm9, uint Rn, uint Rt) => $"strh\t{Fmt.W(Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRH_pre(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldrh\t{Fmt.W(Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRSH_pre(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldrsh\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STR_pre(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"str\t{Fmt.R(sz, Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDR_pre(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"ldr\t{Fmt.R(sz, Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDRSW_pre(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldrsw\t{Fmt.X(Rt)}, {Fmt.MemPre(Rn, Fmt.SignExtend(imm9, 9))}";
    // ---- unscaled ----
    public static string STURB(ulong pc, uint imm9, uint Rn, uint Rt) => $"sturb\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDURB(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldurb\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDURSB(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldursb\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STURH(ulong pc, uint imm9, uint Rn, uint Rt) => $"sturh\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDURH(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldurh\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDURSH(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldursh\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STUR(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"stur\t{Fmt.R(sz, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDUR(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"ldur\t{Fmt.R(sz, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDURSW(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldursw\t{Fmt.X(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string PRFUM(ulong pc, uint imm9, uint Rn, uint prfop) => $"prfum\t{Fmt.Prefetch(prfop)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    // ---- unprivileged ----
    public static string STTRB(ulong pc, uint imm9, uint Rn, uint Rt) => $"sttrb\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDTRB(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldtrb\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDTRSB(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldtrsb\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STTRH(ulong pc, uint imm9, uint Rn, uint Rt) => $"sttrh\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDTRH(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldtrh\t{Fmt.W(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDTRSH(ulong pc, uint opc0, uint imm9, uint Rn, uint Rt) => $"ldtrsh\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string STTR(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"sttr\t{Fmt.R(sz, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDTR(ulong pc, uint sz, uint imm9, uint Rn, uint Rt) => $"ldtr\t{Fmt.R(sz, Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
    public static string LDTRSW(ulong pc, uint imm9, uint Rn, uint Rt) => $"ldtrsw\t{Fmt.X(Rt)}, {Fmt.MemOffset(Rn, Fmt.SignExtend(imm9, 9))}";
}
