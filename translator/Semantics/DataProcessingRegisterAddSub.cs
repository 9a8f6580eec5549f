// Add/subtract (shifted register), (extended register) and (with carry) (ARM ARM C4.1.88).
// Subtraction is AddWithCarry(x, NOT(y), 1), so C is NOT borrow; SBC/SBCS use AddWithCarry(x,
// NOT(y), C). The extended forms read Xn|SP and, without flags, write Xd|SP.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegisterAddSub
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Shifted(CpuState* c, uint sf, uint shift, uint Rm, uint imm6) =>
        IntegerValues.Shifted(CpuState.GetX(c, Rm), shift, imm6, sf);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Extended(CpuState* c, uint sf, uint Rm, uint option, uint imm3) =>
        IntegerValues.Extended(CpuState.GetX(c, Rm), option, imm3, sf);

    // C6.2 ADD (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADD_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Add(CpuState.GetX(c, Rn), Shifted(c, sf, shift, Rm, imm6), sf));

    // C6.2 ADDS (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADDS_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        DataProcessingImmediate.AddSubFlags(c, sf, CpuState.GetX(c, Rn), Shifted(c, sf, shift, Rm, imm6), 0, Rd);

    // C6.2 SUB (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SUB_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Sub(CpuState.GetX(c, Rn), Shifted(c, sf, shift, Rm, imm6), sf));

    // C6.2 SUBS (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SUBS_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        DataProcessingImmediate.AddSubFlags(c, sf, CpuState.GetX(c, Rn), ~Shifted(c, sf, shift, Rm, imm6), 1, Rd);

    // C6.2 ADD (extended register): Xd|SP = Xn|SP + ExtendReg(Xm, option, imm3).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADD_ext(CpuState* c, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.Add(CpuState.GetXsp(c, Rn), Extended(c, sf, Rm, option, imm3), sf));

    // C6.2 ADDS (extended register): Xd = Xn|SP + ExtendReg(Xm, option, imm3), setting NZCV.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADDS_ext(CpuState* c, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) =>
        DataProcessingImmediate.AddSubFlags(c, sf, CpuState.GetXsp(c, Rn), Extended(c, sf, Rm, option, imm3), 0, Rd);

    // C6.2 SUB (extended register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SUB_ext(CpuState* c, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.Sub(CpuState.GetXsp(c, Rn), Extended(c, sf, Rm, option, imm3), sf));

    // C6.2 SUBS (extended register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SUBS_ext(CpuState* c, uint sf, uint Rm, uint option, uint imm3, uint Rn, uint Rd) =>
        DataProcessingImmediate.AddSubFlags(c, sf, CpuState.GetXsp(c, Rn), ~Extended(c, sf, Rm, option, imm3), 1, Rd);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Carry(CpuState* c) => (uint)(c->Nzcv >> 29) & 1;

    // C6.2 ADC
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADC(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd)
    {
        ulong result = CpuState.GetX(c, Rn) + CpuState.GetX(c, Rm) + Carry(c);
        CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);
    }

    // C6.2 ADCS
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADCS(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) =>
        DataProcessingImmediate.AddSubFlags(c, sf, CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), Carry(c), Rd);

    // C6.2 SBC: Xn + NOT(Xm) + C.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SBC(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd)
    {
        ulong result = CpuState.GetX(c, Rn) + ~CpuState.GetX(c, Rm) + Carry(c);
        CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);
    }

    // C6.2 SBCS
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SBCS(CpuState* c, uint sf, uint Rm, uint Rn, uint Rd) =>
        DataProcessingImmediate.AddSubFlags(c, sf, CpuState.GetX(c, Rn), ~CpuState.GetX(c, Rm), Carry(c), Rd);
}
