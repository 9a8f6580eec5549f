// SimdVec: System.Runtime.Intrinsics views of the SIMD registers for the hot integer rows
// (compares, add/sub, min/max, pairwise reductions used by glibc's string and memory
// routines). Vector128 integer arithmetic is lane-wise modular and its compares give all-ones
// lanes, exactly as the ARM ARM element loops; results are identical to the element forms.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Fast.Runtime;

namespace Fast.Translator.Semantics.AdvSimd;

public static unsafe class SimdVec
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Load(CpuState* c, uint n) => Vector128.Load((byte*)&c->V[n * 2]);

    /// <summary>Stores to Vd; Q = 0 keeps only the low 64 bits and zeroes the top half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(CpuState* c, uint d, Vector128<byte> v, uint q)
    {
        if (q == 0) v = v.AsUInt64().WithElement(1, 0UL).AsByte();
        *(Vector128<byte>*)&c->V[d * 2] = v;   // (not v.Store: ReadyToRun calls it, passing a Vector128, and so leaves every caller to the JIT)
    }

    public enum Op { Add, Sub, CmEq, CmHi, CmHs, CmGt, CmGe, UMax, UMin, SMax, SMin }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, Op op)
    {
        Vector128<byte> a = Load(c, Rn), b = Load(c, Rm);
        Vector128<byte> r = size switch
        {
            0 => Apply(a, b, op),
            1 => Apply(a.AsUInt16(), b.AsUInt16(), op).AsByte(),
            2 => Apply(a.AsUInt32(), b.AsUInt32(), op).AsByte(),
            _ => Apply(a.AsUInt64(), b.AsUInt64(), op).AsByte(),
        };
        Store(c, Rd, r, Q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<T> Apply<T>(Vector128<T> a, Vector128<T> b, Op op) => op switch
    {
        Op.Add => a + b,
        Op.Sub => a - b,
        Op.CmEq => Vector128.Equals(a, b),
        Op.CmHi => Vector128.GreaterThan(a, b),
        Op.CmHs => Vector128.GreaterThanOrEqual(a, b),
        Op.UMax => Vector128.Max(a, b),
        Op.UMin => Vector128.Min(a, b),
        _ => Signed(a, b, op),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]   // (a call passing Vector128 is not precompiled: its callers were JIT-compiled at start-up)
    static Vector128<T> Signed<T>(Vector128<T> a, Vector128<T> b, Op op)
    {
        if (typeof(T) == typeof(byte)) return SignedOp(a.AsSByte(), b.AsSByte(), op).As<sbyte, T>();
        if (typeof(T) == typeof(ushort)) return SignedOp(a.AsInt16(), b.AsInt16(), op).As<short, T>();
        if (typeof(T) == typeof(uint)) return SignedOp(a.AsInt32(), b.AsInt32(), op).As<int, T>();
        return SignedOp(a.AsInt64(), b.AsInt64(), op).As<long, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<T> SignedOp<T>(Vector128<T> a, Vector128<T> b, Op op) => op switch
    {
        Op.CmGt => Vector128.GreaterThan(a, b),
        Op.CmGe => Vector128.GreaterThanOrEqual(a, b),
        Op.SMax => Vector128.Max(a, b),
        _ => Vector128.Min(a, b),
    };

    /// <summary>CMEQ (zero): lanes equal to zero become all ones.</summary>
    public static void CmEqZero(CpuState* c, uint Q, uint size, uint Rn, uint Rd)
    {
        Vector128<byte> a = Load(c, Rn);
        Vector128<byte> r = size switch
        {
            0 => Vector128.Equals(a, Vector128<byte>.Zero),
            1 => Vector128.Equals(a.AsUInt16(), Vector128<ushort>.Zero).AsByte(),
            2 => Vector128.Equals(a.AsUInt32(), Vector128<uint>.Zero).AsByte(),
            _ => Vector128.Equals(a.AsUInt64(), Vector128<ulong>.Zero).AsByte(),
        };
        Store(c, Rd, r, Q);
    }
}
