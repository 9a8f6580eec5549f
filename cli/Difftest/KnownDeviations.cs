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

    public static readonly KnownDeviation[] Table =
    [
        // Unicorn runs at EL1 (PSTATE 0x3c5); writing PSTATE.M = EL0 does not rebuild QEMU's cached
        // hflags, so translate-time EL checks still see EL1 (checked empirically: MRS SCTLR_EL1
        // succeeds "at EL0"). System-register accesses with op1 != 3 are EL1-or-higher only and
        // UNDEFINED at EL0 (ARM ARM D17.2 / C5.3), which Fast models.
        new("MRS", w => Op1(w) != 3, "Unicorn runs at EL1: EL1 system registers are readable there, UNDEFINED at EL0 (Fast)"),
        new("MSR_reg", w => Op1(w) != 3, "Unicorn runs at EL1: EL1 system registers are writable there, UNDEFINED at EL0 (Fast)"),
        new("SYS", w => Op1(w) != 3, "Unicorn runs at EL1: EL1 cache/TLB maintenance (SYS op1!=3) is UNDEFINED at EL0 (Fast)"),
        new("SYSL", w => Op1(w) != 3, "Unicorn runs at EL1: SYSL op1!=3 is UNDEFINED at EL0 (Fast)"),
        new("MSR_imm", w => Op1(w) != 3, "Unicorn runs at EL1: MSR (immediate) to PSTATE fields other than EL0-accessible ones"),
    ];

    static readonly Dictionary<string, KnownDeviation[]> byRow =
        Table.GroupBy(d => d.Row).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The entry covering this row's word, or null.</summary>
    public static KnownDeviation? Find(string row, uint word)
    {
        if (!byRow.TryGetValue(row, out var entries)) return null;
        foreach (var d in entries)
            if (d.When is null || d.When(word)) return d;
        return null;
    }
}
