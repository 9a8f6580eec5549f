// Branches (ARM ARM C6.2, ARMv8.0-A): every row ends its block and sets c->PC on every path,
// taken or not. Offsets are sign-extended word offsets relative to the branch's own address.
// BL and BLR write X30 = PC + 4; BLR reads its target register before writing X30, so
// BLR X30 branches to the old X30.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class Branches
{
    // Value-level parts of the direct branches, shared with tier 1 (which turns a direct branch
    // into an IL jump and so needs the target and the condition without writing PC).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Offset26(uint imm26) => Bits.SignExtend((ulong)imm26 << 2, 28);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Offset19(uint imm19) => Bits.SignExtend((ulong)imm19 << 2, 21);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Offset14(uint imm14) => Bits.SignExtend((ulong)imm14 << 2, 16);
    /// <summary>B.cond's condition: ConditionHolds(cond) on the current NZCV.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CondTaken(CpuState* c, uint cond) => Flags.ConditionHolds(cond, c->Nzcv);
    /// <summary>CBZ's condition (CBNZ branches on its negation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(CpuState* c, uint sf, uint Rt) => Operand(c, sf, Rt) == 0;
    /// <summary>TBZ's condition: bit b5:b40 of Rt is 0 (TBNZ branches on its negation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool BitIsZero(CpuState* c, uint b5, uint b40, uint Rt) => ((CpuState.GetX(c, Rt) >> (int)((b5 << 5) | b40)) & 1) == 0;

    // C6.2.26 B: PC = PC + SignExtend(imm26:'00', 64).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void B(CpuState* c, uint imm26) => c->PC += Offset26(imm26);

    // C6.2.34 BL: X30 = PC + 4, then branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BL(CpuState* c, uint imm26)
    {
        ulong pc = c->PC;
        c->X[30] = pc + 4;
        c->PC = pc + Offset26(imm26);
    }

    // C6.2.25 B.cond: branch if ConditionHolds(cond); AL and NV both always branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void B_cond(CpuState* c, uint imm19, uint cond) =>
        c->PC += CondTaken(c, cond) ? Offset19(imm19) : 4;

    // C6.2.47 CBZ: branch if the 32- or 64-bit register is zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CBZ(CpuState* c, uint sf, uint imm19, uint Rt) =>
        c->PC += IsZero(c, sf, Rt) ? Offset19(imm19) : 4;

    // C6.2.46 CBNZ.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CBNZ(CpuState* c, uint sf, uint imm19, uint Rt) =>
        c->PC += !IsZero(c, sf, Rt) ? Offset19(imm19) : 4;

    // C6.2.375 TBZ: bit_pos = b5:b40; branch if that bit of Rt is 0. (b5 = 0 names Wt; the bit
    // position is then below 32, so reading the whole X register gives the same bit.)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TBZ(CpuState* c, uint b5, uint b40, uint imm14, uint Rt) =>
        c->PC += BitIsZero(c, b5, b40, Rt) ? Offset14(imm14) : 4;

    // C6.2.374 TBNZ.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TBNZ(CpuState* c, uint b5, uint b40, uint imm14, uint Rt) =>
        c->PC += !BitIsZero(c, b5, b40, Rt) ? Offset14(imm14) : 4;

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
