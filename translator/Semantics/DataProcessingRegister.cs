// Data processing -- register (ARM ARM C4.1.88): data-processing (2 source) and (1 source).
// One method per table row, from the ARM ARM pseudocode (C6.2); sf = 1 for 64-bit, 0 for 32-bit,
// and 32-bit results are written zero-extended. Division never traps: a zero divisor gives 0 and
// the one overflowing signed quotient (INT_MIN / -1) gives INT_MIN, as RoundTowardsZero defines.
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegister
{
    // C6.2 UDIV: x / 0 = 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UDIV(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Udiv(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), sf));

    // C6.2 SDIV: rounds toward zero, x / 0 = 0, MinValue / -1 wraps.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SDIV(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Sdiv(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), sf));

    // C6.2 LSLV, LSRV, ASRV, RORV: ShiftReg(Xn, type, Xm MOD datasize).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void ShiftVariable(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd, uint type) =>
        CpuState.SetX(c, Rd, IntegerValues.ShiftVariable(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), type, sf));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LSLV(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) => ShiftVariable(c, sf, Rm, Rn, Rd, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LSRV(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) => ShiftVariable(c, sf, Rm, Rn, Rd, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ASRV(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) => ShiftVariable(c, sf, Rm, Rn, Rd, 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RORV(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) => ShiftVariable(c, sf, Rm, Rn, Rd, 3);

    // C6.2 CRC32B/H/W/X: Wd = CRC-32 (polynomial 0x04C11DB7, bit-reflected) of the low 8 << sz
    // bits of Rm, continuing from the accumulator Wn; no pre- or post-inversion.
    public static void CRC32(CpuState* c, uint sf, uint Rm, uint sz, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, Crc.Update(Crc.Crc32Table, (uint)CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), 1 << (int)sz));

    // C6.2 CRC32CB/H/W/X: the same with the Castagnoli polynomial 0x1EDC6F41.
    public static void CRC32C(CpuState* c, uint sf, uint Rm, uint sz, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, Crc.Update(Crc.Crc32CTable, (uint)CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), 1 << (int)sz));

    // C6.2 RBIT
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RBIT(CpuState* c, uint sf, uint Rn, uint Rd)
    {
        ulong x = CpuState.GetX(c, Rn);
        CpuState.SetX(c, Rd, sf != 0 ? ReverseBits64(x) : ReverseBits64(x) >> 32);
    }

    // C6.2 REV16: reverse the bytes of each 16-bit halfword.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void REV16(CpuState* c, uint sf, uint Rn, uint Rd)
    {
        ulong x = CpuState.GetX(c, Rn);
        ulong result = ((x >> 8) & 0x00FF00FF00FF00FFUL) | ((x & 0x00FF00FF00FF00FFUL) << 8);
        CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);
    }

    // C6.2 REV32: reverse the bytes of each 32-bit word (64-bit form only).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void REV32(CpuState* c, uint Rn, uint Rd)
    {
        ulong x = CpuState.GetX(c, Rn);
        CpuState.SetX(c, Rd, BinaryPrimitives.ReverseEndianness((uint)x) | ((ulong)BinaryPrimitives.ReverseEndianness((uint)(x >> 32)) << 32));
    }

    // C6.2 REV: reverse the bytes of the whole register (opc<0> = sf).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void REV(CpuState* c, uint sf, uint opc0, uint Rn, uint Rd)
    {
        ulong x = CpuState.GetX(c, Rn);
        CpuState.SetX(c, Rd, sf != 0 ? BinaryPrimitives.ReverseEndianness(x) : BinaryPrimitives.ReverseEndianness((uint)x));
    }

    // C6.2 CLZ
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CLZ(CpuState* c, uint sf, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Clz(CpuState.GetX(c, Rn), sf));

    // C6.2 CLS: CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>), an (N-1)-bit value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CLS(CpuState* c, uint sf, uint Rn, uint Rd)
    {
        ulong x = CpuState.GetX(c, Rn);
        int result = sf != 0
            ? BitOperations.LeadingZeroCount(((x >> 1) ^ x) & long.MaxValue) - 1
            : BitOperations.LeadingZeroCount((((uint)x >> 1) ^ (uint)x) & int.MaxValue) - 1;
        CpuState.SetX(c, Rd, (ulong)result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong ReverseBits64(ulong x)
    {
        x = ((x >> 1) & 0x5555555555555555UL) | ((x & 0x5555555555555555UL) << 1);
        x = ((x >> 2) & 0x3333333333333333UL) | ((x & 0x3333333333333333UL) << 2);
        x = ((x >> 4) & 0x0F0F0F0F0F0F0F0FUL) | ((x & 0x0F0F0F0F0F0F0F0FUL) << 4);
        return BinaryPrimitives.ReverseEndianness(x);
    }
}

/// <summary>Table-driven, bit-reflected CRC-32 as the CRC32/CRC32C instructions compute it.</summary>
static class Crc
{
    public static readonly uint[] Crc32Table = Build(0xEDB88320u);   // 0x04C11DB7 reflected
    public static readonly uint[] Crc32CTable = Build(0x82F63B78u);  // 0x1EDC6F41 reflected

    /// <summary>Feeds the low `bytes` bytes of value (little-endian order) into acc.</summary>
    public static uint Update(uint[] table, uint acc, ulong value, int bytes)
    {
        for (int i = 0; i < bytes; i++, value >>= 8)
            acc = table[(byte)(acc ^ value)] ^ (acc >> 8);
        return acc;
    }

    static uint[] Build(uint poly)
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint v = i;
            for (int k = 0; k < 8; k++) v = (v & 1) != 0 ? (v >> 1) ^ poly : v >> 1;
            table[i] = v;
        }
        return table;
    }
}
