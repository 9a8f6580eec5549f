// KnownDeviations: where Unicorn (libunicorn2 2.0.1, QEMU 5.0 inside, running at EL1) is KNOWN to
// differ from the ARM ARM, or from the EL0 machine Fast models. Each entry names the row (and the
// words of it, if only some) and the reason; the generator does not produce those words, and
// `fast difftest` prints how many it left out per entry, so nothing is skipped silently.
//
// Differences handled by configuration rather than by skipping (see DiffRunner):
//   - SP alignment: Unicorn reads SCTLR_EL1 = 0x00c50838 (SA = SA0 = 1) but QEMU's TCG never
//     checks SP alignment (an LDR X0, [SP] with SP = 0x...08 completes, checked empirically).
//     Fast runs with CpuControl.StackAlignmentCheck off so both agree.
//   - EL0 cache/ID access (CTR_EL0, DCZID_EL0, DC ZVA, DC CVAU, IC IVAU): Unicorn runs at EL1 where
//     they are always allowed; Fast gets CpuControl.UserCacheType | UserDcZva | UserCacheMaintenance.
//   - A store that straddles into unmapped memory: Unicorn (QEMU's byte-by-byte slow path) writes
//     the mapped bytes before faulting; Fast writes nothing. The ARM ARM leaves memory written by
//     a store that takes a synchronous Data Abort UNKNOWN for the faulting access, so when both
//     sides report the same write abort, differences within the 32 bytes below the fault address
//     are not reported (DiffRunner.CompareMemory).
namespace Fast.Cli.Difftest;

public sealed record KnownDeviation(string Row, Func<uint, bool>? When, string Reason)
{
    public override string ToString() => When is null ? $"{Row}: {Reason}" : $"{Row} (some encodings): {Reason}";
}

public static class KnownDeviations
{
    // MRS/MSR/SYS/SYSL fields: op0 at 20:19, op1 at 18:16, CRn 15:12, CRm 11:8, op2 7:5.
    static uint Op1(uint w) => (w >> 16) & 7;
    static uint CRn(uint w) => (w >> 12) & 15;
    static uint CRm(uint w) => (w >> 8) & 15;
    static bool Rt2EqualsRt(uint w) => (w & 31) == ((w >> 10) & 31);
    static bool NotDoubleword(uint w) => (w >> 30) < 3;

    public static readonly KnownDeviation[] Table =
    [
        // Unicorn runs at EL1 (PSTATE 0x3c5); writing PSTATE.M = EL0 does not rebuild QEMU's cached
        // hflags, so translate-time EL checks still see EL1 (checked empirically: MRS SCTLR_EL1
        // succeeds "at EL0"). System-register accesses with op1 != 3 are EL1-or-higher only and
        // UNDEFINED at EL0 (ARM ARM D17.2 / C5.3), which Fast models.
        new("MRS", w => Op1(w) != 3, "Unicorn runs at EL1: EL1 system registers are readable there, UNDEFINED at EL0 (Fast)"),
        new("MSR_reg", w => Op1(w) != 3, "Unicorn runs at EL1: EL1 system registers are writable there, UNDEFINED at EL0 (Fast)"),
        new("SYS", null, "Unicorn runs at EL1 (EL1 cache/TLB maintenance, SYS op1!=3, is UNDEFINED at EL0) and its max CPU has FEAT_DPB2 (DC CVADP) and FEAT_SPECRES (CFP/DVP/CPP RCTX), which Fast does not implement"),
        // MSR FPCR (S3_3_C4_C4_0): the max CPU has FEAT_FP16, so FPCR.FZ16 (bit 19) is writable; without it (Fast) it is RES0.
        new("MSR_reg", w => (w & 0xFFFFFFE0u) == 0xD51B4400u, "Unicorn's max CPU has FEAT_FP16: FPCR.FZ16 is writable there, RES0 in Fast"),
        // TPIDRRO_EL0 (S3_3_C13_C0_3) is read-only at EL0 (writes UNDEFINED, ARM ARM D17.2.142); EL1 may write it.
        new("MSR_reg", w => (w & 0xFFFFFFE0u) == 0xD51BD060u, "Unicorn runs at EL1: TPIDRRO_EL0 is writable there, UNDEFINED for EL0 writes (Fast)"),
        new("SYSL", w => Op1(w) != 3, "Unicorn runs at EL1: SYSL op1!=3 is UNDEFINED at EL0 (Fast)"),
        new("MSR_imm", w => Op1(w) != 3, "Unicorn runs at EL1: MSR (immediate) to PSTATE fields other than EL0-accessible ones"),
        // PMU registers (op1=3, CRn=9 or CRn=14 CRm>=8): at EL0 they trap unless PMUSERENR_EL0 allows it.
        new("MRS", w => Op1(w) == 3 && (CRn(w) == 9 || (CRn(w) == 14 && CRm(w) >= 8)), "Unicorn runs at EL1: PMU registers are accessible there, UNDEFINED at EL0 with PMUSERENR_EL0.EN=0 (Fast)"),
        new("MSR_reg", w => Op1(w) == 3 && (CRn(w) == 9 || CRn(w) == 14), "Unicorn runs at EL1: PMU and generic-timer registers are writable there, UNDEFINED at EL0 with PMUSERENR_EL0.EN=0 / CNTKCTL_EL1.EL0PTEN=0 (Fast)"),
        // RNDR/RNDRRS (S3_3_C2_C4_0/1): Unicorn's "max" CPU has FEAT_RNG, whose values are random anyway.
        new("MRS", w => Op1(w) == 3 && CRn(w) == 2 && CRm(w) == 4, "Unicorn's max CPU implements FEAT_RNG (RNDR/RNDRRS return random numbers); Fast has no FEAT_RNG"),
        // QEMU 5.0's non-atomic LSE fallback (tcg do_nonatomic_op_i32/i64) compares the loaded
        // value with the whole, un-extended register (also for 32-bit LDSMAX: W2=0x000d3ff4 against
        // 0xa3220898 keeps the negative memory value): STUMAXH W27=0x200000 against 0xdb5e stores
        // 0 where C6.2.x LDUMAXH (UMax of the halfwords) keeps 0xdb5e. Fixed upstream later ("tcg:
        // Fix do_nonatomic_op_* vs signed operations").
        new("LDSMAX", NotDoubleword, "QEMU 5.0 compares byte/halfword/word SMAX against the unextended register"),
        new("LDSMIN", NotDoubleword, "QEMU 5.0 compares byte/halfword/word SMIN against the unextended register"),
        new("LDUMAX", NotDoubleword, "QEMU 5.0 compares byte/halfword/word UMAX against the unextended register"),
        new("LDUMIN", NotDoubleword, "QEMU 5.0 compares byte/halfword/word UMIN against the unextended register"),
        // LDP/LDNP (SIMD&FP) with t == t2 is CONSTRAINED UNPREDICTABLE (UNKNOWN value, UNDEFINED or
        // NOP are all allowed): the two implementations may legitimately differ.
        new("LDP_fp_off", Rt2EqualsRt, "LDP (SIMD&FP) with Rt == Rt2 is CONSTRAINED UNPREDICTABLE"),
        new("LDP_fp_pre", Rt2EqualsRt, "LDP (SIMD&FP) with Rt == Rt2 is CONSTRAINED UNPREDICTABLE"),
        new("LDP_fp_post", Rt2EqualsRt, "LDP (SIMD&FP) with Rt == Rt2 is CONSTRAINED UNPREDICTABLE"),
        new("LDNP_fp", Rt2EqualsRt, "LDNP (SIMD&FP) with Rt == Rt2 is CONSTRAINED UNPREDICTABLE"),
        // QEMU ends the emulation loop on WFI (EXCP_HLT) and on WFE/YIELD (EXCP_YIELD) — and SEVL
        // then WFE falls through the same path — so Unicorn stops before the instruction count;
        // architecturally these are hints (WFE/YIELD/SEVL) or a wait that may complete at once (WFI).
        new("WFI", null, "Unicorn stops emulating at WFI (QEMU EXCP_HLT)"),
        new("WFE", null, "Unicorn stops emulating at WFE (QEMU EXCP_YIELD)"),
        new("YIELD", null, "Unicorn stops emulating at YIELD (QEMU EXCP_YIELD)"),
        // DC ZVA that faults: Unicorn leaves PC after the DC (the preferred return address of a
        // Data Abort is the instruction itself, D1.10.1) and reports Xt unaligned as the address.
        new("DC_ZVA", null, "Unicorn reports a faulting DC ZVA with PC = next instruction (should be the DC itself)"),
    ];

    /// <summary>
    /// Unicorn results corrected to what the ARM ARM says (DiffRunner applies them and `fast
    /// difftest` prints how often): a branch to a misaligned address (BR, BLR, RET, ... with a
    /// register whose bits 1:0 are not 0) runs on in QEMU 5.0, which has no PC alignment check; per
    /// D1.10.2 the next instruction instead takes a PC alignment fault at that PC, before any
    /// fetch. DiffRunner stops Unicorn on the first misaligned PC it sees (code hook) or fetch.
    /// </summary>
    /// <summary>DiffRunner.IgnoreAbortedSimdLoadDestinations.</summary>
    public const string AbortedSimdLoad = "LD1-LD4/LD1R-LD4R taking a Data Abort: destination registers UNKNOWN (QEMU writes those loaded before the fault, Fast none)";

    public const string PcAlignment = "BR/BLR/RET/... to a misaligned target: QEMU 5.0 has no PC alignment fault (ARM ARM D1.10.2)";

    static readonly Dictionary<string, KnownDeviation[]> byRow =
        Table.GroupBy(d => d.Row).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The entry covering this row's word (word null: an entry covering the whole row), or null.</summary>
    public static KnownDeviation? Find(string row, uint? word)
    {
        if (!byRow.TryGetValue(row, out var entries)) return null;
        foreach (var d in entries)
            if (d.When is null || (word is { } w && d.When(w))) return d;
        return null;
    }
}
