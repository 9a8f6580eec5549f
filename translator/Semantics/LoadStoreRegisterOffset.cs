// Loads and stores with a register offset (ARM ARM C6.2: LDR/STR/LDRB/... (register), PRFM
// (register), LDR/STR (register, SIMD&FP)). The row constraints leave only the allocated options.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStoreRegisterOffset
{
    // STRB (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRB_reg(CpuState* c, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 0 : 0), 1, LoadStore.Offset);
    // LDRB (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRB_reg(CpuState* c, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 0 : 0), 1, false, 32, LoadStore.Offset);
    // LDRSB (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSB_reg(CpuState* c, uint opc0, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 0 : 0), 1, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STRH (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRH_reg(CpuState* c, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 1 : 0), 2, LoadStore.Offset);
    // LDRH (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRH_reg(CpuState* c, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 1 : 0), 2, false, 32, LoadStore.Offset);
    // LDRSH (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSH_reg(CpuState* c, uint opc0, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 1 : 0), 2, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STR (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_reg(CpuState* c, uint sz, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 2 + (int)sz : 0), 4 << (int)sz, LoadStore.Offset);
    // LDR (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_reg(CpuState* c, uint sz, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 2 + (int)sz : 0), 4 << (int)sz, false, 32 << (int)sz, LoadStore.Offset);
    // LDRSW (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSW_reg(CpuState* c, uint Rm, uint option, uint S, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.RegisterOffset(c, Rm, option, S != 0 ? 2 : 0), 4, true, 64, LoadStore.Offset);

    // PRFM (register): prefetch hint, no architectural effect
    public static void PRFM_reg(CpuState* c, uint Rm, uint option, uint S, uint Rn, uint prfop) { }

    /// <summary>Access size in bytes of the SIMD&amp;FP forms: opc&lt;1&gt; = 1 is the 128-bit Q form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FpSize(uint size, uint opc1) => opc1 != 0 ? 16 : 1 << (int)size;

    // STR (register, SIMD&FP)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_fp_reg(CpuState* c, uint size, uint opc1, uint Rm, uint option, uint S, uint Rn, uint Rt)
    {
        int bytes = FpSize(size, opc1);
        ulong offset = LoadStore.RegisterOffset(c, Rm, option, S != 0 ? System.Numerics.BitOperations.Log2((uint)bytes) : 0);
        LoadStore.StoreFp(c, Rn, Rt, offset, bytes, LoadStore.Offset);
    }

    // LDR (register, SIMD&FP)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_fp_reg(CpuState* c, uint size, uint opc1, uint Rm, uint option, uint S, uint Rn, uint Rt)
    {
        int bytes = FpSize(size, opc1);
        ulong offset = LoadStore.RegisterOffset(c, Rm, option, S != 0 ? System.Numerics.BitOperations.Log2((uint)bytes) : 0);
        LoadStore.LoadFp(c, Rn, Rt, offset, bytes, LoadStore.Offset);
    }
}
