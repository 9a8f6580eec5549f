// SIMD&FP register loads and stores, immediate forms (ARM ARM C7.2: LDR/STR (immediate, SIMD&FP),
// LDUR/STUR (SIMD&FP)). A load of B/H/S/D zeroes the rest of the 128-bit register.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStoreFp
{
    /// <summary>Access size in bytes: opc&lt;1&gt; = 1 is the 128-bit Q form, else 1 &lt;&lt; size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Size(uint size, uint opc1) => opc1 != 0 ? 16 : 1 << (int)size;

    /// <summary>The scaled unsigned offset imm12 * access size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Scaled(uint imm12, uint size, uint opc1) => (ulong)imm12 * (ulong)Size(size, opc1);

    // STR (immediate, SIMD&FP), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_fp_uimm(CpuState* c, uint size, uint opc1, uint imm12, uint Rn, uint Rt) =>
        LoadStore.StoreFp(c, Rn, Rt, Scaled(imm12, size, opc1), Size(size, opc1), LoadStore.Offset);

    // LDR (immediate, SIMD&FP), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_fp_uimm(CpuState* c, uint size, uint opc1, uint imm12, uint Rn, uint Rt) =>
        LoadStore.LoadFp(c, Rn, Rt, Scaled(imm12, size, opc1), Size(size, opc1), LoadStore.Offset);

    // STR (immediate, SIMD&FP), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_fp_post(CpuState* c, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        LoadStore.StoreFp(c, Rn, Rt, LoadStore.Imm9(imm9), Size(size, opc1), LoadStore.PostIndex);

    // LDR (immediate, SIMD&FP), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_fp_post(CpuState* c, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        LoadStore.LoadFp(c, Rn, Rt, LoadStore.Imm9(imm9), Size(size, opc1), LoadStore.PostIndex);

    // STR (immediate, SIMD&FP), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_fp_pre(CpuState* c, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        LoadStore.StoreFp(c, Rn, Rt, LoadStore.Imm9(imm9), Size(size, opc1), LoadStore.PreIndex);

    // LDR (immediate, SIMD&FP), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_fp_pre(CpuState* c, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        LoadStore.LoadFp(c, Rn, Rt, LoadStore.Imm9(imm9), Size(size, opc1), LoadStore.PreIndex);

    // STUR (SIMD&FP)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STUR_fp(CpuState* c, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        LoadStore.StoreFp(c, Rn, Rt, LoadStore.Imm9(imm9), Size(size, opc1), LoadStore.Offset);

    // LDUR (SIMD&FP)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDUR_fp(CpuState* c, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        LoadStore.LoadFp(c, Rn, Rt, LoadStore.Imm9(imm9), Size(size, opc1), LoadStore.Offset);
}
