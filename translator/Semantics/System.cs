// System instructions at EL0 (ARM ARM C6.2, ARMv8.0-A): hints, barriers, MRS/MSR and SYS.
// (Class SystemInstructions: a class named System would shadow the System namespace here.)
//
// Hints execute as NOP (WFE/WFI give up the host thread's time slice, as a core would sleep).
// DSB/DMB are host full fences; CLREX clears this vCPU's exclusive monitor; ISB ends the block.
//
// Access control follows SCTLR_EL1 as the OS configured it (CpuState.Control): CTR_EL0 needs
// UserCacheType, DC ZVA UserDcZva, DC CVAU/CVAC/CIVAC and IC IVAU UserCacheMaintenance, MIDR_EL1
// and the ID registers UserCpuId (the HWCAP_CPUID emulation Linux offers). A refused access, and
// any register or operation EL0 cannot reach, is UNDEFINED at run time: see Undefined below.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe partial class SystemInstructions
{
    // ---- hints (C6.2.136 HINT and its named aliases) ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NOP(CpuState* c) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void YIELD(CpuState* c) { }

    // C6.2.396 WFE: may wait for an event; waking at once is always allowed. Yield the host core.
    public static void WFE(CpuState* c) => Thread.Yield();

    // C6.2.397 WFI: may wait for an interrupt; pending interrupts are seen at the next block boundary.
    public static void WFI(CpuState* c) => Thread.Yield();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SEV(CpuState* c) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SEVL(CpuState* c) { }

    // Every other hint, including the later architectures' PACIASP, BTI, ESB, CSDB...: NOP on v8.0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void HINT(CpuState* c, uint CRm, uint op2) { }

    // ---- barriers ----

    // C6.2.58 CLREX: clears the local exclusive monitor (CRm is ignored).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CLREX(CpuState* c, uint CRm) => c->ExclusiveSize = 0;

    // C6.2.94 DSB (and its SSBB/PSSBB forms): a host full fence orders every earlier access.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DSB(CpuState* c, uint CRm) => Interlocked.MemoryBarrier();

    // C6.2.92 DMB: every option maps to a full fence (stronger than any domain/type restriction).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DMB(CpuState* c, uint CRm) => Interlocked.MemoryBarrier();

    // C6.2.139 ISB: ends the block, so the next instruction is fetched (and decoded) anew.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ISB(CpuState* c, uint CRm) => c->PC += 4;

    // ---- SYS: cache maintenance and the rest ----

    // C6.2.78 DC ZVA: zeroes the 64-byte block (DCZID_EL0.BS = 4) holding Xt. An aligned block
    // never crosses a page, so the first store takes any fault before anything is written.
    public static void DC_ZVA(CpuState* c, uint Rt)
    {
        if ((c->Control & CpuControl.UserDcZva) == 0) Undefined(c);
        ulong va = CpuState.GetX(c, Rt) & ~(ulong)(ZvaBlockBytes - 1);
        var zero = default(Vector128Bits);
        for (int i = 0; i < ZvaBlockBytes; i += 16) GuestMemory.Write128(c, va + (ulong)i, zero);
    }

    // DC CVAC/CVAU/CIVAC: guest RAM is host memory, coherent with every vCPU and with the
    // translator (writes to code pages invalidate), so cleaning to a point of coherency is a no-op.
    public static void DC_CVAC(CpuState* c, uint Rt) => CacheMaintenance(c);
    public static void DC_CVAU(CpuState* c, uint Rt) => CacheMaintenance(c);
    public static void DC_CIVAC(CpuState* c, uint Rt) => CacheMaintenance(c);

    // C6.2.137 IC IVAU: drops every translation of the physical page holding Xt. Writes to code
    // pages already invalidate them; this also covers code changed behind the MMU's back (another
    // alias of the page, a device). The page is found without side effects: the TLB if it holds
    // the page, otherwise a page-table walk; an untranslatable address has nothing to invalidate.
    public static void IC_IVAU(CpuState* c, uint Rt)
    {
        CacheMaintenance(c);
        var cpu = Vcpu.FromState(c);
        if (PhysicalPageOf(c, cpu, CpuState.GetX(c, Rt)) is ulong page) cpu.Machine.Engine.InvalidateCodePage(page);
    }

    // C6.2.371 SYS / C6.2.372 SYSL: every other operation (AT, TLBI, DC by set/way, IC IALLU...)
    // is EL1-only or a later extension: UNDEFINED at EL0.
    public static void SYS(CpuState* c, uint op1, uint CRn, uint CRm, uint op2, uint Rt) => Undefined(c);
    public static void SYSL(CpuState* c, uint op1, uint CRn, uint CRm, uint op2, uint Rt) => Undefined(c);

    const int ZvaBlockBytes = 64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void CacheMaintenance(CpuState* c)
    {
        if ((c->Control & CpuControl.UserCacheMaintenance) == 0) Undefined(c);
    }

    static ulong? PhysicalPageOf(CpuState* c, Vcpu cpu, ulong va)
    {
        ulong page = va & ~0xFFFUL;
        TlbEntry* e = cpu.Tlb.EntryOf(va);
        ulong pa;
        if (e->ReadTag == page || e->ExecTag == page) pa = cpu.Tlb.PhysicalPageOf(e);
        else if ((c->Control & CpuControl.MmuEnabled) == 0) pa = page;
        else
        {
            var walk = SoftMmu.Walk(cpu.Ram, c->Ttbr0, va, AccessKind.Read);
            if (!walk.Ok) return null;
            pa = walk.PhysicalAddress & ~0xFFFUL;
        }
        return cpu.Ram.IsRam(pa, PhysicalMemory.PageSize) ? pa : null;
    }

    /// <summary>
    /// An UNDEFINED instruction detected at run time by a row that does not end its block (MRS,
    /// MSR, SYS). It must abandon the instruction, so it goes through Vcpu.TakeAbort rather than
    /// TakeException + throw: TakeAbort records AbandonedPc (the interpreter credits the block's
    /// earlier instructions as retired from it; TakeException leaves a stale value), sets PC to the
    /// instruction for the OS, and throws GuestRedirectException itself unless the OS answers
    /// Retry. Retry has no meaning for an undefined instruction; treated like Continue with PC
    /// unchanged, it re-executes the instruction, so we throw in that case too.
    /// </summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Undefined(CpuState* c)
    {
        Vcpu.FromState(c).TakeAbort(new GuestException(ExceptionKind.Undefined, Syndrome.Unknown(), c->PC));
        throw GuestRedirectException.Instance;
    }
}
