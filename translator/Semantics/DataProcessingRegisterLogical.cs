// Logical (shifted register) (ARM ARM C4.1.88): AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS.
// operand2 = ShiftReg(Xm, shift, imm6), inverted for BIC/ORN/EON/BICS; ANDS/BICS set N and Z from
// the result and clear C and V. Register 31 is the zero register everywhere.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegisterLogical
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Operand2(CpuState* c, uint sf, uint shift, uint Rm, uint imm6) =>
        IntegerValues.Shifted(CpuState.GetX(c, Rm), shift, imm6, sf);


    // C6.2 AND (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AND_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.And(CpuState.GetX(c, Rn), Operand2(c, sf, shift, Rm, imm6), sf));

    // C6.2 BIC (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BIC_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Bic(CpuState.GetX(c, Rn), Operand2(c, sf, shift, Rm, imm6), sf));

    // C6.2 ORR (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ORR_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Orr(CpuState.GetX(c, Rn), Operand2(c, sf, shift, Rm, imm6), sf));

    // C6.2 ORN (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ORN_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Orn(CpuState.GetX(c, Rn), Operand2(c, sf, shift, Rm, imm6), sf));

    // C6.2 EOR (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EOR_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Eor(CpuState.GetX(c, Rn), Operand2(c, sf, shift, Rm, imm6), sf));

    // C6.2 EON (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EON_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Eon(CpuState.GetX(c, Rn), Operand2(c, sf, shift, Rm, imm6), sf));

    // C6.2 ANDS (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ANDS_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        DataProcessingImmediate.LogicalFlags(c, sf, CpuState.GetX(c, Rn) & Operand2(c, sf, shift, Rm, imm6), Rd);

    // C6.2 BICS (shifted register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BICS_shift(CpuState* c, uint sf, uint shift, uint Rm, uint imm6, uint Rn, uint Rd) =>
        DataProcessingImmediate.LogicalFlags(c, sf, CpuState.GetX(c, Rn) & ~Operand2(c, sf, shift, Rm, imm6), Rd);
}
