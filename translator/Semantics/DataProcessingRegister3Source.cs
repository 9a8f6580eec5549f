// Data-processing (3 source) (ARM ARM C4.1.88): multiply-add/subtract, the widening 32x32->64
// forms, and the high halves of 64x64->128 products. All results wrap to the destination size.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegister3Source
{
    // C6.2 MADD: Xd = Xa + Xn * Xm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MADD(CpuState* c, uint sf, uint Rm, uint Ra, uint Rn, uint Rd)
    {
        ulong result = CpuState.GetX(c, Ra) + CpuState.GetX(c, Rn) * CpuState.GetX(c, Rm);
        CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);
    }

    // C6.2 MSUB: Xd = Xa - Xn * Xm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MSUB(CpuState* c, uint sf, uint Rm, uint Ra, uint Rn, uint Rd)
    {
        ulong result = CpuState.GetX(c, Ra) - CpuState.GetX(c, Rn) * CpuState.GetX(c, Rm);
        CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);
    }

    // C6.2 SMADDL: Xd = Xa + SInt(Wn) * SInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SMADDL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, CpuState.GetX(c, Ra) + (ulong)((long)(int)CpuState.GetX(c, Rn) * (int)CpuState.GetX(c, Rm)));

    // C6.2 SMSUBL: Xd = Xa - SInt(Wn) * SInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SMSUBL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, CpuState.GetX(c, Ra) - (ulong)((long)(int)CpuState.GetX(c, Rn) * (int)CpuState.GetX(c, Rm)));

    // C6.2 SMULH: Xd = (SInt(Xn) * SInt(Xm))<127:64>. Ra is should-be-ones and is ignored.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SMULH(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, (ulong)Math.BigMul((long)CpuState.GetX(c, Rn), (long)CpuState.GetX(c, Rm), out _));

    // C6.2 UMADDL: Xd = Xa + UInt(Wn) * UInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UMADDL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, CpuState.GetX(c, Ra) + (ulong)(uint)CpuState.GetX(c, Rn) * (uint)CpuState.GetX(c, Rm));

    // C6.2 UMSUBL: Xd = Xa - UInt(Wn) * UInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UMSUBL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, CpuState.GetX(c, Ra) - (ulong)(uint)CpuState.GetX(c, Rn) * (uint)CpuState.GetX(c, Rm));

    // C6.2 UMULH: Xd = (UInt(Xn) * UInt(Xm))<127:64>. Ra is should-be-ones and is ignored.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UMULH(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, Math.BigMul(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), out _));
}
