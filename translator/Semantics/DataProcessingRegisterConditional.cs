// Conditional compare and conditional select (ARM ARM C4.1.88). CCMP/CCMN set NZCV from the
// comparison when the condition holds and to the nzcv immediate otherwise; CSEL/CSINC/CSINV/CSNEG
// pick Xn when it holds and Xm (incremented, inverted or negated) otherwise.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegisterConditional
{
    /// <summary>NZCV = ConditionHolds(cond) ? flags of AddWithCarry(x, y, carry) : nzcv.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Compare(CpuState* c, uint sf, uint cond, ulong x, ulong y, uint carry, uint nzcv)
    {
        if (!Flags.ConditionHolds(cond, c->Nzcv)) { c->Nzcv = Flags.FromImmediate(nzcv); return; }
        ulong flags;
        if (sf != 0) Flags.AddWithCarry64(x, y, carry, out flags);
        else Flags.AddWithCarry32((uint)x, (uint)y, carry, out flags);
        c->Nzcv = flags;
    }

    // C6.2 CCMN (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMN_reg(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint nzcv) =>
        Compare(c, sf, cond, CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), 0, nzcv);

    // C6.2 CCMN (immediate)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMN_imm(CpuState* c, uint sf, uint imm5, uint cond, uint Rn, uint nzcv) =>
        Compare(c, sf, cond, CpuState.GetX(c, Rn), imm5, 0, nzcv);

    // C6.2 CCMP (register): flags of Xn + NOT(Xm) + 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMP_reg(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint nzcv) =>
        Compare(c, sf, cond, CpuState.GetX(c, Rn), ~CpuState.GetX(c, Rm), 1, nzcv);

    // C6.2 CCMP (immediate)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMP_imm(CpuState* c, uint sf, uint imm5, uint cond, uint Rn, uint nzcv) =>
        Compare(c, sf, cond, CpuState.GetX(c, Rn), ~(ulong)imm5, 1, nzcv);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Write(CpuState* c, uint sf, uint Rd, ulong result) => CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);

    // C6.2 CSEL
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSEL(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Write(c, sf, Rd, Flags.ConditionHolds(cond, c->Nzcv) ? CpuState.GetX(c, Rn) : CpuState.GetX(c, Rm));

    // C6.2 CSINC
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSINC(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Write(c, sf, Rd, Flags.ConditionHolds(cond, c->Nzcv) ? CpuState.GetX(c, Rn) : CpuState.GetX(c, Rm) + 1);

    // C6.2 CSINV
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSINV(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Write(c, sf, Rd, Flags.ConditionHolds(cond, c->Nzcv) ? CpuState.GetX(c, Rn) : ~CpuState.GetX(c, Rm));

    // C6.2 CSNEG
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSNEG(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        Write(c, sf, Rd, Flags.ConditionHolds(cond, c->Nzcv) ? CpuState.GetX(c, Rn) : 0 - CpuState.GetX(c, Rm));
}
