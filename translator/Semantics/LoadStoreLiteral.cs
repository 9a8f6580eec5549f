// Load register (literal) (ARM ARM C6.2 LDR (literal), LDRSW (literal), PRFM (literal); C7.2 LDR
// (literal, SIMD&FP)): a load from PC + SignExtend(imm19:00, 64).
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStoreLiteral
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Address(CpuState* c, uint imm19) => c->PC + Bits.SignExtend((ulong)imm19 << 2, 21);

    // LDR (literal)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_lit(CpuState* c, uint sz, uint imm19, uint Rt)
    {
        ulong data = GuestMemory.Read(c, Address(c, imm19), 4 << (int)sz);
        CpuState.SetX(c, Rt, data);
    }

    // LDRSW (literal)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDRSW_lit(CpuState* c, uint imm19, uint Rt)
    {
        ulong data = Bits.SignExtend(GuestMemory.Read32(c, Address(c, imm19)), 32);
        CpuState.SetX(c, Rt, data);
    }

    // PRFM (literal): prefetch hint, no architectural effect
    public static void PRFM_lit(CpuState* c, uint imm19, uint prfop) { }

    // LDR (literal, SIMD&FP)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LDR_fp_lit(CpuState* c, uint opc, uint imm19, uint Rt)
    {
        var data = LoadStore.ReadVector(c, Address(c, imm19), 4 << (int)opc);
        LoadStore.SetV(c, Rt, data);
    }
}
