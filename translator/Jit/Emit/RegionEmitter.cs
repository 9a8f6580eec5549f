// RegionEmitter: the per-region state of tier 1's code generator (DESIGN.md section 3).
//
// Guest registers in IL locals. The general registers natively emitted instructions use most (a
// use inside a loop counts many times; RegionCompiler.PlanRegisters picks at most 6, and none in a
// region without a loop) get locals
// (SP is register 31's); the method loads them from CpuState at entry and stores the written ones
// back at every exit, so inside the region they live in host registers (RyuJIT enregisters locals;
// CpuState is stale meanwhile). Registers used rarely are read and written in CpuState directly:
// loading and storing them would cost more. Instructions without a native emitter call
// their row's semantics as tier 0 does, after storing the registers their fields name (and the
// next one, for pair rows) and reloading them afterwards; system rows store and reload all.
//
// TLB misses and aborts. Native accesses inline the TLB fast path in IL and make no call: a call
// on the slow path would keep every register local live across it, and RyuJIT would then hold them
// only in the callee-saved registers (rbx, which holds CpuState, and r12-r15) or in the frame. A
// miss leaves instead, before any register is written: the miss exit (MissExit) writes the
// registers back and records the access (CpuState.MissAddress, MissAccess, PC at its
// instruction); the run loop refills the TLB (Vcpu.TryRefill: a victim or a walk that needs no
// fault) and calls the method again at the access, which is an entry like a block start (a
// resume point, Region.ResumePcs). An access across two pages, which the inline path never serves,
// the run loop runs through its semantics when both pages translate, and calls the method again
// right after it (a second resume point, Region.AfterAccessEntry). What neither serves (a fault, a
// device, a write to a code page), and a miss with flags pending (a resume point would need their
// operands), goes to the interpreter, which re-executes the instruction with the full state, so the
// OS sees exactly what tier 0 shows; so does a misaligned SP (the sync exit, -2, which also packs
// the pending flags for the faulting PC, see below). Semantics calls that may fault are preceded by
// a write-back of everything; while a region runs, Vcpu.RegistersInLocals is set, so an abort the
// OS cannot repair in place makes TakeAbort throw RegisterSyncException, which leaves the region
// (the method has no exception handler: RyuJIT keeps the register locals in host registers).
//
// Lazy flags. ADDS/SUBS/ANDS-style instructions only remember their operands (locals fa, fb) and
// the kind; a conditional branch or select evaluates its condition from them (CMP + B.NE becomes
// one host compare), and NZCV is packed into the nz local only where a later reader needs it: on
// the control-flow edges into blocks where the flags are live (RegionCompiler's liveness), before
// calls that may read them, at exits, and in the catch handler for the PC that faulted.
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Fast.Runtime;
using Fast.Translator.Interpreter;
using Fast.Translator.Table;

namespace Fast.Translator.Jit.Emit;

public enum FlagKind { None, Sub, Add, Logic }

public sealed unsafe partial class RegionEmitter
{
    static readonly int PcOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.PC));
    static readonly int NzcvOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.Nzcv));
    static readonly int RetiredOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.Retired));
    static readonly int MemoryInstructionsOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.MemoryInstructions));
    static readonly int PendingOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.PendingInterrupt));

    public RegionIl Il { get; }
    readonly LocalBuilder?[] regs = new LocalBuilder?[32];
    readonly bool[] written = new bool[32];
    readonly LocalBuilder tIndex;
    readonly LocalBuilder nz, fa, fb, exitCode, tBase, tAddr, tData, tData2, tStore, tVa, tEntry, tHost;
    bool nzWritten;
    /// <summary>SP passed CheckSPAlignment in this block and was since changed only by multiples of 16:
    /// SP-based accesses need no check (the alignment-check control bit cannot change inside a region).</summary>
    bool spChecked;
    /// <summary>Flags produced but not packed: kind, operand size, operands in fa (and fb).</summary>
    FlagKind pending;
    uint pendingSf;
    /// <summary>PCs of instructions that may fault while flags are pending: the handler packs them.</summary>
    readonly List<PendingFlags> pendingAtFault = new();
    /// <summary>A class, not a value tuple: List of a value tuple is JIT-compiled at run time (see PcList).</summary>
    sealed record PendingFlags(ulong Pc, FlagKind Kind, uint Sf);
    readonly Label prologue, body, syncExit, commonExit, rawExit;
    /// <summary>Accesses the run loop may resume at after a miss exit (BeginAccess), in entry order after the blocks.</summary>
    readonly PcList resumePcs = new();
    Label[] resumeLabels = new Label[16];
    /// <summary>The points right after the resumable accesses (EndAccess), in the same order: entries after the resume points.</summary>
    Label[] afterLabels = new Label[16];
    /// <summary>The exit code of a TLB miss (CpuState.MissAddress and MissAccess say which access; PC is its instruction).</summary>
    public const int MissExit = -4;

    public RegionEmitter(RegionIl il, int[] cachedRegisters)
    {
        Il = il;
        foreach (int r in cachedRegisters) regs[r] = il.Local(typeof(ulong), r == 31 ? "sp" : $"x{r}");
        nz = il.Local(typeof(ulong), "nzcv");
        fa = il.Local(typeof(ulong), "flag operand a");
        fb = il.Local(typeof(ulong), "flag operand b");
        exitCode = il.Local(typeof(int), "exit");
        tBase = il.Local(typeof(ulong), "base");
        tAddr = il.Local(typeof(ulong), "address");
        tData = il.Local(typeof(ulong), "data");
        tData2 = il.Local(typeof(ulong), "data2");
        tStore = il.Local(typeof(ulong), "store");
        tVa = il.Local(typeof(ulong), "va");
        tEntry = il.Local(typeof(nint), "tlb entry");
        tHost = il.Local(typeof(nint), "host address");
        tIndex = il.Local(typeof(int), "entry block");
        prologue = il.DefineLabel();
        body = il.DefineLabel();
        syncExit = il.DefineLabel();
        commonExit = il.DefineLabel();
        rawExit = il.DefineLabel();
    }

    // ---- method frame ----

    /// <summary>Guest code starts right after (the register loads come at the end, see Finish).</summary>
    public void Begin()
    {
        Il.Emit(OpCodes.Br, prologue);
        Il.Mark(body);
    }

    /// <summary>Emits the register loads, the sync exit and the exit paths (with the region's link slots).</summary>
    public void Finish(Region region, PcMap<Label> blocks)
    {
        Il.Mark(prologue);
        for (int r = 0; r < 32; r++) if (regs[r] is not null) Reload(r);
        // The TLB's array and mask (RegionEmitter.Memory: they do not change while a region runs).
        if (tlbBase is not null) { Il.Emit(OpCodes.Ldarg_0); Il.EmitInt(TlbPointerOffset); Il.Emit(OpCodes.Add); Il.Emit(OpCodes.Ldind_I); Il.Emit(OpCodes.Stloc, tlbBase); }
        if (tlbMask is not null) { Il.Emit(OpCodes.Ldarg_0); Il.EmitInt(TlbOffsetMaskOffset); Il.Emit(OpCodes.Add); Il.Emit(OpCodes.Ldind_I8); Il.Emit(OpCodes.Stloc, tlbMask); }
        LoadNzcv();
        EmitEntryDispatch(region, blocks);

        Il.Mark(syncExit);
        foreach (var (pc, kind, sf) in pendingAtFault)
        {
            var other = Il.DefineLabel();
            LoadStateField(PcOffset);
            Il.EmitLong(pc);
            Il.Emit(OpCodes.Bne_Un, other);
            PackFlags(kind, sf);
            Il.Emit(OpCodes.Stloc, nz);
            Il.Mark(other);
        }
        SpillAll(onlyWritten: true, alwaysNzcv: pendingAtFault.Count > 0);
        Il.EmitInt(-2);
        Il.Emit(OpCodes.Stloc, exitCode);
        Il.Emit(OpCodes.Br, rawExit);

        Il.Mark(commonExit);
        SpillAll(onlyWritten: true, alwaysNzcv: false);
        Il.Mark(rawExit);
        region.AllocateLinks(Il.Exits.Count);
        EmitExitTail(region.Links);
    }

    /// <summary>
    /// Every region block is an entry (a call's return site, a block another region's exit or the run
    /// loop reaches): the caller passes the block's index among the region's BlockStarts (link slots
    /// and region table entries carry it), so after the register loads the method goes to the
    /// region's entry at the cost of one compare, to any other block through a jump table. Locals
    /// hold the same registers at every block start, so no block needs more than the loads.
    /// </summary>
    void EmitEntryDispatch(Region region, PcMap<Label> blocks)
    {
        var starts = region.BlockStarts;
        region.ResumePcs = resumePcs.ToArray();
        if (starts.Length + 2 * resumePcs.Count < 2) { Il.Emit(OpCodes.Br, body); return; }
        Il.Emit(OpCodes.Ldarg_1);
        Il.EmitInt(region.EntryIndexOf(region.EntryPc));
        Il.Emit(OpCodes.Beq, body);
        Il.Emit(OpCodes.Ldarg_1);
        var targets = new Label[starts.Length + 2 * resumePcs.Count];
        for (int i = 0; i < starts.Length; i++) targets[i] = blocks[starts[i]];
        for (int i = 0; i < resumePcs.Count; i++)
        {
            targets[starts.Length + i] = resumeLabels[i];
            targets[starts.Length + resumePcs.Count + i] = afterLabels[i];
        }
        Il.Switch(targets);
        // Not a block index: cannot happen (callers look it up); leave with nothing changed.
        Il.EmitInt(-1);
        Il.Emit(OpCodes.Ret);
    }

    /// <summary>Leaves through the common exit (registers written back) with the given code.</summary>
    public void Exit(int code)
    {
        Il.EmitInt(code);
        Il.Emit(OpCodes.Stloc, exitCode);
        Il.Emit(OpCodes.Br, commonExit);
    }

    /// <summary>Leaves without writing registers back (they already are, and the call after may have changed CpuState).</summary>
    void ExitRaw(int code)
    {
        Il.EmitInt(code);
        Il.Emit(OpCodes.Stloc, exitCode);
        Il.Emit(OpCodes.Br, rawExit);
    }

    // ---- registers ----

    public bool IsCached(uint r) => r < 32 && regs[r] is not null;

    /// <summary>Pushes Xr, register 31 read as zero.</summary>
    public void Src(uint r)
    {
        if (r == 31) { Il.EmitLong(0); return; }
        SrcSp(r);
    }

    /// <summary>Pushes Xr|SP (from CpuState when the register is not held in a local).</summary>
    public void SrcSp(uint r)
    {
        if (regs[r] is { } local) Il.Emit(OpCodes.Ldloc, local);
        else LoadStateField((int)r * 8);
    }

    /// <summary>Pops into Xr; register 31 discards (ZR).</summary>
    public void Dst(uint r)
    {
        if (r == 31) { Il.Emit(OpCodes.Pop); return; }
        DstSp(r);
    }

    /// <summary>Pops into Xr|SP.</summary>
    public void DstSp(uint r)
    {
        if (r == 31) spChecked = false;   // a writer that keeps SP aligned sets it again after
        if (regs[r] is { } local)
        {
            Il.Emit(OpCodes.Stloc, local);
            written[r] = true;
            return;
        }
        Il.Emit(OpCodes.Stloc, tStore);
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt((int)r * 8);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Ldloc, tStore);
        Il.Emit(OpCodes.Stind_I8);
    }

    void Spill(int r)
    {
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(r * 8);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Ldloc, regs[r]!);
        Il.Emit(OpCodes.Stind_I8);
    }

    void Reload(int r)
    {
        if (r == 31) spChecked = false;
        LoadStateField(r * 8);
        Il.Emit(OpCodes.Stloc, regs[r]!);
    }

    void SpillAll(bool onlyWritten, bool alwaysNzcv)
    {
        for (int r = 0; r < 32; r++)
            if (regs[r] is not null && (!onlyWritten || written[r])) Spill(r);
        if (nzWritten || alwaysNzcv) StoreNzcv();
    }

    /// <summary>Pushes *(pointer + offset) read with load (an ldind).</summary>
    void LoadAt(LocalBuilder pointer, int offset, OpCode load, bool isVolatile = false)
    {
        Il.Emit(OpCodes.Ldloc, pointer);
        if (offset != 0) { Il.EmitInt(offset); Il.Emit(OpCodes.Add); }
        if (isVolatile) Il.Emit(OpCodes.Volatile);
        Il.Emit(load);
    }

    void LoadStateField(int offset)
    {
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(offset);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Ldind_I8);
    }

    void StoreNzcv()
    {
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(NzcvOffset);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Ldloc, nz);
        Il.Emit(OpCodes.Stind_I8);
    }

    void LoadNzcv()
    {
        LoadStateField(NzcvOffset);
        Il.Emit(OpCodes.Stloc, nz);
    }

    // ---- helpers for the instruction emitters ----

    /// <summary>The value-level helpers the emitters call by name: the shared semantics and tier 1's own.</summary>
    static readonly Dictionary<string, MethodInfo> Ops = typeof(Semantics.IntegerValues)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Concat(typeof(ValueOps).GetMethods(BindingFlags.Public | BindingFlags.Static)).ToDictionary(m => m.Name);

    public void Call(string valueOp) => Il.Emit(OpCodes.Call, Ops[valueOp]);
    public void Const(ulong v) => Il.EmitLong(v);
    public void ConstU(uint v) => Il.EmitInt((int)v);
    public void Cpu() => Il.Emit(OpCodes.Ldarg_0);

    public void StorePc(ulong pc)
    {
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(PcOffset);
        Il.Emit(OpCodes.Add);
        Il.EmitLong(pc);
        Il.Emit(OpCodes.Stind_I8);
    }

    /// <summary>Retired or MemoryInstructions += count (nothing for 0).</summary>
    public void AddCounter(bool retired, int count)
    {
        if (count != 0) AddCounterAt(retired ? RetiredOffset : MemoryInstructionsOffset, count);
    }

    /// <summary>*(ulong*)(c + offset) += count.</summary>
    void AddCounterAt(int offset, int count)
    {
        // The address twice rather than dup: RyuJIT folds this into one `add [c+offset], count`
        // (a dup'ed address became a spilled temporary).
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(offset);
        Il.Emit(OpCodes.Add);
        LoadStateField(offset);
        Il.EmitInt(count);
        Il.Emit(OpCodes.Conv_I8);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Stind_I8);
    }

    /// <summary>The instruction at pc may fault (its PC was stored): remember the flags the handler must pack there.</summary>
    public void MayFault(ulong pc)
    {
        if (pending != FlagKind.None) pendingAtFault.Add(new PendingFlags(pc, pending, pendingSf));
    }

    // ---- region entry and edges ----

    /// <summary>
    /// Control passes from the instruction at `from` to `to`: a jump to the label of an in-region block
    /// (packing pending flags first when they are live there), or an exit through a link slot.
    /// </summary>
    public void Edge(ulong from, ulong to, PcMap<Label> labels, Func<ulong, bool> flagsLiveAt)
    {
        bool inside = labels.TryGetValue(to, out var target);
        if (pending != FlagKind.None && (!inside || flagsLiveAt(to))) EmitPackPending();
        if (!inside)
        {
            StorePc(to);
            Exit(Il.Exits.Count);
            Il.Exits.Add(to);
            return;
        }
        if (to <= from)
        {
            // Backward edge: leave if an interrupt is pending or the budget is spent.
            var leave = Il.DefineLabel();
            Il.Emit(OpCodes.Ldarg_0);
            Il.EmitInt(PendingOffset);
            Il.Emit(OpCodes.Add);
            Il.Emit(OpCodes.Volatile);
            Il.Emit(OpCodes.Ldind_I4);
            Il.Emit(OpCodes.Brtrue, leave);
            LoadStateField(RetiredOffset);
            LoadStateField(RetiredLimitOffset);
            Il.Emit(OpCodes.Ble_Un, target);
            Il.Mark(leave);
            if (pending != FlagKind.None && !flagsLiveAt(to)) EmitPackPending();   // leaving: NZCV must be exact
            StorePc(to);
            Exit(-1);   // not chained: the run loop must look at the interrupt and the budget
            return;
        }
        Il.Emit(OpCodes.Br, target);
    }

    /// <summary>The next block starts: nothing is pending across a label, nothing is known of SP.</summary>
    public void StartBlock()
    {
        pending = FlagKind.None;
        spChecked = false;
    }
}
