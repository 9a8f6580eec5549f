// Simd: element access to the 128-bit SIMD&FP registers for the AdvSIMD rows (ARM ARM Elem[] and
// V[] accessors). A row reads its operands into local Vector128Bits copies, builds the result in
// another local and writes it once, so Rd may alias Rn/Rm; a 64-bit (Q=0) result clears bits 127:64.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics.AdvSimd;

public static unsafe class Simd
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Bits Read(CpuState* c, uint n) => *(Vector128Bits*)&c->V[n * 2];

    /// <summary>Writes Vd; when q is 0 only the low 64 bits are kept and the top half is zeroed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(CpuState* c, uint d, in Vector128Bits v, uint q)
    {
        c->V[d * 2] = v.Low;
        c->V[d * 2 + 1] = q != 0 ? v.High : 0;
    }

    /// <summary>Elem[v, index, esize] (zero-extended).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Elem(in Vector128Bits v, int index, int esize)
    {
        fixed (Vector128Bits* p = &v)
        {
            return esize switch
            {
                8 => ((byte*)p)[index],
                16 => ((ushort*)p)[index],
                32 => ((uint*)p)[index],
                _ => ((ulong*)p)[index],
            };
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetElem(ref Vector128Bits v, int index, int esize, ulong value)
    {
        fixed (Vector128Bits* p = &v)
        {
            switch (esize)
            {
                case 8: ((byte*)p)[index] = (byte)value; break;
                case 16: ((ushort*)p)[index] = (ushort)value; break;
                case 32: ((uint*)p)[index] = (uint)value; break;
                default: ((ulong*)p)[index] = value; break;
            }
        }
    }

    /// <summary>Sign-extends an esize-bit element to 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SElem(in Vector128Bits v, int index, int esize) => (long)Bits.SignExtend(Elem(v, index, esize), esize);

    /// <summary>The lowest set bit of imm5 gives the element size of the copy instructions: 8 << size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CopySize(uint imm5) => System.Numerics.BitOperations.TrailingZeroCount(imm5 | 0x20);

    /// <summary>Datasize in bits from Q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DataSize(uint q) => q != 0 ? 128 : 64;

    /// <summary>Signed saturation of a value to esize bits: sets FPSR.QC when it saturates (SignedSatQ).</summary>
    public static ulong SignedSat(CpuState* c, Int128 value, int esize)
    {
        Int128 max = (Int128.One << (esize - 1)) - 1, min = -(Int128.One << (esize - 1));
        if (value > max) { c->Fpsr |= Fp.FpCore.Qc; value = max; }
        else if (value < min) { c->Fpsr |= Fp.FpCore.Qc; value = min; }
        return (ulong)value & Bits.Ones(esize);
    }

    /// <summary>UnsignedSatQ: clamps to [0, 2^esize - 1], setting FPSR.QC when it saturates.</summary>
    public static ulong UnsignedSat(CpuState* c, Int128 value, int esize)
    {
        Int128 max = (Int128)Bits.Ones(esize);
        if (value > max) { c->Fpsr |= Fp.FpCore.Qc; value = max; }
        else if (value < 0) { c->Fpsr |= Fp.FpCore.Qc; value = 0; }
        return (ulong)value;
    }
}
