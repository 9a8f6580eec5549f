// Disassembly of the register-offset loads and stores, in objdump's syntax.
using System.Numerics;

namespace Fast.Translator.Disassembly;

public static class LoadStoreRegisterOffset
{
    public static string STRB_reg(ulong pc, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"strb\t{Fmt.W(Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 0)}";
    public static string LDRB_reg(ulong pc, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldrb\t{Fmt.W(Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 0)}";
    public static string LDRSB_reg(ulong pc, uint opc0, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldrsb\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 0)}";
    public static string STRH_reg(ulong pc, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"strh\t{Fmt.W(Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 1)}";
    public static string LDRH_reg(ulong pc, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldrh\t{Fmt.W(Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 1)}";
    public static string LDRSH_reg(ulong pc, uint opc0, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldrsh\t{Fmt.R(opc0 ^ 1, Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 1)}";
    public static string STR_reg(ulong pc, uint sz, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"str\t{Fmt.R(sz, Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 2 + (int)sz)}";
    public static string LDR_reg(ulong pc, uint sz, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldr\t{Fmt.R(sz, Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 2 + (int)sz)}";
    public static string LDRSW_reg(ulong pc, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldrsw\t{Fmt.X(Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, 2)}";

    public static string PRFM_reg(ulong pc, uint Rm, uint option, uint S, uint Rn, uint prfop) =>
        $"prfm\t{Fmt.Prefetch(prfop)}, {Fmt.MemRegister(Rn, Rm, option, S, 3)}";

    static int FpSize(uint size, uint opc1) => opc1 != 0 ? 16 : 1 << (int)size;

    public static string STR_fp_reg(ulong pc, uint size, uint opc1, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"str\t{Fmt.FpReg(FpSize(size, opc1), Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, BitOperations.Log2((uint)FpSize(size, opc1)))}";

    public static string LDR_fp_reg(ulong pc, uint size, uint opc1, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        $"ldr\t{Fmt.FpReg(FpSize(size, opc1), Rt)}, {Fmt.MemRegister(Rn, Rm, option, S, BitOperations.Log2((uint)FpSize(size, opc1)))}";
}
