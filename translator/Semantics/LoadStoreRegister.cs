// Integer loads and stores, immediate addressing forms (ARM ARM C6.2: LDR/STR (immediate),
// LDRB/LDRH/LDRSB/LDRSH/LDRSW (immediate), LDUR*/STUR*, LDTR*/STTR*). Each row is one call into
// the shared pseudocode in LoadStore (addressing, extension, write-back order).
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStoreRegister
{
    // ---- unsigned offset ----
    // STRB (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRB_uimm(CpuState* c, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, imm12, 1, LoadStore.Offset);
    // LDRB (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRB_uimm(CpuState* c, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, imm12, 1, false, 32, LoadStore.Offset);
    // LDRSB (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSB_uimm(CpuState* c, uint opc0, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, imm12, 1, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STRH (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRH_uimm(CpuState* c, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, (ulong)imm12 << 1, 2, LoadStore.Offset);
    // LDRH (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRH_uimm(CpuState* c, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, (ulong)imm12 << 1, 2, false, 32, LoadStore.Offset);
    // LDRSH (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSH_uimm(CpuState* c, uint opc0, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, (ulong)imm12 << 1, 2, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STR (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_uimm(CpuState* c, uint sz, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, (ulong)imm12 << ((int)sz + 2), 4 << (int)sz, LoadStore.Offset);
    // LDR (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_uimm(CpuState* c, uint sz, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, (ulong)imm12 << ((int)sz + 2), 4 << (int)sz, false, 32 << (int)sz, LoadStore.Offset);
    // LDRSW (immediate), unsigned offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSW_uimm(CpuState* c, uint imm12, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, (ulong)imm12 << 2, 4, true, 64, LoadStore.Offset);
    // PRFM (immediate): prefetch hint, no architectural effect
    public static void PRFM_uimm(CpuState* c, uint imm12, uint Rn, uint prfop) { }
    // ---- post-index ----
    // STRB (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRB_post(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 1, LoadStore.PostIndex);
    // LDRB (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRB_post(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, false, 32, LoadStore.PostIndex);
    // LDRSB (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSB_post(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, true, opc0 != 0 ? 32 : 64, LoadStore.PostIndex);
    // STRH (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRH_post(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 2, LoadStore.PostIndex);
    // LDRH (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRH_post(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, false, 32, LoadStore.PostIndex);
    // LDRSH (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSH_post(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, true, opc0 != 0 ? 32 : 64, LoadStore.PostIndex);
    // STR (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_post(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, LoadStore.PostIndex);
    // LDR (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_post(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, false, 32 << (int)sz, LoadStore.PostIndex);
    // LDRSW (immediate), post-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSW_post(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4, true, 64, LoadStore.PostIndex);
    // ---- pre-index ----
    // STRB (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRB_pre(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 1, LoadStore.PreIndex);
    // LDRB (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRB_pre(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, false, 32, LoadStore.PreIndex);
    // LDRSB (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSB_pre(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, true, opc0 != 0 ? 32 : 64, LoadStore.PreIndex);
    // STRH (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STRH_pre(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 2, LoadStore.PreIndex);
    // LDRH (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRH_pre(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, false, 32, LoadStore.PreIndex);
    // LDRSH (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSH_pre(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, true, opc0 != 0 ? 32 : 64, LoadStore.PreIndex);
    // STR (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STR_pre(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, LoadStore.PreIndex);
    // LDR (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_pre(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, false, 32 << (int)sz, LoadStore.PreIndex);
    // LDRSW (immediate), pre-index
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSW_pre(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4, true, 64, LoadStore.PreIndex);
    // ---- unscaled ----
    // STURB, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STURB(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 1, LoadStore.Offset);
    // LDURB, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDURB(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, false, 32, LoadStore.Offset);
    // LDURSB, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDURSB(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STURH, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STURH(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 2, LoadStore.Offset);
    // LDURH, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDURH(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, false, 32, LoadStore.Offset);
    // LDURSH, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDURSH(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STUR, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STUR(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, LoadStore.Offset);
    // LDUR, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDUR(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, false, 32 << (int)sz, LoadStore.Offset);
    // LDURSW, unscaled
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDURSW(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4, true, 64, LoadStore.Offset);
    // PRFUM: prefetch hint, no architectural effect
    public static void PRFUM(CpuState* c, uint imm9, uint Rn, uint prfop) { }
    // ---- unprivileged ----
    // STTRB, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STTRB(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 1, LoadStore.Offset);
    // LDTRB, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDTRB(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, false, 32, LoadStore.Offset);
    // LDTRSB, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDTRSB(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 1, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STTRH, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STTRH(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 2, LoadStore.Offset);
    // LDTRH, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDTRH(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, false, 32, LoadStore.Offset);
    // LDTRSH, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDTRSH(CpuState* c, uint opc0, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 2, true, opc0 != 0 ? 32 : 64, LoadStore.Offset);
    // STTR, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void STTR(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Store(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, LoadStore.Offset);
    // LDTR, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDTR(CpuState* c, uint sz, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4 << (int)sz, false, 32 << (int)sz, LoadStore.Offset);
    // LDTRSW, unprivileged
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDTRSW(CpuState* c, uint imm9, uint Rn, uint Rt) =>
        LoadStore.Load(c, Rn, Rt, LoadStore.Imm9(imm9), 4, true, 64, LoadStore.Offset);
}
