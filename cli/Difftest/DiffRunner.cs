// DiffRunner: runs one case in Fast (interpreter tier, MMU off) and in Unicorn, and compares.
//
// Both machines see the same 1 MiB of memory at physical/virtual 0 and nothing else, so an access
// outside it faults on both sides (Fast: external abort, the PA is beyond RAM; Unicorn: unmapped).
//
//   0x00000 .. 0x10000   pattern
//   0x10000 .. 0x11000   code page: the case's words, then pattern
//   0x11000 .. 0x80000   pattern
//   0x80000 .. 0x100000  the data region random pointers aim into (pattern)
//
// The pattern is a hash of the address, except that every aligned word's bits 28..25 are 00x1,
// an unallocated top-level encoding (ARM ARM C4.1), so a branch that leaves the case lands on
// UNDEFINED words on both sides instead of executing data. The whole of memory is compared after
// every case (Unicorn's memory is host memory mapped with uc_mem_map_ptr, so that costs two
// memcmp of 1 MiB), then the pages that changed are restored.
//
// Fast's CpuControl is set to match what Unicorn (EL1, SCTLR_EL1 0x00c50838) does: no alignment
// check, no SP alignment check (QEMU never checks it), EL0 cache/ID accesses allowed. See
// KnownDeviations for the rest.
using System.Runtime.InteropServices;
using Fast.Runtime;

namespace Fast.Cli.Difftest;

/// <summary>One differential case: instruction words placed at CodeBase, an initial state, an instruction count.</summary>
public sealed record DiffCase(uint[] Words, DiffState Initial, int Count);

public sealed record DiffResult(DiffCase Case, DiffState Fast, DiffState Unicorn, List<string> Differences)
{
    public bool Matches => Differences.Count == 0;
}

public sealed unsafe class DiffRunner : IDisposable
{
    public const ulong RamSize = 1UL << 20;
    public const ulong CodeBase = 0x10000;
    public const ulong DataBase = 0x80000, DataSize = 0x80000;
    const ulong Page = 0x1000;
    /// <summary>An address no case reaches: Unicorn's `until` (the instruction count ends every run).</summary>
    const ulong Until = 0x5A5A_5A5A_5A5A_5A58;

    readonly Fast.Translator.Interpreter.Interpreter engine;
    readonly Fast.Translator.Jit.TierUpQueue? tierUp;

    /// <summary>"interp" (tier 0 only) or "jit": each case first runs once to form and compile its regions,
    /// then runs again from the same initial state and memory through tier 1, and that second run is compared.</summary>
    public string Tier { get; }

    /// <summary>Cases of the jit tier that rewrote their own code and were compared through the interpreter.</summary>
    public long SelfModifyingFallbacks { get; private set; }
    readonly DifftestOs os = new();
    readonly Machine machine;
    readonly Vcpu cpu;
    readonly Unicorn uc;
    readonly byte* ucRam;
    readonly byte[] pristine;

    /// <summary>
    /// Tests only: runs after Fast's run and before the comparison, so a test can corrupt Fast's
    /// result and prove the comparison catches it (the check cannot pass vacuously).
    /// </summary>
    public Action<Vcpu>? TamperWithFast { get; set; }

    // What Unicorn's hooks saw during the current run.
    Outcome ucOutcome;
    ulong ucFaultAddress;
    bool ucFaultOnWrite;
    bool ucFaultDetailKnown;
    string ucOutcomeText = "";
    long ucStarted;   // instructions Unicorn began (its code hook fired)
    long ucCount;     // the current case's instruction count

    public DiffRunner(string tier = "interp")
    {
        if (tier is not ("interp" or "jit")) throw new ArgumentException($"tier must be interp or jit, not {tier}");
        Tier = tier;
        tierUp = tier == "jit" ? new Fast.Translator.Jit.TierUpQueue() : null;
        engine = new Fast.Translator.Interpreter.Interpreter { TierUp = tierUp, TierUpThreshold = 1 };
        machine = new Machine(RamSize, engine, os);
        cpu = machine.AddVcpu();
        uc = new Unicorn(UcArm64Cpu.Max);
        ucRam = (byte*)NativeMemory.AlignedAlloc((nuint)RamSize, (nuint)Page);
        uc.MapPointer(0, RamSize, ucRam);
        uc.Interrupt = OnUnicornInterrupt;
        uc.Unmapped = OnUnicornUnmapped;
        uc.Code = OnUnicornCode;
        pristine = new byte[RamSize];
        FillPattern(pristine);
        pristine.CopyTo(FastRam);
        pristine.CopyTo(UnicornRam);
    }

    Span<byte> FastRam => machine.Ram.Span(0, (int)RamSize);
    Span<byte> UnicornRam => new(ucRam, (int)RamSize);

    /// <summary>Byte i of memory: a hash of i, with every word's bits 28..25 forced to 00x1 (unallocated).</summary>
    public static void FillPattern(Span<byte> ram)
    {
        for (int i = 0; i < ram.Length; i += 8)
        {
            ulong h = Rng.Hash((ulong)i);
            h = (h & ~0x1E0000001E000000UL) | 0x0200000002000000UL;   // bits 28..25 of both words: 0001 or 0011
            h |= Rng.Hash((ulong)i ^ 0xABCDEF) & 0x0400000004000000UL;
            MemoryMarshal.Write(ram[i..], in h);
        }
    }

    public DiffResult Run(DiffCase c)
    {
        var code = MemoryMarshal.AsBytes(c.Words.AsSpan());
        if ((ulong)code.Length > Page) throw new ArgumentException("a case's code must fit in one page");
        code.CopyTo(FastRam[(int)CodeBase..]);
        code.CopyTo(UnicornRam[(int)CodeBase..]);
        engine.InvalidateAll();
        uc.RemoveTranslations(CodeBase, CodeBase + Page);

        if (tierUp is not null)
        {
            long invalidated = engine.Cache.BlocksInvalidated;
            RunFast(c);                 // interpreted once: every block entered reaches the threshold of 1
            tierUp.Drain();
            if (tierUp.Failures != 0)   // a region that fails to compile would silently run interpreted
                throw new InvalidOperationException($"tier 1 failed to compile a region: {tierUp.LastFailure}");
            pristine.CopyTo(FastRam);   // same memory again (the code page too) for the compiled run
            code.CopyTo(FastRam[(int)CodeBase..]);
            if (engine.Cache.BlocksInvalidated != invalidated)
            {
                // The case stored into its own code: what was compiled is not the code restored now
                // (host writes bypass invalidation). Compare this case through the interpreter.
                engine.InvalidateAll();
                SelfModifyingFallbacks++;
            }
        }
        var fast = RunFast(c);
        var unicorn = RunUnicorn(c);
        var diffs = DiffState.Compare(fast, unicorn);
        IgnoreAbortedSimdLoadDestinations(c, fast, unicorn, diffs);
        CompareMemory(fast, unicorn, diffs);
        RestoreMemory();
        return new DiffResult(c, fast, unicorn, diffs);
    }

    DiffState RunFast(DiffCase c)
    {
        CpuState* s = cpu.State;
        var init = c.Initial;
        for (int i = 0; i < 31; i++) s->X[i] = init.X[i];
        s->SP = init.Sp;
        s->PC = CodeBase;
        s->Nzcv = init.Nzcv;
        for (int i = 0; i < 64; i++) s->V[i] = init.V[i];
        s->Fpcr = (uint)init.Fpcr;
        s->Fpsr = (uint)init.Fpsr;
        s->TpidrEl0 = init.Tpidr;
        s->ExclusiveSize = 0;
        s->Control = CpuControl.UserCacheType | CpuControl.UserDcZva | CpuControl.UserCacheMaintenance;
        os.Clear();
        cpu.Run(c.Count);
        TamperWithFast?.Invoke(cpu);

        var r = new DiffState();
        for (int i = 0; i < 31; i++) r.X[i] = s->X[i];
        r.Sp = s->SP;
        r.Pc = s->PC;
        r.Nzcv = s->Nzcv;
        for (int i = 0; i < 64; i++) r.V[i] = s->V[i];
        r.Fpcr = s->Fpcr;
        r.Fpsr = s->Fpsr;
        r.Tpidr = s->TpidrEl0;
        if (os.First is { } e)
        {
            r.Outcome = e.Kind switch
            {
                ExceptionKind.Svc => Outcome.Svc,
                ExceptionKind.Brk => Outcome.Brk,
                ExceptionKind.Hlt or ExceptionKind.Undefined => Outcome.Undefined,
                ExceptionKind.DataAbort => Outcome.DataAbort,
                ExceptionKind.InstructionAbort => Outcome.InstructionAbort,
                ExceptionKind.PcAlignment => Outcome.PcAlignment,
                ExceptionKind.SpAlignment => Outcome.SpAlignment,
                _ => Outcome.Other,
            };
            r.OutcomeText = e.ToString();
            r.FaultAddress = e.FaultAddress;
            r.FaultOnWrite = e.Kind == ExceptionKind.DataAbort && e.Access == AccessKind.Write;
        }
        return r;
    }

    DiffState RunUnicorn(DiffCase c)
    {
        var init = c.Initial;
        for (int i = 0; i < 31; i++) uc.WriteReg(UcArm64Reg.X(i), init.X[i]);
        uc.WriteReg(UcArm64Reg.Sp, init.Sp);
        uc.WriteReg(UcArm64Reg.Nzcv, init.Nzcv);
        for (int i = 0; i < 32; i++) uc.WriteReg128(UcArm64Reg.Q(i), init.V[2 * i], init.V[2 * i + 1]);
        uc.WriteReg(UcArm64Reg.Fpcr, init.Fpcr);
        uc.WriteReg(UcArm64Reg.Fpsr, init.Fpsr);
        uc.WriteReg(UcArm64Reg.TpidrEl0, init.Tpidr);

        ucOutcome = Outcome.Completed;
        ucFaultAddress = 0;
        ucFaultOnWrite = false;
        ucFaultDetailKnown = true;
        ucOutcomeText = "";
        ucStarted = 0;
        ucCount = c.Count;
        var err = uc.Start(CodeBase, Until, (ulong)c.Count);
        if (err is not (UcErr.Ok or UcErr.ReadUnmapped or UcErr.WriteUnmapped or UcErr.FetchUnmapped) && ucOutcome == Outcome.Completed)
        {
            ucOutcome = Outcome.Other;
            ucOutcomeText = $"uc_emu_start: {Unicorn.ErrorText(err)}";
        }

        var r = new DiffState();
        for (int i = 0; i < 31; i++) r.X[i] = uc.ReadReg(UcArm64Reg.X(i));
        r.Sp = uc.ReadReg(UcArm64Reg.Sp);
        r.Pc = uc.ReadReg(UcArm64Reg.Pc);
        r.Nzcv = uc.ReadReg(UcArm64Reg.Nzcv) & 0xF000_0000UL;
        for (int i = 0; i < 32; i++) (r.V[2 * i], r.V[2 * i + 1]) = uc.ReadReg128(UcArm64Reg.Q(i));
        r.Fpcr = uc.ReadReg(UcArm64Reg.Fpcr) & 0xFFFF_FFFFUL;
        r.Fpsr = uc.ReadReg(UcArm64Reg.Fpsr) & 0xFFFF_FFFFUL;
        r.Tpidr = uc.ReadReg(UcArm64Reg.TpidrEl0);
        r.Outcome = ucOutcome;
        r.FaultAddress = ucFaultAddress;
        r.FaultOnWrite = ucFaultOnWrite;
        r.FaultDetailKnown = ucFaultDetailKnown;
        r.OutcomeText = ucOutcomeText;
        NormaliseUnicornPc(r);
        // Unicorn's instruction count stops the run from the code hook of instruction count+1,
        // i.e. after translating (fetching) it: an unmapped fetch there is an artefact of the
        // counting, not an architectural instruction abort (the instruction never began).
        if (r.Outcome is Outcome.InstructionAbort or Outcome.PcAlignment && ucStarted >= c.Count)
        {
            r.Outcome = Outcome.Completed;
            r.FaultAddress = 0;
        }
        return r;
    }

    /// <summary>
    /// The one place Unicorn's reported PC would be adjusted to the ARM ARM's preferred return
    /// address (D1.10.1), which is what Fast leaves in CpuState.PC. Checked empirically against
    /// libunicorn2 2.0.1: after SVC the PC is the next instruction (EXCP_SWI is raised with the
    /// advanced PC); after BRK, HLT, UDF and UNDEFINED words it is the instruction itself; after
    /// an unmapped data access it is the faulting instruction (QEMU restores the state of the
    /// access); after an unmapped fetch it is the address fetched. All of these already equal the
    /// preferred return addresses, so nothing is changed.
    /// </summary>
    static void NormaliseUnicornPc(DiffState r) { }

    void OnUnicornInterrupt(uint intno)
    {
        // QEMU's target/arm exception numbers (cpu.h): 1 EXCP_UDEF, 2 EXCP_SWI, 3 EXCP_PREFETCH_ABORT,
        // 4 EXCP_DATA_ABORT (alignment faults: unmapped accesses come through the unmapped hook),
        // 7 EXCP_BKPT. The hook runs before FAR/ESR are written, so an abort's address is unknown.
        if (ucOutcome == Outcome.Completed)
        {
            ucOutcome = intno switch
            {
                1 => Outcome.Undefined,
                2 => Outcome.Svc,
                3 => Outcome.InstructionAbort,
                4 => Outcome.DataAbort,
                7 => Outcome.Brk,
                _ => Outcome.Other,
            };
            if (ucOutcome == Outcome.Other) ucOutcomeText = $"QEMU exception {intno}";
            if (intno is 3 or 4) ucFaultDetailKnown = false;
        }
        uc.Stop();
    }

    /// <summary>Unicorn results corrected to the ARM ARM (KnownDeviations.Corrections), by correction.</summary>
    public Dictionary<string, int> Corrections { get; } = new();

    void Correct(string which) => Corrections[which] = Corrections.GetValueOrDefault(which) + 1;

    void OnUnicornCode(ulong address, uint size)
    {
        // (The hook of instruction count+1 only stops the run: that instruction never begins.)
        if ((address & 3) != 0 && ucOutcome == Outcome.Completed && ucStarted < ucCount)
        {
            // QEMU 5.0 has no PC alignment check: per D1.10.2 executing at a misaligned PC takes a
            // PC alignment fault before the instruction runs (see KnownDeviations.Corrections).
            ucOutcome = Outcome.PcAlignment;
            Correct(KnownDeviations.PcAlignment);
            uc.Stop();
            return;
        }
        ucStarted++;
    }

    bool OnUnicornUnmapped(UcMemType type, ulong address, int size)
    {
        if (ucOutcome == Outcome.Completed && type == UcMemType.FetchUnmapped && (address & 3) != 0 && ucStarted < ucCount)
        {
            ucOutcome = Outcome.PcAlignment;   // the PC alignment fault comes before the fetch (D1.10.2)
            Correct(KnownDeviations.PcAlignment);
        }
        if (ucOutcome == Outcome.Completed)
        {
            ucOutcome = type == UcMemType.FetchUnmapped ? Outcome.InstructionAbort : Outcome.DataAbort;
            ucFaultAddress = address;
            ucFaultOnWrite = type == UcMemType.WriteUnmapped;
        }
        return false;
    }

    /// <summary>
    /// An AdvSIMD structure load (LD1-LD4, LD1R-LD4R) that takes a Data Abort leaves its destination
    /// registers UNKNOWN (ARM ARM: an aborted load's destination registers are UNKNOWN): QEMU writes
    /// the registers of the structures it loaded before the fault, Fast writes none. When both abort
    /// at the same such load, its destination registers are not compared.
    /// </summary>
    void IgnoreAbortedSimdLoadDestinations(DiffCase c, DiffState fast, DiffState unicorn, List<string> diffs)
    {
        if (fast.Outcome != Outcome.DataAbort || unicorn.Outcome != Outcome.DataAbort || fast.Pc != unicorn.Pc) return;
        long index = (long)(fast.Pc - CodeBase) / 4;
        if (index < 0 || index >= c.Words.Length) return;
        uint word = c.Words[index];
        int row = Fast.Translator.Decoder.Decode(word);
        if (row < 0) return;
        var table = Fast.Translator.Table.EncodingTable.Rows[row];
        if (!table.Group.StartsWith("AdvSimdLoadStore") || !Fast.Translator.Decoder.Rows[row].Name.StartsWith("LD")) return;
        uint rt = word & 31;
        // C4.1.x: bit 24 set = single structure / replicate (registers: opcode<0>:R + 1); clear =
        // multiple structures (registers by opcode: LD4, LD1 x4, LD3, LD1 x3, LD1, LD2, LD1 x2).
        int registers = (word >> 24 & 1) != 0
            ? (int)(((word >> 13 & 1) << 1 | (word >> 21 & 1)) + 1)
            : (word >> 12 & 0xF) switch { 0b0000 or 0b0010 => 4, 0b0100 or 0b0110 => 3, 0b0111 => 1, _ => 2 };
        var destinations = Enumerable.Range(0, registers).Select(k => $"V{(rt + (uint)k) % 32}:").ToArray();
        if (diffs.RemoveAll(d => destinations.Any(d.StartsWith)) > 0) Correct(KnownDeviations.AbortedSimdLoad);
    }

    void CompareMemory(DiffState fast, DiffState unicorn, List<string> diffs)
    {
        var f = FastRam;
        var u = UnicornRam;
        if (f.SequenceEqual(u)) return;
        // A store that takes a Data Abort leaves the bytes it would have written UNKNOWN (see
        // KnownDeviations): ignore the 32 bytes below a write fault both sides agree on.
        ulong ignoreFrom = 1, ignoreTo = 0;
        if (fast.Outcome == Outcome.DataAbort && unicorn.Outcome == Outcome.DataAbort && fast.FaultOnWrite && unicorn.FaultOnWrite
            && fast.FaultAddress == unicorn.FaultAddress && fast.Pc == unicorn.Pc)
        {
            ignoreFrom = fast.FaultAddress >= 32 ? fast.FaultAddress - 32 : 0;
            ignoreTo = fast.FaultAddress;
        }
        int shown = 0, total = 0;
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] == u[i]) continue;
            if ((ulong)i >= ignoreFrom && (ulong)i < ignoreTo) continue;
            total++;
            if (shown++ < 16) diffs.Add($"mem[0x{i:x}]: fast=0x{f[i]:x2} unicorn=0x{u[i]:x2}");
        }
        if (total > 16) diffs.Add($"... {total - 16} more differing bytes");
    }

    void RestoreMemory()
    {
        var f = FastRam;
        var u = UnicornRam;
        for (int p = 0; p < (int)RamSize; p += (int)Page)
        {
            var pp = pristine.AsSpan(p, (int)Page);
            var fp = f.Slice(p, (int)Page);
            var up = u.Slice(p, (int)Page);
            if (!fp.SequenceEqual(pp)) pp.CopyTo(fp);
            if (!up.SequenceEqual(pp))
            {
                pp.CopyTo(up);
                uc.RemoveTranslations((ulong)p, (ulong)p + Page);   // in case the page was also executed
            }
        }
    }

    public void Dispose()
    {
        tierUp?.Dispose();
        uc.Dispose();
        NativeMemory.AlignedFree(ucRam);
        machine.Dispose();
    }
}
