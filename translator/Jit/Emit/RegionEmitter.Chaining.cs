// RegionEmitter, region entry and chaining (DESIGN.md section 3, "dispatch"; the structures are in
// RegionLinks). Every exit funnels into one tail that, after the registers are written back, tries
// to enter the next region without returning to the run loop:
//   direct exit k   follow link slot k: its target header, valid, checked at the current MapEpoch
//                   (or tagged Covered), and the target's block to enter (packed in the same word);
//   BR/BLR/RET (-3) probe the vCPU's region table at the new PC (entry PC and epoch must match),
//                   which holds the header and the block;
// then, as the run loop would: the target is Valid and no exit reason or interrupt is pending (the
// budget is checked by the target's entry check, which returns at once when it does not fit). If
// so `tail. calli` to its code with CpuState and the block's index (RyuJIT makes it a jump: the
// stack does not grow along a chain); otherwise return the exit code. FAST_JIT_CHAIN=0 leaves every exit to the run loop (a reference),
// as does FAST_JIT_STATS=3 (TransitionProfile counts them there).
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Fast.Runtime;

namespace Fast.Translator.Jit.Emit;

public sealed unsafe partial class RegionEmitter
{
    public const int IndirectExit = -3;

    static readonly int ExitReasonOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.ExitReason));
    static readonly int MapEpochOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.MapEpoch));
    static readonly int RegionTableOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.RegionTable));
    static readonly int CurrentRegionOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.CurrentRegion));
    static readonly int RegionChainsOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.RegionChains));
    static readonly int BudgetEndOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.BudgetEnd));
    static readonly int RetiredLimitOffset = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.RetiredLimit));

    /// <summary>Chaining needs the code address of a DynamicMethod, which .NET exposes only internally.</summary>
    static readonly MethodInfo? MethodDescriptor =
        typeof(DynamicMethod).GetMethod("GetMethodDescriptor", BindingFlags.NonPublic | BindingFlags.Instance);

    public static readonly bool ChainingEnabled = Environment.GetEnvironmentVariable("FAST_JIT_CHAIN") != "0" && MethodDescriptor is not null
        && !TransitionProfile.Enabled;   // (it counts in the run loop)

    /// <summary>The address calli reaches the method at (0 when chaining is off).</summary>
    public static nint EntryPoint(DynamicMethod method) =>
        ChainingEnabled ? ((RuntimeMethodHandle)MethodDescriptor!.Invoke(method, null)!).GetFunctionPointer() : 0;

    /// <summary>
    /// At the method start: CurrentRegion = this region's header; return -1 at once unless this
    /// region's size fits before CpuState.BudgetEnd (TierUpQueue's warm-up relies on that: BudgetEnd
    /// 0); then, in a region with a loop, RetiredLimit = BudgetEnd - size for the backward edges.
    /// Both live in CpuState rather than in locals: RyuJIT would keep them in callee-saved registers
    /// the guest registers need.
    /// </summary>
    public void EntryCheck(RegionHeader* header, int instructionCount, bool hasBackwardEdge)
    {
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(CurrentRegionOffset);
        Il.Emit(OpCodes.Add);
        Il.EmitLong((ulong)header);
        Il.Emit(OpCodes.Conv_I);
        Il.Emit(OpCodes.Stind_I);
        var go = Il.DefineLabel();
        LoadStateField(RetiredOffset);
        Il.EmitLong((ulong)instructionCount);
        Il.Emit(OpCodes.Add);
        LoadStateField(BudgetEndOffset);
        Il.Emit(OpCodes.Ble_Un, go);
        Il.EmitInt(-1);
        Il.Emit(OpCodes.Ret);
        Il.Mark(go);
        if (!hasBackwardEdge) return;   // nothing reads the limit
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(RetiredLimitOffset);
        Il.Emit(OpCodes.Add);
        LoadStateField(BudgetEndOffset);
        Il.EmitLong((ulong)instructionCount);
        Il.Emit(OpCodes.Sub);
        Il.Emit(OpCodes.Stind_I8);
    }

    /// <summary>The exit tail: exitCode holds the exit; registers are in CpuState.</summary>
    void EmitExitTail(LinkSlot* links)
    {
        var ret = Il.DefineLabel();
        if (!ChainingEnabled) { Il.Mark(ret); Il.Emit(OpCodes.Ldloc, exitCode); Il.Emit(OpCodes.Ret); return; }
        var indirect = Il.DefineLabel();
        var check = Il.DefineLabel();

        // Direct exit: slot = links + exit * 16; its target (loaded first, see RegionLinks), used
        // when tagged Covered or when the slot's epoch is the current one.
        Il.Emit(OpCodes.Ldloc, exitCode);
        Il.EmitInt(0);
        Il.Emit(OpCodes.Blt, indirect);
        Il.EmitLong((ulong)links);
        Il.Emit(OpCodes.Conv_I);
        Il.Emit(OpCodes.Ldloc, exitCode);
        Il.EmitInt(LinkSlot.Size);
        Il.Emit(OpCodes.Mul);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Stloc, tHost);
        LoadAt(tHost, 0, OpCodes.Ldind_I, isVolatile: true);
        Il.Emit(OpCodes.Stloc, tEntry);
        var covered = Il.DefineLabel();
        Il.Emit(OpCodes.Ldloc, tEntry);
        Il.EmitInt((int)LinkSlot.CoveredBit);
        Il.Emit(OpCodes.Conv_I);
        Il.Emit(OpCodes.And);
        Il.Emit(OpCodes.Brtrue, covered);
        LoadAt(tHost, LinkSlot.EpochOffset, OpCodes.Ldind_I8, isVolatile: true);
        LoadStateField(MapEpochOffset);
        Il.Emit(OpCodes.Bne_Un, ret);
        Il.Emit(OpCodes.Ldloc, tEntry);
        Il.Emit(OpCodes.Brfalse, ret);
        Il.Mark(covered);
        // The target word: header | entry block << EntryShift | Covered.
        Il.Emit(OpCodes.Ldloc, tEntry);
        Il.EmitInt(LinkSlot.EntryShift);
        Il.Emit(OpCodes.Shr_Un);
        Il.Emit(OpCodes.Conv_I4);
        Il.Emit(OpCodes.Stloc, tIndex);
        Il.Emit(OpCodes.Ldloc, tEntry);
        Il.EmitLong(LinkSlot.HeaderMask);
        Il.Emit(OpCodes.Conv_I);
        Il.Emit(OpCodes.And);
        Il.Emit(OpCodes.Stloc, tEntry);
        Il.Emit(OpCodes.Br, check);

        // Indirect branch: the region table entry for the new PC, when it was filled at this epoch.
        Il.Mark(indirect);
        Il.Emit(OpCodes.Ldloc, exitCode);
        Il.EmitInt(IndirectExit);
        Il.Emit(OpCodes.Bne_Un, ret);
        Il.Emit(OpCodes.Ldarg_0);
        Il.EmitInt(RegionTableOffset);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Ldind_I);
        Il.Emit(OpCodes.Stloc, tEntry);
        Il.Emit(OpCodes.Ldloc, tEntry);
        Il.Emit(OpCodes.Brfalse, ret);
        LoadStateField(PcOffset);
        Il.Emit(OpCodes.Stloc, tVa);
        Il.Emit(OpCodes.Ldloc, tEntry);
        Il.Emit(OpCodes.Ldloc, tVa);
        Il.EmitInt(2);
        Il.Emit(OpCodes.Shr_Un);
        Il.EmitLong(RegionTableEntry.Mask);
        Il.Emit(OpCodes.And);
        Il.EmitInt(RegionTableEntry.SizeShift);
        Il.Emit(OpCodes.Shl);
        Il.Emit(OpCodes.Conv_I);
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Stloc, tEntry);
        LoadAt(tEntry, 0, OpCodes.Ldind_I8);
        Il.Emit(OpCodes.Ldloc, tVa);
        Il.Emit(OpCodes.Bne_Un, ret);
        LoadAt(tEntry, RegionTableEntry.EpochOffset, OpCodes.Ldind_I8);
        LoadStateField(MapEpochOffset);
        Il.Emit(OpCodes.Bne_Un, ret);
        LoadAt(tEntry, RegionTableEntry.IndexOffset, OpCodes.Ldind_I4);
        Il.Emit(OpCodes.Stloc, tIndex);
        LoadAt(tEntry, RegionTableEntry.HeaderOffset, OpCodes.Ldind_I);
        Il.Emit(OpCodes.Stloc, tEntry);

        // tEntry = the target's header: valid, and nothing pending (ExitReason and PendingInterrupt
        // are adjacent words: one load). The budget is the target's own entry check: it returns -1
        // at once (CurrentRegion = itself, PC = its entry) when its size does not fit.
        Il.Mark(check);
        LoadAt(tEntry, 0, OpCodes.Ldind_I4, isVolatile: true);   // RegionHeader.Valid
        Il.Emit(OpCodes.Brfalse, ret);
        LoadStateField(ExitReasonOffset);
        Il.Emit(OpCodes.Brtrue, ret);
        AddCounterAt(RegionChainsOffset, 1);
        Il.Emit(OpCodes.Ldnull);
        Il.Emit(OpCodes.Ldarg_0);
        Il.Emit(OpCodes.Ldloc, tIndex);
        LoadAt(tEntry, RegionHeader.CodeOffset, OpCodes.Ldind_I);
        Il.TailCalli(typeof(int), [typeof(Region), typeof(CpuState*), typeof(int)]);
        Il.Emit(OpCodes.Ret);

        Il.Mark(ret);
        Il.Emit(OpCodes.Ldloc, exitCode);
        Il.Emit(OpCodes.Ret);
    }
}
