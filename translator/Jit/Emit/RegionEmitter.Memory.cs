// RegionEmitter, integer loads and stores (ARM ARM C6.2 LDR/STR and their byte, halfword and
// signed forms: unsigned offset, pre/post-index, unscaled, register offset; LDP/STP/LDNP/STNP/
// LDPSW). The address comes from register locals; the access is GuestMemory's inline TLB path;
// registers are written only after every access succeeded, and the base's write-back last
// (with Rn == Rt a load's register gets the address, as Semantics.LoadStore documents).
using System.Reflection.Emit;
using Fast.Translator.Semantics;

namespace Fast.Translator.Jit.Emit;

public sealed unsafe partial class RegionEmitter
{
    const int ModeOffset = LoadStore.Offset, ModePre = LoadStore.PreIndex, ModePost = LoadStore.PostIndex;

    static void AddMemoryRows(Dictionary<string, Emitter> d)
    {
        // (row stem, size in bytes or 0 for 4 << sz, load, signed)
        var singles = new (string Stem, int Size, bool Load, bool Signed)[]
        {
            ("STRB", 1, false, false), ("LDRB", 1, true, false), ("LDRSB", 1, true, true),
            ("STRH", 2, false, false), ("LDRH", 2, true, false), ("LDRSH", 2, true, true),
            ("STR", 0, false, false), ("LDR", 0, true, false), ("LDRSW", 4, true, true),
        };
        foreach (var s in singles)
        {
            var spec = s;
            string unscaled = spec.Stem.Replace("STR", "STUR").Replace("LDR", "LDUR");
            d[spec.Stem + "_uimm"] = (e, pc, f) => e.Single(pc, f, spec.Size, spec.Load, spec.Signed, ModeOffset, Offset.Unsigned);
            d[spec.Stem + "_pre"] = (e, pc, f) => e.Single(pc, f, spec.Size, spec.Load, spec.Signed, ModePre, Offset.Signed9);
            d[spec.Stem + "_post"] = (e, pc, f) => e.Single(pc, f, spec.Size, spec.Load, spec.Signed, ModePost, Offset.Signed9);
            d[unscaled] = (e, pc, f) => e.Single(pc, f, spec.Size, spec.Load, spec.Signed, ModeOffset, Offset.Signed9);
            d[spec.Stem + "_reg"] = (e, pc, f) => e.Single(pc, f, spec.Size, spec.Load, spec.Signed, ModeOffset, Offset.Register);
        }
        d["PRFM_uimm"] = (_, _, _) => { };   // prefetch: no architectural effect
        d["PRFUM"] = (_, _, _) => { };
        d["PRFM_reg"] = (_, _, _) => { };
        d["STP_off"] = (e, pc, f) => e.Pair(pc, f, load: false, signed: false, ModeOffset);
        d["STNP"] = (e, pc, f) => e.Pair(pc, f, load: false, signed: false, ModeOffset);
        d["STP_pre"] = (e, pc, f) => e.Pair(pc, f, load: false, signed: false, ModePre);
        d["STP_post"] = (e, pc, f) => e.Pair(pc, f, load: false, signed: false, ModePost);
        d["LDP_off"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: false, ModeOffset);
        d["LDNP"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: false, ModeOffset);
        d["LDP_pre"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: false, ModePre);
        d["LDP_post"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: false, ModePost);
        d["LDPSW_off"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: true, ModeOffset);
        d["LDPSW_pre"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: true, ModePre);
        d["LDPSW_post"] = (e, pc, f) => e.Pair(pc, f, load: true, signed: true, ModePost);
    }

    enum Offset { Unsigned, Signed9, Register }

    /// <summary>CheckSPAlignment's condition (ARM ARM D1.3.6), the semantics' own: when it holds the region leaves and the interpreter faults.</summary>
    static readonly System.Reflection.MethodInfo SpMisaligned = typeof(LoadStore).GetMethod(nameof(LoadStore.SpMisaligned))!;

    /// <summary>
    /// tBase = Xn|SP, with CheckSPAlignment when n is SP (leaving through the sync exit if it fails:
    /// the interpreter raises the fault) unless SP is known to have passed it already in this block
    /// (spChecked).
    /// </summary>
    void ComputeBase(uint rn)
    {
        if (rn == 31 && !spChecked)
        {
            var aligned = Il.DefineLabel();
            Cpu(); SrcSp(31); Il.Emit(OpCodes.Call, SpMisaligned); Il.Emit(OpCodes.Brfalse, aligned);
            StorePc(accessPc);
            Il.Emit(OpCodes.Br, syncExit);
            Il.Mark(aligned);
            spChecked = true;
        }
        SrcSp(rn); Il.Emit(OpCodes.Stloc, tBase);
    }

    /// <summary>tAddr = the accessed address: base (+ offset unless post-index).</summary>
    void ComputeAddress(uint rn, int mode, ulong immediate, InstFields? register = null, int scale = 0)
    {
        ComputeBase(rn);
        Il.Emit(OpCodes.Ldloc, tBase);
        if (mode != ModePost)
        {
            if (register is InstFields f)
            {
                Src(f["Rm"]); ConstU(f["option"]); ConstU(f["S"] != 0 ? (uint)scale : 0); ConstU(1); Call("Extended");
            }
            else Const(immediate);
            Il.Emit(OpCodes.Add);
        }
        Il.Emit(OpCodes.Stloc, tAddr);
    }

    void WriteBack(uint rn, int mode, ulong immediate)
    {
        if (mode == ModeOffset) return;
        Il.Emit(OpCodes.Ldloc, tBase);
        Const(immediate);
        Il.Emit(OpCodes.Add);
        bool aligned = spChecked && immediate % 16 == 0;
        DstSp(rn);
        if (rn == 31) spChecked = aligned;
    }

    /// <summary>CpuState.Tlb and TlbOffsetMask, loaded at the method's entry: they change only
    /// between engine runs (TLB growth, an ASID switch), never while a region runs. Two loads fewer
    /// per access (deterministic host instructions -1.5 %; xz -6 cycles -2 to -9 %).</summary>
    LocalBuilder? tlbBase, tlbMask;
    static readonly int TlbPointerOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<Fast.Runtime.CpuState>(nameof(Fast.Runtime.CpuState.Tlb));
    static readonly int TlbOffsetMaskOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<Fast.Runtime.CpuState>(nameof(Fast.Runtime.CpuState.TlbOffsetMask));
    static readonly int MissAddressOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<Fast.Runtime.CpuState>(nameof(Fast.Runtime.CpuState.MissAddress));
    static readonly int MissAccessOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<Fast.Runtime.CpuState>(nameof(Fast.Runtime.CpuState.MissAccess));

    /// <summary>
    /// tEntry = the TLB entry of tVa = tAddr + delta, then pushes the entry's tag (read or write) and
    /// the page of the access's last byte, ready for the one compare that decides a hit (Runtime.Tlb).
    /// </summary>
    void TlbProbe(int delta, int size, bool write)
    {
        Il.Emit(OpCodes.Ldloc, tAddr);
        if (delta != 0) { Const((ulong)delta); Il.Emit(OpCodes.Add); }
        Il.Emit(OpCodes.Stloc, tVa);
        // Tlb + ((va >> 7) & TlbOffsetMask): the entry's byte offset in one shift and AND (Runtime.Tlb).
        tlbBase ??= Il.Local(typeof(nint), "tlb");
        Il.Emit(OpCodes.Ldloc, tlbBase);
        Il.Emit(OpCodes.Ldloc, tVa); Il.EmitInt(12 - Fast.Runtime.Tlb.EntryShift); Il.Emit(OpCodes.Shr_Un);
        tlbMask ??= Il.Local(typeof(ulong), "tlb mask");
        Il.Emit(OpCodes.Ldloc, tlbMask);
        Il.Emit(OpCodes.And);
        Il.Emit(OpCodes.Conv_U); Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Stloc, tEntry);
        LoadAt(tEntry, write ? 8 : 0, OpCodes.Ldind_I8);   // TlbEntry.WriteTag or ReadTag
        Il.Emit(OpCodes.Ldloc, tVa);
        if (size > 1) { Const((ulong)(size - 1)); Il.Emit(OpCodes.Add); }
        Const(~0xFFFUL); Il.Emit(OpCodes.And);
    }

    /// <summary>Pushes the host address of tVa: tVa + entry's Addend.</summary>
    void HostAddress()
    {
        Il.Emit(OpCodes.Ldloc, tVa);
        LoadAt(tEntry, 24, OpCodes.Ldind_I8);   // TlbEntry.Addend
        Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Conv_U);
    }

    /// <summary>
    /// The access being emitted starts here. Without pending flags it is a resume point: an entry of
    /// the method (after the register loads, like a block start) where the run loop resumes the
    /// region after its miss exit refilled the TLB. With flags pending (their operands in locals
    /// the entry does not load) a miss leaves through the sync exit instead.
    /// </summary>
    void BeginAccess(ulong pc)
    {
        accessPc = pc;
        resumable = pending == FlagKind.None;
        if (!resumable) return;
        MarkEntry(ref resumeLabels, resumePcs.Count);
        resumePcs.Add(pc);
    }

    /// <summary>A label here, an entry of the method (EmitEntryDispatch): labels[index].</summary>
    void MarkEntry(ref Label[] labels, int index)
    {
        var label = Il.DefineLabel();
        Il.Mark(label);
        if (index == labels.Length) Array.Resize(ref labels, labels.Length * 2);
        labels[index] = label;
    }

    /// <summary>Whether the access being emitted is a resume point (BeginAccess).</summary>
    bool resumable;

    /// <summary>
    /// The access being emitted ends here (its register and base written). A resumable one gets a
    /// second resume point: the run loop, having run the instruction itself (an access across two
    /// pages, which the inline path never serves), goes on in the region after it.
    /// </summary>
    void EndAccess()
    {
        if (resumable) MarkEntry(ref afterLabels, resumePcs.Count - 1);   // the access BeginAccess just made a resume point
    }

    /// <summary>
    /// A TLB miss of the access being emitted (size bytes at tVa): no call (a call would make every
    /// register local live across it, and RyuJIT would keep them in the few callee-saved registers
    /// or the frame). The miss exit records the access and PC and leaves with MissExit; the run loop
    /// refills the TLB (Vcpu.TryRefill) and resumes here; runs an access across two pages itself and
    /// resumes after it (EndAccess); or lets the interpreter take the instruction (a fault, a device,
    /// a write to a code page). Not resumable: the sync exit.
    /// </summary>
    void MissExitFor(int size, bool write)
    {
        StorePc(accessPc);
        if (!resumable) { Il.Emit(OpCodes.Br, syncExit); return; }
        Il.Emit(OpCodes.Ldarg_0); Il.EmitInt(MissAddressOffset); Il.Emit(OpCodes.Add);
        Il.Emit(OpCodes.Ldloc, tVa); Il.Emit(OpCodes.Stind_I8);
        Il.Emit(OpCodes.Ldarg_0); Il.EmitInt(MissAccessOffset); Il.Emit(OpCodes.Add);
        Const((ulong)size | (write ? Fast.Runtime.CpuState.MissWrite : 0)); Il.Emit(OpCodes.Stind_I8);
        Exit(MissExit);
    }

    /// <summary>A load of size bytes at tAddr + delta into a local: GuestMemory's fast path in IL, the miss exit on a miss.</summary>
    void EmitLoad(int delta, int size, LocalBuilder into)
    {
        var slow = Il.DefineLabel();
        TlbProbe(delta, size, write: false);
        Il.Emit(OpCodes.Bne_Un, slow);
        HostAddress();
        LoadHostValue(size);
        Il.Emit(OpCodes.Stloc, into);
        AfterMiss(slow, size, write: false);
    }

    /// <summary>A store of the low size bytes of the value push pushes (the fast path only reads it).</summary>
    void EmitStore(int delta, int size, Action push)
    {
        var slow = Il.DefineLabel();
        TlbProbe(delta, size, write: true);
        Il.Emit(OpCodes.Bne_Un, slow);
        HostAddress();
        push();
        StoreHostValue(size);
        AfterMiss(slow, size, write: true);
    }

    /// <summary>The fast path falls through; the miss path (at slow, out of the way) leaves.</summary>
    void AfterMiss(Label slow, int size, bool write)
    {
        var done = Il.DefineLabel();
        Il.Emit(OpCodes.Br, done);
        Il.Mark(slow);
        MissExitFor(size, write);
        Il.Mark(done);
    }
    /// <summary>into = the size bytes at tHost + offset (a pair's fast path).</summary>
    void LoadHost(int offset, int size, LocalBuilder into)
    {
        Il.Emit(OpCodes.Ldloc, tHost);
        if (offset != 0) { Il.EmitInt(offset); Il.Emit(OpCodes.Add); }
        LoadHostValue(size);
        Il.Emit(OpCodes.Stloc, into);
    }

    /// <summary>The low size bytes of Xr to tHost + offset (a pair's fast path).</summary>
    void StoreHost(int offset, int size, uint r)
    {
        Il.Emit(OpCodes.Ldloc, tHost);
        if (offset != 0) { Il.EmitInt(offset); Il.Emit(OpCodes.Add); }
        Src(r);
        StoreHostValue(size);
    }

    /// <summary>Host address on the stack -> the size bytes there, zero-extended to 64 bits.</summary>
    void LoadHostValue(int size)
    {
        Il.Emit(OpCodes.Unaligned, (byte)1);
        Il.Emit(size switch { 1 => OpCodes.Ldind_U1, 2 => OpCodes.Ldind_U2, 4 => OpCodes.Ldind_U4, _ => OpCodes.Ldind_I8 });
        if (size < 8) Il.Emit(OpCodes.Conv_U8);
    }

    /// <summary>Host address and a 64-bit value on the stack: stores the value's low size bytes.</summary>
    void StoreHostValue(int size)
    {
        if (size < 8) Il.Emit(OpCodes.Conv_U4);
        Il.Emit(OpCodes.Unaligned, (byte)1);
        Il.Emit(size switch { 1 => OpCodes.Stind_I1, 2 => OpCodes.Stind_I2, 4 => OpCodes.Stind_I4, _ => OpCodes.Stind_I8 });
    }

    static int Log2(int size) => size switch { 1 => 0, 2 => 1, 4 => 2, _ => 3 };

    /// <summary>Extends a loaded value on the stack: sign-extension of signed loads to regsize.</summary>
    void Extend(int size, bool signed, int regsize)
    {
        if (!signed) return;
        Il.EmitInt(size * 8); Il.EmitInt(regsize); Call("SignExtendTo");
    }

    /// <summary>The PC of the access being emitted (the checked helpers' slow paths store it).</summary>
    ulong accessPc;

    void Single(ulong pc, InstFields f, int size, bool load, bool signed, int mode, Offset offsetKind)
    {
        BeginAccess(pc);
        if (size == 0) size = 4 << (int)f["sz"];
        int scale = Log2(size);
        // LDRSB/LDRSH: opc<0> = 1 loads into a W register; LDRSW and LDR X into X.
        int regsize = signed ? (size == 4 ? 64 : (f["opc0"] != 0 ? 32 : 64)) : (size == 8 ? 64 : 32);
        ulong immediate = offsetKind switch
        {
            Offset.Unsigned => (ulong)f["imm12"] << scale,
            Offset.Signed9 => Bits.SignExtend(f["imm9"], 9),
            _ => 0,
        };
        uint rn = f["Rn"], rt = f["Rt"];
        ComputeAddress(rn, mode, immediate, offsetKind == Offset.Register ? f : null, scale);
        if (load)
        {
            EmitLoad(0, size, tData);
            Il.Emit(OpCodes.Ldloc, tData); Extend(size, signed, regsize); Dst(rt);
        }
        else
        {
            EmitStore(0, size, () => Src(rt));
        }
        WriteBack(rn, mode, immediate);
        EndAccess();
    }

    void Pair(ulong pc, InstFields f, bool load, bool signed, int mode)
    {
        BeginAccess(pc);
        int size = signed ? 4 : 4 << (int)f["sf"];
        ulong immediate = Bits.SignExtend(f["imm7"], 7) << Log2(size);
        uint rn = f["Rn"], rt = f["Rt"], rt2 = f["Rt2"];
        ComputeAddress(rn, mode, immediate);
        // One TLB probe for both elements (the tag compare with the page of the pair's last byte also
        // rejects a pair that crosses a page), both accesses through one addend; a miss exits (a pair
        // that crosses a page is the interpreter's: TryRefill refuses it).
        var slow = Il.DefineLabel();
        TlbProbe(0, 2 * size, write: !load);
        Il.Emit(OpCodes.Bne_Un, slow);
        HostAddress();
        Il.Emit(OpCodes.Stloc, tHost);
        if (load)
        {
            LoadHost(0, size, tData);
            LoadHost(size, size, tData2);
        }
        else
        {
            StoreHost(0, size, rt);
            StoreHost(size, size, rt2);
        }
        AfterMiss(slow, 2 * size, write: !load);
        if (load)
        {
            // Both accesses before any register; Rt2 is written first so Rt wins when Rt == Rt2.
            Il.Emit(OpCodes.Ldloc, tData2); Extend(size, signed, 64); Dst(rt2);
            Il.Emit(OpCodes.Ldloc, tData); Extend(size, signed, 64); Dst(rt);
        }
        WriteBack(rn, mode, immediate);
        EndAccess();
    }
}
