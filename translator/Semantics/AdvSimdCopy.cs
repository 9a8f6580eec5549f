// Advanced SIMD copy (ARM ARM C7.2 DUP, INS, SMOV, UMOV and the scalar DUP).
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdCopy
{
    // C7.2 DUP (element): replicate Vn[index] into every element of Vd.
    public static void DUP_elem(CpuState* c, uint Q, uint imm5, uint Rn, uint Rd)
    {
        int size = Simd.CopySize(imm5), esize = 8 << size;
        ulong element = Simd.Elem(Simd.Read(c, Rn), (int)(imm5 >> (size + 1)), esize);
        ulong rep = Bits.Replicate(element, esize, 64);
        Simd.Write(c, Rd, new Vector128Bits { Low = rep, High = rep }, Q);
    }

    // C7.2 DUP (general): replicate the low esize bits of Rn.
    public static void DUP_gen(CpuState* c, uint Q, uint imm5, uint Rn, uint Rd)
    {
        int esize = 8 << Simd.CopySize(imm5);
        ulong rep = Bits.Replicate(CpuState.GetX(c, Rn) & Bits.Ones(esize), esize, 64);
        Simd.Write(c, Rd, new Vector128Bits { Low = rep, High = rep }, Q);
    }

    // C7.2 SMOV: sign-extended element to W (Q=0, upper 32 bits of X cleared) or X.
    public static void SMOV(CpuState* c, uint Q, uint imm5, uint Rn, uint Rd)
    {
        int size = Simd.CopySize(imm5);
        long value = Simd.SElem(Simd.Read(c, Rn), (int)(imm5 >> (size + 1)), 8 << size);
        CpuState.SetX(c, Rd, Q != 0 ? (ulong)value : (uint)value);
    }

    // C7.2 UMOV: zero-extended element to W or X.
    public static void UMOV(CpuState* c, uint Q, uint imm5, uint Rn, uint Rd)
    {
        int size = Simd.CopySize(imm5);
        CpuState.SetX(c, Rd, Simd.Elem(Simd.Read(c, Rn), (int)(imm5 >> (size + 1)), 8 << size));
    }

    // C7.2 INS (general): one element of Vd from Rn; the other elements are kept.
    public static void INS_gen(CpuState* c, uint imm5, uint Rn, uint Rd)
    {
        int size = Simd.CopySize(imm5);
        var v = Simd.Read(c, Rd);
        Simd.SetElem(ref v, (int)(imm5 >> (size + 1)), 8 << size, CpuState.GetX(c, Rn));
        Simd.Write(c, Rd, v, 1);
    }

    // C7.2 INS (element): Vd[imm5 index] = Vn[imm4 index].
    public static void INS_elem(CpuState* c, uint imm5, uint imm4, uint Rn, uint Rd)
    {
        int size = Simd.CopySize(imm5), esize = 8 << size;
        ulong element = Simd.Elem(Simd.Read(c, Rn), (int)(imm4 >> size), esize);
        var v = Simd.Read(c, Rd);
        Simd.SetElem(ref v, (int)(imm5 >> (size + 1)), esize, element);
        Simd.Write(c, Rd, v, 1);
    }
}

public static unsafe class AdvSimdScalarCopy
{
    // C7.2 DUP (element), scalar: Vd = Vn[index], rest of Vd zeroed.
    public static void DUP_scalar(CpuState* c, uint imm5, uint Rn, uint Rd)
    {
        int size = Simd.CopySize(imm5), esize = 8 << size;
        Fp.FpRegs.Set(c, Rd, Simd.Elem(Simd.Read(c, Rn), (int)(imm5 >> (size + 1)), esize), esize);
    }
}
