// Branches (ARM ARM C6.2, ARMv8.0-A): every row ends its block and sets c->PC on every path,
// taken or not. Offsets are sign-extended word offsets relative to the branch's own address.
// BL and BLR write X30 = PC + 4; BLR reads its target register before writing X30, so
// BLR X30 branches to the old X30.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class Branches
{
    // C6.2.26 B: PC = PC + SignExtend(imm26:'00', 64).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void B(CpuState* c, uint imm26) => c->PC += Bits.SignExtend((ulong)imm26 << 2, 28);

    // C6.2.34 BL: X30 = PC + 4, then branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BL(CpuState* c, uint imm26)
    {
        ulong pc = c->PC;
        c->X[30] = pc + 4;
        c->PC = pc + Bits.SignExtend((ulong)imm26 << 2, 28);
    }

    // C6.2.25 B.cond: branch if ConditionHolds(cond); AL and NV both always branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void B_cond(CpuState* c, uint imm19, uint cond) =>
        c->PC += Flags.ConditionHolds(cond, c->Nzcv) ? Bits.SignExtend((ulong)imm19 << 2, 21) : 4;

    // C6.2.47 CBZ: branch if the 32- or 64-bit register is zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CBZ(CpuState* c, uint sf, uint imm19, uint Rt) =>
        c->PC += Operand(c, sf, Rt) == 0 ? Bits.SignExtend((ulong)imm19 << 2, 21) : 4;

    // C6.2.46 CBNZ.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CBNZ(CpuState* c, uint sf, uint imm19, uint Rt) =>
        c->PC += Operand(c, sf, Rt) != 0 ? Bits.SignExtend((ulong)imm19 << 2, 21) : 4;

    // C6.2.375 TBZ: bit_pos = b5:b40; branch if that bit of Rt is 0. (b5 = 0 names Wt; the bit
    // position is then below 32, so reading the whole X register gives the same bit.)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TBZ(CpuState* c, uint b5, uint b40, uint imm14, uint Rt) =>
        c->PC += ((CpuState.GetX(c, Rt) >> (int)((b5 << 5) | b40)) & 1) == 0 ? Bits.SignExtend((ulong)imm14 << 2, 16) : 4;

    // C6.2.374 TBNZ.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TBNZ(CpuState* c, uint b5, uint b40, uint imm14, uint Rt) =>
        c->PC += ((CpuState.GetX(c, Rt) >> (int)((b5 << 5) | b40)) & 1) != 0 ? Bits.SignExtend((ulong)imm14 << 2, 16) : 4;

    // C6.2.37 BR: PC = Xn (register 31 is XZR). A misaligned target faults at the next fetch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BR(CpuState* c, uint Rn) => c->PC = CpuState.GetX(c, Rn);

    // C6.2.35 BLR: target = Xn read first, then X30 = PC + 4 (so BLR X30 uses the old X30).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BLR(CpuState* c, uint Rn)
    {
        ulong target = CpuState.GetX(c, Rn);
        c->X[30] = c->PC + 4;
        c->PC = target;
    }

    // C6.2.254 RET: PC = Xn; the assembler's default Rn is X30. Only a hint differs from BR.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RET(CpuState* c, uint Rn) => c->PC = CpuState.GetX(c, Rn);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Operand(CpuState* c, uint sf, uint n)
    {
        ulong value = CpuState.GetX(c, n);
        return sf != 0 ? value : (uint)value;
    }
}
