// FpRegs: access to the SIMD&FP registers V0-V31 in CpuState.V (V[n*2] = low 64 bits, V[n*2+1] =
// high 64 bits), as the ARM ARM's V[], D[], S[] and H[] accessors: a scalar write of any width
// zeroes the rest of the 128-bit register (ARM ARM C2.6.4 / aarch64 V[] setter with 128-bit clear).
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics.Fp;

public static unsafe class FpRegs
{
    /// <summary>The element width in bits for a scalar FP ftype field: 00 single, 01 double, 11 half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Width(uint ftype) => ftype switch { 0 => 32, 1 => 64, _ => 16 };

    /// <summary>The low width bits of Vn.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Get(CpuState* c, uint n, int width) => width == 64 ? c->V[n * 2] : c->V[n * 2] & Bits.Ones(width);

    /// <summary>Writes a scalar of width bits to Vn and zeroes the rest of the register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(CpuState* c, uint n, ulong value, int width)
    {
        c->V[n * 2] = width == 64 ? value : value & Bits.Ones(width);
        c->V[n * 2 + 1] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Low(CpuState* c, uint n) => c->V[n * 2];
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong High(CpuState* c, uint n) => c->V[n * 2 + 1];
}
