// Disassembly of the load/store pair instructions, in objdump's syntax.
namespace Fast.Translator.Disassembly;

public static class LoadStorePair
{
    static long Off(uint imm7, int scale) => Fmt.SignExtend(imm7, 7) << scale;

    public static string STNP(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stnp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)sf))}";
    public static string LDNP(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldnp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)sf))}";
    public static string STP_post(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemPost(Rn, Off(imm7, 2 + (int)sf))}";
    public static string LDP_post(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemPost(Rn, Off(imm7, 2 + (int)sf))}";
    public static string STP_off(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)sf))}";
    public static string LDP_off(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)sf))}";
    public static string STP_pre(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemPre(Rn, Off(imm7, 2 + (int)sf))}";
    public static string LDP_pre(ulong pc, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldp\t{Fmt.R(sf, Rt)}, {Fmt.R(sf, Rt2)}, {Fmt.MemPre(Rn, Off(imm7, 2 + (int)sf))}";
    public static string LDPSW_post(ulong pc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldpsw\t{Fmt.X(Rt)}, {Fmt.X(Rt2)}, {Fmt.MemPost(Rn, Off(imm7, 2))}";
    public static string LDPSW_off(ulong pc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldpsw\t{Fmt.X(Rt)}, {Fmt.X(Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2))}";
    public static string LDPSW_pre(ulong pc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldpsw\t{Fmt.X(Rt)}, {Fmt.X(Rt2)}, {Fmt.MemPre(Rn, Off(imm7, 2))}";
    public static string STNP_fp(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stnp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)opc))}";
    public static string LDNP_fp(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldnp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)opc))}";
    public static string STP_fp_post(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemPost(Rn, Off(imm7, 2 + (int)opc))}";
    public static string LDP_fp_post(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemPost(Rn, Off(imm7, 2 + (int)opc))}";
    public static string STP_fp_off(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)opc))}";
    public static string LDP_fp_off(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemOffset(Rn, Off(imm7, 2 + (int)opc))}";
    public static string STP_fp_pre(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"stp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemPre(Rn, Off(imm7, 2 + (int)opc))}";
    public static string LDP_fp_pre(ulong pc, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        $"ldp\t{Fmt.FpReg(4 << (int)opc, Rt)}, {Fmt.FpReg(4 << (int)opc, Rt2)}, {Fmt.MemPre(Rn, Off(imm7, 2 + (int)opc))}";
}
