// Conditional compare and conditional select (ARM ARM C4.1.88). CCMP/CCMN set NZCV from the
// comparison when the condition holds and to the nzcv immediate otherwise; CSEL/CSINC/CSINV/CSNEG
// pick Xn when it holds and Xm (incremented, inverted or negated) otherwise.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingRegisterConditional
{
    // The selects and compares are IntegerValues' (shared with tier 1); here the condition is
    // ConditionHolds on the packed NZCV.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Holds(CpuState* c, uint cond) => Flags.ConditionHolds(cond, c->Nzcv);

    // C6.2 CCMN (register)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMN_reg(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint nzcv) =>
        c->Nzcv = IntegerValues.Ccmn(Holds(c, cond), CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), nzcv, sf);

    // C6.2 CCMN (immediate)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMN_imm(CpuState* c, uint sf, uint imm5, uint cond, uint Rn, uint nzcv) =>
        c->Nzcv = IntegerValues.Ccmn(Holds(c, cond), CpuState.GetX(c, Rn), imm5, nzcv, sf);

    // C6.2 CCMP (register): flags of Xn - Xm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMP_reg(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint nzcv) =>
        c->Nzcv = IntegerValues.Ccmp(Holds(c, cond), CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), nzcv, sf);

    // C6.2 CCMP (immediate)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CCMP_imm(CpuState* c, uint sf, uint imm5, uint cond, uint Rn, uint nzcv) =>
        c->Nzcv = IntegerValues.Ccmp(Holds(c, cond), CpuState.GetX(c, Rn), imm5, nzcv, sf);

    // C6.2 CSEL
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSEL(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Csel(Holds(c, cond), CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), sf));

    // C6.2 CSINC
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSINC(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Csinc(Holds(c, cond), CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), sf));

    // C6.2 CSINV
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSINV(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Csinv(Holds(c, cond), CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), sf));

    // C6.2 CSNEG
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CSNEG(CpuState* c, uint sf, uint Rm, uint cond, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Csneg(Holds(c, cond), CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), sf));
}
