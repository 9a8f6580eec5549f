// Disassembly of the system instructions (hints, barriers, MRS/MSR, SYS), in objdump's syntax.
// (Class SystemInstructions: a class named System would shadow the System namespace.)
namespace Fast.Translator.Disassembly;

public static class SystemInstructions
{
    public static string NOP(ulong pc) => "nop";
    public static string YIELD(ulong pc) => "yield";
    public static string WFE(ulong pc) => "wfe";
    public static string WFI(ulong pc) => "wfi";
    public static string SEV(ulong pc) => "sev";
    public static string SEVL(ulong pc) => "sevl";
    public static string HINT(ulong pc, uint CRm, uint op2) => Fmt.HintName(CRm, op2);

    public static string CLREX(ulong pc, uint CRm) => CRm == 15 ? "clrex" : $"clrex\t{Fmt.Hex(CRm)}";
    public static string DSB(ulong pc, uint CRm) => CRm switch
    {
        0 => "ssbb",
        4 => "pssbb",
        _ => $"dsb\t{Fmt.BarrierOption(CRm)}",
    };
    public static string DMB(ulong pc, uint CRm) => $"dmb\t{Fmt.BarrierOption(CRm)}";
    public static string ISB(ulong pc, uint CRm) => CRm == 15 ? "isb" : $"isb\t{Fmt.Hex(CRm)}";

    public static string MRS(ulong pc, uint o0, uint op1, uint CRn, uint CRm, uint op2, uint Rt) =>
        $"mrs\t{Fmt.X(Rt)}, {Fmt.SystemRegister(o0, op1, CRn, CRm, op2, write: false)}";
    public static string MSR_reg(ulong pc, uint o0, uint op1, uint CRn, uint CRm, uint op2, uint Rt) =>
        $"msr\t{Fmt.SystemRegister(o0, op1, CRn, CRm, op2, write: true)}, {Fmt.X(Rt)}";

    public static string DC_ZVA(ulong pc, uint Rt) => $"dc\tzva, {Fmt.X(Rt)}";
    public static string DC_CVAC(ulong pc, uint Rt) => $"dc\tcvac, {Fmt.X(Rt)}";
    public static string DC_CVAU(ulong pc, uint Rt) => $"dc\tcvau, {Fmt.X(Rt)}";
    public static string DC_CIVAC(ulong pc, uint Rt) => $"dc\tcivac, {Fmt.X(Rt)}";
    public static string IC_IVAU(ulong pc, uint Rt) => $"ic\tivau, {Fmt.X(Rt)}";
    public static string SYS(ulong pc, uint op1, uint CRn, uint CRm, uint op2, uint Rt) => Fmt.SystemOperation(op1, CRn, CRm, op2, Rt);
    public static string SYSL(ulong pc, uint op1, uint CRn, uint CRm, uint op2, uint Rt) =>
        $"sysl\t{Fmt.X(Rt)}, #{op1}, C{CRn}, C{CRm}, #{op2}";
}
