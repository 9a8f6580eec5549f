// Advanced SIMD two-register miscellaneous (integer forms), across lanes, permute, extract and
// table lookup (ARM ARM C7.2).
using System.Numerics;
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdTwoRegMisc
{
    /// <summary>Element-wise unary: result[e] = op(Vn[e], Vd[e]).</summary>
    static void Unary(CpuState* c, uint Q, int esize, uint Rn, uint Rd, delegate*<CpuState*, ulong, ulong, int, ulong> op)
    {
        int elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
            Simd.SetElem(ref r, e, esize, op(c, Simd.Elem(n, e, esize), Simd.Elem(d, e, esize), esize));
        Simd.Write(c, Rd, r, Q);
    }

    static long S(ulong x, int esize) => (long)Bits.SignExtend(x, esize);

    // C7.2 REV16 / REV32 / REV64: reverse the elements inside each container.
    static void Rev(CpuState* c, uint Q, uint size, uint Rn, uint Rd, int container)
    {
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / esize, perContainer = container / esize;
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        for (int e = 0; e < elements; e++) Simd.SetElem(ref r, e, esize, Simd.Elem(n, e ^ (perContainer - 1), esize));
        Simd.Write(c, Rd, r, Q);
    }

    public static void REV64(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Rev(c, Q, size, Rn, Rd, 64);
    public static void REV32_v(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Rev(c, Q, size, Rn, Rd, 32);
    public static void REV16_v(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Rev(c, Q, size, Rn, Rd, 16);

    // C7.2 SADDLP / UADDLP / SADALP / UADALP: add adjacent pairs into double-width elements.
    static void AddLongPairwise(CpuState* c, uint Q, uint size, uint Rn, uint Rd, bool unsigned, bool accumulate)
    {
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / (2 * esize);
        Vector128Bits n = Simd.Read(c, Rn), d = Simd.Read(c, Rd), r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong a = Simd.Elem(n, 2 * e, esize), b = Simd.Elem(n, 2 * e + 1, esize);
            ulong sum = unsigned ? a + b : (ulong)(S(a, esize) + S(b, esize));
            if (accumulate) sum += Simd.Elem(d, e, 2 * esize);
            Simd.SetElem(ref r, e, 2 * esize, sum);
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void SADDLP(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => AddLongPairwise(c, Q, size, Rn, Rd, false, false);
    public static void UADDLP(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => AddLongPairwise(c, Q, size, Rn, Rd, true, false);
    public static void SADALP(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => AddLongPairwise(c, Q, size, Rn, Rd, false, true);
    public static void UADALP(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => AddLongPairwise(c, Q, size, Rn, Rd, true, true);

    // C7.2 SUQADD: Vd (signed) + Vn (unsigned), signed saturation; USQADD: Vd (unsigned) + Vn (signed).
    internal static ulong Suqadd(CpuState* c, ulong n, ulong d, int es) => Simd.SignedSat(c, (Int128)n + S(d, es), es);
    internal static ulong Usqadd(CpuState* c, ulong n, ulong d, int es) => Simd.UnsignedSat(c, (Int128)S(n, es) + d, es);
    public static void SUQADD(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Suqadd);
    public static void USQADD(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Usqadd);

    // C7.2 CLS / CLZ / CNT / NOT / RBIT
    static ulong Clz(CpuState* c, ulong x, ulong d, int es) => (ulong)(BitOperations.LeadingZeroCount(x) - (64 - es));
    static ulong Cls(CpuState* c, ulong x, ulong d, int es) => Clz(c, ((x >> 1) ^ x) & Bits.Ones(es - 1), 0, es - 1);
    static ulong Cnt(CpuState* c, ulong x, ulong d, int es) => (ulong)BitOperations.PopCount(x);
    static ulong Not(CpuState* c, ulong x, ulong d, int es) => ~x;
    static ulong Rbit(CpuState* c, ulong x, ulong d, int es)
    {
        ulong r = 0;
        for (int i = 0; i < es; i++) r |= ((x >> i) & 1) << (es - 1 - i);
        return r;
    }

    public static void CLS_v(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Cls);
    public static void CLZ_v(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Clz);
    public static void CNT(CpuState* c, uint Q, uint Rn, uint Rd) => Unary(c, Q, 8, Rn, Rd, &Cnt);
    public static void NOT(CpuState* c, uint Q, uint Rn, uint Rd) => Unary(c, Q, 8, Rn, Rd, &Not);
    public static void RBIT_v(CpuState* c, uint Q, uint Rn, uint Rd) => Unary(c, Q, 8, Rn, Rd, &Rbit);

    // C7.2 SQABS / SQNEG / ABS / NEG
    internal static ulong Sqabs(CpuState* c, ulong x, ulong d, int es) => Simd.SignedSat(c, Int128.Abs(S(x, es)), es);
    internal static ulong Sqneg(CpuState* c, ulong x, ulong d, int es) => Simd.SignedSat(c, -(Int128)S(x, es), es);
    internal static ulong Abs(CpuState* c, ulong x, ulong d, int es) => S(x, es) < 0 ? 0 - x : x;
    internal static ulong Neg(CpuState* c, ulong x, ulong d, int es) => 0 - x;
    public static void SQABS(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Sqabs);
    public static void SQNEG(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Sqneg);
    public static void ABS_v(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Abs);
    public static void NEG_v(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Neg);

    // C7.2 CM<cond> (zero): signed compare with 0.
    internal static ulong Gt0(CpuState* c, ulong x, ulong d, int es) => S(x, es) > 0 ? ulong.MaxValue : 0;
    internal static ulong Ge0(CpuState* c, ulong x, ulong d, int es) => S(x, es) >= 0 ? ulong.MaxValue : 0;
    internal static ulong Eq0(CpuState* c, ulong x, ulong d, int es) => x == 0 ? ulong.MaxValue : 0;
    internal static ulong Le0(CpuState* c, ulong x, ulong d, int es) => S(x, es) <= 0 ? ulong.MaxValue : 0;
    internal static ulong Lt0(CpuState* c, ulong x, ulong d, int es) => S(x, es) < 0 ? ulong.MaxValue : 0;
    public static void CMGT_zero(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Gt0);
    public static void CMGE_zero(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Ge0);
    public static void CMEQ_zero(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => SimdVec.CmEqZero(c, Q, size, Rn, Rd);
    public static void CMLE_zero(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Le0);
    public static void CMLT_zero(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Unary(c, Q, 8 << (int)size, Rn, Rd, &Lt0);

    /// <summary>Writes a 64-bit narrow result to Vpart[d, Q]: part 0 zeroes the top half, part 1 keeps the bottom.</summary>
    public static void WritePart(CpuState* c, uint Rd, uint Q, ulong value)
    {
        if (Q == 0) { c->V[Rd * 2] = value; c->V[Rd * 2 + 1] = 0; }
        else c->V[Rd * 2 + 1] = value;
    }

    // C7.2 XTN / SQXTN / UQXTN / SQXTUN: narrow the 2*esize elements of Vn; kind 0 truncate,
    // 1 signed saturate, 2 unsigned saturate, 3 signed to unsigned saturate.
    static void Narrow(CpuState* c, uint Q, uint size, uint Rn, uint Rd, int kind)
    {
        int esize = 8 << (int)size, elements = 64 / esize;
        Vector128Bits n = Simd.Read(c, Rn), r = default;
        for (int e = 0; e < elements; e++)
        {
            ulong x = Simd.Elem(n, e, 2 * esize);
            ulong v = kind switch
            {
                0 => x,
                1 => Simd.SignedSat(c, S(x, 2 * esize), esize),
                2 => Simd.UnsignedSat(c, x, esize),
                _ => Simd.UnsignedSat(c, S(x, 2 * esize), esize),
            };
            Simd.SetElem(ref r, e, esize, v);
        }
        WritePart(c, Rd, Q, r.Low);
    }

    public static void XTN(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Narrow(c, Q, size, Rn, Rd, 0);
    public static void SQXTN(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Narrow(c, Q, size, Rn, Rd, 1);
    public static void UQXTN(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Narrow(c, Q, size, Rn, Rd, 2);
    public static void SQXTUN(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Narrow(c, Q, size, Rn, Rd, 3);

    // C7.2 SHLL / SHLL2: widen the elements of Vpart[n, Q] and shift left by esize.
    public static void SHLL(CpuState* c, uint Q, uint size, uint Rn, uint Rd)
    {
        int esize = 8 << (int)size, elements = 64 / esize;
        var part = new Vector128Bits { Low = Q != 0 ? c->V[Rn * 2 + 1] : c->V[Rn * 2] };
        Vector128Bits r = default;
        for (int e = 0; e < elements; e++) Simd.SetElem(ref r, e, 2 * esize, Simd.Elem(part, e, esize) << esize);
        Simd.Write(c, Rd, r, 1);
    }
}

public static unsafe class AdvSimdAcrossLanes
{
    static void Reduce(CpuState* c, uint Q, uint size, uint Rn, uint Rd, int kind)
    {
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn);
        Int128 acc = kind is 0 or 6 ? 0 : Value(n, 0, esize, kind);
        for (int e = kind is 0 or 6 ? 0 : 1; e < elements; e++)
        {
            Int128 v = Value(n, e, esize, kind);
            acc = kind switch { 2 or 3 => Int128.Max(acc, v), 4 or 5 => Int128.Min(acc, v), _ => acc + v };
        }
        int outSize = kind is 0 or 1 ? 2 * esize : esize;   // SADDLV/UADDLV widen
        Fp.FpRegs.Set(c, Rd, (ulong)acc & Bits.Ones(outSize), outSize);

        // kind: 0 SADDLV, 1 UADDLV, 2 SMAXV, 3 UMAXV, 4 SMINV, 5 UMINV, 6 ADDV
        static Int128 Value(in Vector128Bits n, int e, int esize, int kind) =>
            kind is 0 or 2 or 4 ? Simd.SElem(n, e, esize) : Simd.Elem(n, e, esize);
    }

    public static void SADDLV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 0);
    public static void UADDLV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 1);
    public static void SMAXV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 2);
    public static void UMAXV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 3);
    public static void SMINV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 4);
    public static void UMINV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 5);
    public static void ADDV(CpuState* c, uint Q, uint size, uint Rn, uint Rd) => Reduce(c, Q, size, Rn, Rd, 6);
}

public static unsafe class AdvSimdPermute
{
    // C7.2 UZP1/UZP2: even/odd elements of Vm:Vn.
    static void Uzp(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, int part)
    {
        int esize = 8 << (int)size, elements = Simd.DataSize(Q) / esize;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int e = 0; e < elements; e++)
        {
            int i = 2 * e + part;
            Simd.SetElem(ref r, e, esize, i < elements ? Simd.Elem(n, i, esize) : Simd.Elem(m, i - elements, esize));
        }
        Simd.Write(c, Rd, r, Q);
    }

    // C7.2 TRN1/TRN2
    static void Trn(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, int part)
    {
        int esize = 8 << (int)size, pairs = Simd.DataSize(Q) / esize / 2;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int p = 0; p < pairs; p++)
        {
            Simd.SetElem(ref r, 2 * p, esize, Simd.Elem(n, 2 * p + part, esize));
            Simd.SetElem(ref r, 2 * p + 1, esize, Simd.Elem(m, 2 * p + part, esize));
        }
        Simd.Write(c, Rd, r, Q);
    }

    // C7.2 ZIP1/ZIP2
    static void Zip(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd, int part)
    {
        int esize = 8 << (int)size, pairs = Simd.DataSize(Q) / esize / 2, b = part * pairs;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int p = 0; p < pairs; p++)
        {
            Simd.SetElem(ref r, 2 * p, esize, Simd.Elem(n, b + p, esize));
            Simd.SetElem(ref r, 2 * p + 1, esize, Simd.Elem(m, b + p, esize));
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void UZP1(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Uzp(c, Q, size, Rm, Rn, Rd, 0);
    public static void UZP2(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Uzp(c, Q, size, Rm, Rn, Rd, 1);
    public static void TRN1(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Trn(c, Q, size, Rm, Rn, Rd, 0);
    public static void TRN2(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Trn(c, Q, size, Rm, Rn, Rd, 1);
    public static void ZIP1(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Zip(c, Q, size, Rm, Rn, Rd, 0);
    public static void ZIP2(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => Zip(c, Q, size, Rm, Rn, Rd, 1);
}

public static unsafe class AdvSimdExtract
{
    // C7.2 EXT: bytes imm4.. of Vm:Vn.
    public static void EXT(CpuState* c, uint Q, uint Rm, uint imm4, uint Rn, uint Rd)
    {
        int bytes = Simd.DataSize(Q) / 8;
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        for (int i = 0; i < bytes; i++)
        {
            int j = i + (int)imm4;
            Simd.SetElem(ref r, i, 8, j < bytes ? Simd.Elem(n, j, 8) : Simd.Elem(m, j - bytes, 8));
        }
        Simd.Write(c, Rd, r, Q);
    }
}

public static unsafe class AdvSimdTableLookup
{
    // C7.2 TBL / TBX: bytes of the table Vn..Vn+len (register numbers wrap at 32) indexed by Vm;
    // an out-of-range index gives 0 (TBL) or keeps the Vd byte (TBX).
    static void Lookup(CpuState* c, uint Q, uint Rm, uint len, uint Rn, uint Rd, bool tbx)
    {
        int regs = (int)len + 1, bytes = Simd.DataSize(Q) / 8;
        Vector128Bits m = Simd.Read(c, Rm), d = Simd.Read(c, Rd), r = default;
        Span<byte> table = stackalloc byte[64];
        for (int i = 0; i < regs; i++)
        {
            var t = Simd.Read(c, (Rn + (uint)i) % 32);
            for (int b = 0; b < 16; b++) table[i * 16 + b] = (byte)Simd.Elem(t, b, 8);
        }
        for (int i = 0; i < bytes; i++)
        {
            int index = (int)Simd.Elem(m, i, 8);
            ulong v = index < regs * 16 ? table[index] : tbx ? Simd.Elem(d, i, 8) : 0;
            Simd.SetElem(ref r, i, 8, v);
        }
        Simd.Write(c, Rd, r, Q);
    }

    public static void TBL(CpuState* c, uint Q, uint Rm, uint len, uint Rn, uint Rd) => Lookup(c, Q, Rm, len, Rn, Rd, false);
    public static void TBX(CpuState* c, uint Q, uint Rm, uint len, uint Rn, uint Rd) => Lookup(c, Q, Rm, len, Rn, Rd, true);
}
