// Vcpu: one virtual CPU — its CpuState, its Tlb, the slow paths of memory access, and the run loop.
//
// Threading: a Vcpu is driven by exactly one host thread (the one calling Run). Everything here
// is touched only by that thread except PendingInterrupt (any thread may set it) and the TLB
// write revocation of Machine.MarkCodePage (see Tlb's header). The OS sees the vCPU only through
// IGuestOs callbacks made on the vCPU's own thread.
//
// Exceptions: terminators (SVC, BRK, HLT, UDF, undefined) end a block, so the OS handles them
// synchronously from the instruction's semantics and the block simply ends. An abort raised in
// the middle of a block is handed to the OS on the spot; if the OS repairs the mapping (a lazy
// allocation, copy-on-write) the access is retried in place and the guest never notices. Only
// when the OS redirects the vCPU does the runtime throw GuestRedirectException to abandon the
// instruction; semantics perform all memory accesses before writing registers, so an abandoned
// instruction has no architectural effect.
using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Fast.Runtime.Observability;

namespace Fast.Runtime;

public sealed unsafe partial class Vcpu : IDisposable
{
    public int Id { get; }
    public Machine Machine { get; }
    public PhysicalMemory Ram => Machine.Ram;
    public CpuState* State { get; }
    public IGuestOs Os => Machine.Os;
    public IExecutionEngine Engine => Machine.Engine;
    /// <summary>Free for the OS to hang its per-core or per-thread data on.</summary>
    public object? OsData { get; set; }
    /// <summary>Free for the execution engine's per-vCPU data (jump cache).</summary>
    public object? EngineData { get; set; }
    /// <summary>PC of the last instruction abandoned by TakeAbort (lets engines count retired instructions).</summary>
    public ulong AbandonedPc { get; private set; }
    /// <summary>
    /// Set by the engine while tier-1 code runs: guest registers live in the region's locals, so an
    /// abort must not reach the OS's full handler (see TakeAbort and IGuestOs.TryRepairAbort).
    /// </summary>
    public bool RegistersInLocals;
    /// <summary>Aborts taken out of tier-1 code through a register write-back and re-execution.</summary>
    public long RegisterSyncs;

    GCHandle self;
    int flushRequested;
    Thread? runningThread;

    /// <summary>TTBR0 of the address space the vCPU runs now (ASID in bits 63:48).</summary>
    public ulong Ttbr0 => State->Ttbr0;

    /// <summary>True on the host thread currently running this vCPU (or when no thread runs it).</summary>
    public bool IsOwnerThread => runningThread is null || runningThread == Thread.CurrentThread;

    public long PageWalks;
    public long Exceptions;

    internal Vcpu(Machine machine, int id)
    {
        Machine = machine;
        Id = id;
        State = (CpuState*)NativeMemory.AlignedAlloc(CpuState.Size, 64);
        NativeMemory.Clear(State, CpuState.Size);
        State->MapEpoch = Tlb.NextEpoch();   // never 0: a half-written link slot has epoch 0 (RegionLinks)
        self = GCHandle.Alloc(this, GCHandleType.Normal);
        State->Owner = GCHandle.ToIntPtr(self);
        SelectTlb(0);
        State->Cntfrq = GenericTimer.Frequency;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vcpu FromState(CpuState* c) => Unsafe.As<Vcpu>(GCHandle.FromIntPtr(c->Owner).Target!);

    // ---- run loop ----

    /// <summary>Runs guest code until the OS halts this vCPU or the budget of instructions is spent.</summary>
    public void Run(long instructionBudget = long.MaxValue)
    {
        State->ExitReason = ExitReason.None;
        long start = (long)State->Retired;
        runningThread = Thread.CurrentThread;
        Volatile.Write(ref inGuestCode, 1);
        try
        {
            RunLoop(instructionBudget, start);
        }
        finally
        {
            Volatile.Write(ref inGuestCode, 0);
            runningThread = null;
        }
    }

    void RunLoop(long instructionBudget, long start)
    {
        while (true)
        {
            if (Volatile.Read(ref flushRequested) != 0) ApplyPendingFlush();
            GrowTlbIfMissing();
            long left = instructionBudget - ((long)State->Retired - start);
            if (left <= 0) return;
            Engine.Run(this, left);
            switch (State->ExitReason)
            {
                case ExitReason.Halted:
                    return;
                case ExitReason.Interrupt:
                    State->ExitReason = ExitReason.None;
                    int pending = Interlocked.Exchange(ref State->PendingInterrupt, 0);
                    pending &= ~InterruptBits.TlbFlush;
                    if (pending != 0)
                    {
                        EnterOs();
                        Resume r;
                        try { r = Os.OnInterrupt(this, pending); }
                        finally { LeaveOs(); }
                        if (r == Resume.Halt) { State->ExitReason = ExitReason.Halted; return; }
                    }
                    break;
                case ExitReason.Budget:
                    return;
            }
        }
    }

    /// <summary>Asks the vCPU to leave generated code at its next block boundary (any thread).</summary>
    public void RaiseInterrupt(int bits) => Interlocked.Or(ref State->PendingInterrupt, bits);

    /// <summary>Requests a whole-TLB flush applied by the owning thread at its next block boundary.</summary>
    public void RequestTlbFlush()
    {
        Interlocked.Exchange(ref flushRequested, 1);   // a full fence: ShootDownTlb then reads inGuestCode
        RaiseInterrupt(InterruptBits.TlbFlush);
    }

    /// <summary>
    /// TLB shootdown by inter-processor interrupt: requests a flush and waits until this vCPU can no
    /// longer use a stale translation — it flushed at a block boundary, or it is not executing guest
    /// code at all (idle, or inside the OS, from which it returns only through a flush). Called by
    /// another vCPU's thread; never waits for a vCPU that may be waiting for the caller.
    /// </summary>
    public void ShootDownTlb()
    {
        RequestTlbFlush();
        // The slow side of an asymmetric Dekker with LeaveOs: after this barrier every other thread's
        // earlier stores are visible, so either we see the target's inGuestCode = 1 or it will see
        // our request when it reads flushRequested (LeaveOs then needs no fence of its own).
        Interlocked.MemoryBarrierProcessWide();
        var spinner = new SpinWait();
        while (Volatile.Read(ref flushRequested) != 0 && Volatile.Read(ref inGuestCode) != 0) spinner.SpinOnce(sleep1Threshold: -1);
    }

    void ApplyPendingFlush()
    {
        if (Interlocked.Exchange(ref flushRequested, 0) != 0)
            foreach (var tlb in AllTlbs) tlb.FlushAll();
    }

    // 1 while this vCPU's thread executes guest code (engine), 0 while idle or inside an OS callback.
    int inGuestCode;

    /// <summary>Around every OS callback: guest code does not run meanwhile, and shootdowns apply before it resumes.</summary>
    void EnterOs() => Volatile.Write(ref inGuestCode, 0);

    void LeaveOs()
    {
        // Publish "in guest code" before looking for a request: a shooter either sees us in guest
        // code and waits, or we see its request. The store-load order is ShootDownTlb's process-wide
        // barrier's job, so this common path (every OS callback) has no interlocked instruction
        // (it was 15 % of an LMP round trip).
        Volatile.Write(ref inGuestCode, 1);
        if (Volatile.Read(ref flushRequested) != 0) ApplyPendingFlush();
    }

    /// <summary>Sets TTBR0 (and with it the ASID, bits 63:48) as an OS context switch does.</summary>
    public void SetTranslationTable(ulong ttbr0)
    {
        ushort asid = (ushort)(ttbr0 >> 48);
        bool sameAsid = asid == State->Asid;
        bool newTable = (ttbr0 & ~0xFFFF_0000_0000_0000UL) != (State->Ttbr0 & ~0xFFFF_0000_0000_0000UL);
        if (!sameAsid) SelectTlb(asid);
        else if (newTable) currentTlb.FlushAll();   // same ASID, another table: nothing of the old one may survive
        State->Ttbr0 = ttbr0;
        State->Asid = asid;
    }

    // ---- exceptions ----

    /// <summary>Hands an exception that ends a block to the OS (SVC, BRK, HLT, UDF, undefined).</summary>
    public void TakeException(in GuestException e)
    {
        Exceptions++;
        AbandonedPc = State->PC;
        State->PC = e.Pc;
        if (e.Kind != ExceptionKind.Svc && FastEventSource.FaultEnabled)
            FastEventSource.Log.GuestException(Id, (int)e.Kind, e.Pc, e.Syndrome);
        EnterOs();
        Resume resume;
        try { resume = Os.OnException(this, e); }
        finally { LeaveOs(); }
        if (resume == Resume.Halt) State->ExitReason = ExitReason.Halted;
    }

    /// <summary>
    /// Hands an exception raised in the middle of an instruction to the OS. Returns only when the
    /// OS asked for a retry; otherwise abandons the instruction.
    /// </summary>
    public void TakeAbort(in GuestException e)
    {
        Exceptions++;
        ulong pc = State->PC;
        bool traced = FastEventSource.FaultEnabled;
        long started = 0;
        if (traced)
        {
            started = Stopwatch.GetTimestamp();
            FastEventSource.Log.FaultStart(Id, e.Pc, e.FaultAddress, (int)e.Fault, (int)e.Access, e.Level);
        }
        Resume resume;
        if (RegistersInLocals)
        {
            // Compiled code's registers are not in CpuState: only a repair that needs none may happen
            // now; anything else is taken again by the interpreter once the region wrote them back.
            bool repaired;
            EnterOs();
            try { repaired = Os.TryRepairAbort(this, e); }
            finally { LeaveOs(); }
            if (traced) FastEventSource.Log.FaultStop(Id, e.FaultAddress, repaired ? (int)Resume.Retry : -1, Stopwatch.GetTimestamp() - started);
            if (repaired) return;
            Exceptions--;   // counted when the interpreter takes it again
            RegisterSyncs++;
            throw RegisterSyncException.Instance;
        }
        AbandonedPc = pc;
        State->PC = e.Pc;
        EnterOs();
        try { resume = Os.OnException(this, e); }
        finally { LeaveOs(); }
        if (traced) FastEventSource.Log.FaultStop(Id, e.FaultAddress, (int)resume, Stopwatch.GetTimestamp() - started);
        switch (resume)
        {
            case Resume.Retry:
                State->PC = pc;
                return;
            case Resume.Halt:
                State->ExitReason = ExitReason.Halted;
                break;
        }
        throw GuestRedirectException.Instance;
    }

    /// <summary>Raises an alignment fault for a data access (ARM ARM D8.15.4).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void AlignmentFault(ulong va, AccessKind access)
    {
        TakeAbort(new GuestException(ExceptionKind.DataAbort,
            Syndrome.DataAbort(FaultKind.Alignment, 0, access == AccessKind.Write), State->PC, va, FaultKind.Alignment, access));
    }

    public void Dispose()
    {
        DisposeTlbs();
        if (self.IsAllocated) self.Free();
        NativeMemory.AlignedFree(State);
    }
}

/// <summary>Bits of CpuState.PendingInterrupt. The OS may define more above Os.</summary>
public static class InterruptBits
{
    public const int Timer = 1;
    public const int InterProcessor = 2;
    public const int TlbFlush = 4;
    public const int Stop = 8;
    public const int Os = 16;
}
