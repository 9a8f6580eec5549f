// Data-processing (3 source) (ARM ARM C4.1.88): multiply-add/subtract, the widening 32x32->64
// forms, and the high halves of 64x64->128 products. All results wrap to the destination size.
// The arithmetic is IntegerValues' (shared with tier 1).
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegister3Source
{
    // C6.2 MADD: Xd = Xa + Xn * Xm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MADD(CpuState* c, uint sf, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Madd(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), CpuState.GetX(c, Ra), sf));

    // C6.2 MSUB: Xd = Xa - Xn * Xm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MSUB(CpuState* c, uint sf, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Msub(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), CpuState.GetX(c, Ra), sf));

    // C6.2 SMADDL: Xd = Xa + SInt(Wn) * SInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SMADDL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Smaddl(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), CpuState.GetX(c, Ra)));

    // C6.2 SMSUBL: Xd = Xa - SInt(Wn) * SInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SMSUBL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Smsubl(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), CpuState.GetX(c, Ra)));

    // C6.2 SMULH: Xd = (SInt(Xn) * SInt(Xm))<127:64>; Ra is should-be-ones and is ignored.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SMULH(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Smulh(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm)));

    // C6.2 UMADDL: Xd = Xa + UInt(Wn) * UInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UMADDL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Umaddl(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), CpuState.GetX(c, Ra)));

    // C6.2 UMSUBL: Xd = Xa - UInt(Wn) * UInt(Wm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UMSUBL(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Umsubl(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), CpuState.GetX(c, Ra)));

    // C6.2 UMULH: Xd = (UInt(Xn) * UInt(Xm))<127:64>; Ra is should-be-ones and is ignored.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UMULH(CpuState* c, uint Rm, uint Ra, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Umulh(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm)));
}
