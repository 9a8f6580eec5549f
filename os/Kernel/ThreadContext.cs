// ThreadContext: the architectural state of a guest thread while it is not on a vCPU — what a
// context switch saves from CpuState and restores into it (X0-X30, SP, PC, NZCV, V0-V31, FPCR,
// FPSR, TPIDR_EL0, TPIDRRO_EL0). The exclusive monitor is cleared on a switch, as the ARM ARM
// allows (an exception return clears it; D1.10.3), so a STXR after a switch fails and retries.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Os.Kernel;

public unsafe struct ThreadContext
{
    public fixed ulong X[32];
    public ulong Pc;
    public ulong Nzcv;
    public fixed ulong V[64];
    public uint Fpcr;
    public uint Fpsr;
    public ulong TpidrEl0;
    public ulong TpidrroEl0;

    public void SaveFrom(CpuState* c)
    {
        fixed (ulong* x = X) Unsafe.CopyBlock(x, c->X, 32 * 8);
        fixed (ulong* v = V) Unsafe.CopyBlock(v, c->V, 64 * 8);
        Pc = c->PC;
        Nzcv = c->Nzcv;
        Fpcr = c->Fpcr;
        Fpsr = c->Fpsr;
        TpidrEl0 = c->TpidrEl0;
        TpidrroEl0 = c->TpidrroEl0;
    }

    public readonly void RestoreTo(CpuState* c)
    {
        fixed (ulong* x = X) Unsafe.CopyBlock(c->X, x, 32 * 8);
        fixed (ulong* v = V) Unsafe.CopyBlock(c->V, v, 64 * 8);
        c->PC = Pc;
        c->Nzcv = Nzcv;
        c->Fpcr = Fpcr;
        c->Fpsr = Fpsr;
        c->TpidrEl0 = TpidrEl0;
        c->TpidrroEl0 = TpidrroEl0;
        c->ExclusiveSize = 0;
    }
}
