// Load/store pair (ARM ARM C6.2 LDP, STP, LDPSW, LDNP, STNP; C7.2 the SIMD&FP forms). The two
// elements are at address and address + size. Both loads happen before any register write; a
// store that straddles a page is probed first so a fault on the second page writes nothing.
// No-allocate hints (LDNP/STNP) behave as LDP/STP. CONSTRAINED UNPREDICTABLE cases follow
// LoadStore's header: LDP with Rt == Rt2 leaves the first element in Rt; write-back with
// Rn == Rt or Rn == Rt2 leaves the address in Rn.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStorePair
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Offset(uint imm7, int scale) => Bits.SignExtend(imm7, 7) << scale;

    /// <summary>LDP/LDPSW/LDNP of two size-byte integers (sign-extended to 64 bits for LDPSW).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadPair(CpuState* c, uint n, uint t, uint t2, ulong offset, int size, bool signed, int mode)
    {
        ulong baseAddress = LoadStore.Base(c, n);
        ulong address = mode == LoadStore.PostIndex ? baseAddress : baseAddress + offset;
        ulong data1 = GuestMemory.Read(c, address, size);
        ulong data2 = GuestMemory.Read(c, address + (ulong)size, size);
        if (signed)
        {
            data1 = Bits.SignExtend(data1, size * 8);
            data2 = Bits.SignExtend(data2, size * 8);
        }
        CpuState.SetX(c, t2, data2);
        CpuState.SetX(c, t, data1);
        if (mode != LoadStore.Offset) CpuState.SetXsp(c, n, baseAddress + offset);
    }

    /// <summary>STP/STNP of the low size bytes of Rt and Rt2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePair(CpuState* c, uint n, uint t, uint t2, ulong offset, int size, int mode)
    {
        ulong baseAddress = LoadStore.Base(c, n);
        ulong address = mode == LoadStore.PostIndex ? baseAddress : baseAddress + offset;
        ulong data1 = CpuState.GetX(c, t), data2 = CpuState.GetX(c, t2);
        LoadStore.ProbeStraddlingWrite(c, address, 2 * size);
        GuestMemory.Write(c, address, size, data1);
        GuestMemory.Write(c, address + (ulong)size, size, data2);
        if (mode != LoadStore.Offset) CpuState.SetXsp(c, n, baseAddress + offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadPairFp(CpuState* c, uint n, uint t, uint t2, ulong offset, int size, int mode)
    {
        ulong baseAddress = LoadStore.Base(c, n);
        ulong address = mode == LoadStore.PostIndex ? baseAddress : baseAddress + offset;
        var data1 = LoadStore.ReadVector(c, address, size);
        var data2 = LoadStore.ReadVector(c, address + (ulong)size, size);
        LoadStore.SetV(c, t2, data2);
        LoadStore.SetV(c, t, data1);
        if (mode != LoadStore.Offset) CpuState.SetXsp(c, n, baseAddress + offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePairFp(CpuState* c, uint n, uint t, uint t2, ulong offset, int size, int mode)
    {
        ulong baseAddress = LoadStore.Base(c, n);
        ulong address = mode == LoadStore.PostIndex ? baseAddress : baseAddress + offset;
        var data1 = LoadStore.GetV(c, t, size);
        var data2 = LoadStore.GetV(c, t2, size);
        LoadStore.ProbeStraddlingWrite(c, address, 2 * size);
        LoadStore.WriteVector(c, address, size, data1);
        LoadStore.WriteVector(c, address + (ulong)size, size, data2);
        if (mode != LoadStore.Offset) CpuState.SetXsp(c, n, baseAddress + offset);
    }

    // ---- integer: sf = 0 W pair (scale 2), sf = 1 X pair (scale 3) ----

    // STNP
    public static void STNP(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, LoadStore.Offset);
    // LDNP
    public static void LDNP(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, false, LoadStore.Offset);
    // STP, post-index
    public static void STP_post(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, LoadStore.PostIndex);
    // LDP, post-index
    public static void LDP_post(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, false, LoadStore.PostIndex);
    // STP, signed offset
    public static void STP_off(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, LoadStore.Offset);
    // LDP, signed offset
    public static void LDP_off(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, false, LoadStore.Offset);
    // STP, pre-index
    public static void STP_pre(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, LoadStore.PreIndex);
    // LDP, pre-index
    public static void LDP_pre(CpuState* c, uint sf, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)sf), 4 << (int)sf, false, LoadStore.PreIndex);

    // LDPSW, post-index
    public static void LDPSW_post(CpuState* c, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2), 4, true, LoadStore.PostIndex);
    // LDPSW, signed offset
    public static void LDPSW_off(CpuState* c, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2), 4, true, LoadStore.Offset);
    // LDPSW, pre-index
    public static void LDPSW_pre(CpuState* c, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPair(c, Rn, Rt, Rt2, Offset(imm7, 2), 4, true, LoadStore.PreIndex);

    // ---- SIMD&FP: opc 00 S (scale 2), 01 D (3), 10 Q (4) ----

    // STNP (SIMD&FP)
    public static void STNP_fp(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.Offset);
    // LDNP (SIMD&FP)
    public static void LDNP_fp(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.Offset);
    // STP (SIMD&FP), post-index
    public static void STP_fp_post(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.PostIndex);
    // LDP (SIMD&FP), post-index
    public static void LDP_fp_post(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.PostIndex);
    // STP (SIMD&FP), signed offset
    public static void STP_fp_off(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.Offset);
    // LDP (SIMD&FP), signed offset
    public static void LDP_fp_off(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.Offset);
    // STP (SIMD&FP), pre-index
    public static void STP_fp_pre(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        StorePairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.PreIndex);
    // LDP (SIMD&FP), pre-index
    public static void LDP_fp_pre(CpuState* c, uint opc, uint imm7, uint Rt2, uint Rn, uint Rt) =>
        LoadPairFp(c, Rn, Rt, Rt2, Offset(imm7, 2 + (int)opc), 4 << (int)opc, LoadStore.PreIndex);
}
