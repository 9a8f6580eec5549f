using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator.Jit;

/// <summary>Tier 1 compiles hot regions to IL that calls the same semantics as the interpreter.</summary>
public unsafe class RegionTests
{
    // sum: X1 = X0 + (X0-1) + ... + 1, as a two-instruction loop closed by B.NE.
    static readonly uint[] SumLoop =
    [
        0xD2800001, // MOVZ X1, #0
        0x8B000021, // loop: ADD X1, X1, X0
        0xF1000400, // SUBS X0, X0, #1
        0x54FFFFC1, // B.NE loop
    ];

    /// <summary>
    /// FAST_JIT_SYNC=1: the vCPU compiles a region when it forms it, so the loop runs compiled within
    /// the same run (no Drain) and two runs do exactly the same work (run-loop calls, blocks
    /// interpreted), which is what makes instruction counts comparable between builds.
    /// </summary>
    [Fact]
    public void SynchronousCompilationRunsTheSameWayEveryTime()
    {
        (ulong Sum, long RegionCalls, long Blocks) RunOnce()
        {
            using var h = new GuestHarness(tier1Threshold: 2, synchronousTier1: true);
            h.SetX(0, 100_000);
            h.Run(SumLoop);
            Assert.Equal(1, h.TierUp!.RegionsCompiled);
            return (h.X(1), h.Engine.RegionEntries(h.Cpu), h.Engine.BlockEntries(h.Cpu));
        }
        var first = RunOnce();
        Assert.Equal(100_000UL * 100_001 / 2, first.Sum);
        Assert.True(first.RegionCalls >= 1, "the loop did not run compiled");
        Assert.True(first.Blocks < 10, $"{first.Blocks} blocks interpreted");
        Assert.Equal(first, RunOnce());
    }

    [Fact]
    public void HotBlockIsCompiledAndStillRaisesItsException()
    {
        using var h = new GuestHarness(tier1Threshold: 2);
        int entries = 0;
        h.Os.Handler = (cpu, e) =>
        {
            if (++entries == 1) h.TierUp!.Drain();
            if (entries == 50) return Resume.Halt;
            cpu.State->PC = GuestHarness.CodeBase;
            return Resume.Continue;
        };
        h.RunRaw(0xD40000A1); // SVC #0x5
        var block = Assert.Single(h.Engine.Cache.Snapshot());
        h.TierUp!.Drain();
        Assert.True(block.Region?.Code is not null, h.TierUp.LastFailure);
        Assert.Equal(50, h.Os.Exceptions.Count);
        Assert.All(h.Os.Exceptions, e => Assert.Equal(ExceptionKind.Svc, e.Kind));
        Assert.All(h.Os.Exceptions, e => Assert.Equal(GuestHarness.CodeBase + 4, e.Pc));
        Assert.Equal(1, h.TierUp.RegionsCompiled);
    }

    [Fact]
    public void CompiledMethodIsNamedAfterTheGuestAddress()
    {
        using var h = new GuestHarness(tier1Threshold: 1);
        h.RunRaw(0xD4200020); // BRK #0x1
        h.TierUp!.Drain();
        var block = Assert.Single(h.Engine.Cache.Snapshot());
        Assert.Equal($"guest!0x{GuestHarness.CodeBase:x}", block.Region!.Code!.Method.Name);
    }

    static (ulong X1, ulong Pc, ulong Retired, ulong Nzcv) RunSum(GuestHarness h, ulong n, long budget)
    {
        h.SetX(0, n);
        h.Nzcv = 0;
        h.Os.Exceptions.Clear();
        ulong before = h.State->Retired;
        h.PC = GuestHarness.CodeBase;
        h.Cpu.Run(budget);
        return (h.X(1), h.PC, h.State->Retired - before, h.Nzcv);
    }

    [Fact]
    public void LoopRunsInsideOneRegionWithExactCounts()
    {
        using var jit = new GuestHarness(tier1Threshold: 2);
        using var interp = new GuestHarness();
        jit.Load(GuestHarness.CodeBase, [.. SumLoop, GuestHarness.EndMarker]);
        interp.Load(GuestHarness.CodeBase, [.. SumLoop, GuestHarness.EndMarker]);
        RunSum(jit, 10, long.MaxValue);
        jit.TierUp!.Drain();
        Assert.True(jit.TierUp.RegionsCompiled >= 1);

        long regionEntries = jit.Engine.RegionEntries(jit.Cpu);
        var expected = RunSum(interp, 100_000, long.MaxValue);
        Assert.Equal(100_000UL * 100_001 / 2, expected.X1);
        Assert.Equal(expected, RunSum(jit, 100_000, long.MaxValue));
        // The loop stays in compiled code: a handful of entries, not one per iteration.
        Assert.InRange(jit.Engine.RegionEntries(jit.Cpu) - regionEntries, 1, 10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(29_999)]
    public void BudgetStopsAtTheSameInstructionAsTheInterpreter(long budget)
    {
        using var jit = new GuestHarness(tier1Threshold: 1);
        using var interp = new GuestHarness();
        jit.Load(GuestHarness.CodeBase, [.. SumLoop, GuestHarness.EndMarker]);
        interp.Load(GuestHarness.CodeBase, [.. SumLoop, GuestHarness.EndMarker]);
        RunSum(jit, 10, long.MaxValue);
        jit.TierUp!.Drain();
        Assert.Equal(RunSum(interp, 10_000, budget), RunSum(jit, 10_000, budget));
    }

    /// <summary>
    /// Blocks of a region waiting for the compiler do not form regions of their own when they get hot
    /// meanwhile (they would compile the same code again); once it is compiled it runs them.
    /// </summary>
    [Fact]
    public void BlocksOfAQueuedRegionDoNotFormOverlappingRegions()
    {
        uint[] loop =
        [
            0xD2800001, // 00 MOVZ X1, #0
            0x36000040, // 04 loop: TBZ W0, #0, skip
            0x91000421, // 08 ADD X1, X1, #1
            0xF1000400, // 0C skip: SUBS X0, X0, #1
            0x54FFFFA1, // 10 B.NE loop
        ];
        using var h = new GuestHarness(tier1Threshold: 2);
        h.TierUp!.Held = true;
        h.SetX(0, 1000);
        h.Run(loop);
        Assert.Equal(500UL, h.X(1));
        Assert.Equal(1, h.Engine.Cache.RegionsFormed);   // the loop head's, holding 08 and 0C too
        h.TierUp.Held = false;
        h.TierUp.Drain();
        long calls = h.Engine.RegionEntries(h.Cpu);
        h.SetX(0, 1000);
        h.PC = GuestHarness.CodeBase;   // again, without reloading (a host write drops all code)
        h.State->ExitReason = ExitReason.None;
        h.Cpu.Run(1_000_000);
        Assert.Equal(GuestHarness.CodeBase + 0x14, h.Os.Last!.Value.Pc);
        Assert.Equal(500UL, h.X(1));
        Assert.InRange(h.Engine.RegionEntries(h.Cpu) - calls, 1, 3);
    }

    /// <summary>
    /// A path that was cold when the region formed but leads back into it (the `if` of a loop, true
    /// only in its last iterations here) joins the region: taking it stays in compiled code.
    /// </summary>
    [Fact]
    public void AColdPathThatLeadsBackJoinsTheRegion()
    {
        uint[] loop =
        [
            0xD2800001, // 00 MOVZ X1, #0
            0xD2800002, // 04 MOVZ X2, #0
            0x8B000021, // 08 loop: ADD X1, X1, X0
            0xF100201F, // 0C CMP X0, #8
            0x54000083, // 10 B.LO side
            0xF1000400, // 14 back: SUBS X0, X0, #1
            0x54FFFF81, // 18 B.NE loop
            0x14000005, // 1C B end
            0x91000442, // 20 side: ADD X2, X2, #1
            0xB6F80042, // 24 TBZ X2, #63, side2 (always taken)
            0xD4200020, // 28 BRK #1 (never reached)
            0x17FFFFFA, // 2C side2: B back
                        // 30 end
        ];
        using var h = new GuestHarness(tier1Threshold: 2, synchronousTier1: true);
        h.SetX(0, 1000);
        h.Run(loop);
        Assert.Equal(GuestHarness.CodeBase + 0x30, h.Os.Last!.Value.Pc);
        Assert.Equal(1000UL * 1001 / 2, h.X(1));
        Assert.Equal(7UL, h.X(2));
        var head = h.Engine.Cache.Snapshot().Single(b => b.Pc == GuestHarness.CodeBase + 8);
        var region = head.Region ?? head.CoveredBy;
        Assert.NotNull(region);
        Assert.True(region!.Contains(GuestHarness.CodeBase + 0x20), "the side path stayed an exit");
        Assert.True(region.Contains(GuestHarness.CodeBase + 0x2C));
        Assert.False(region.Contains(GuestHarness.CodeBase + 0x28), "a path that does not lead back joined");
    }

    /// <summary>FAST_JIT_STATS=3's profile counts each (region, target, exit) and ranks them by count.</summary>
    [Fact]
    public void TheTransitionProfileRanksTransitionsByCount()
    {
        ulong from = 0x7E57_0000_0000;   // addresses no guest run in this process uses
        for (int i = 0; i < 6; i++) Fast.Translator.Jit.TransitionProfile.Record(from, from + 0x40, 2);
        for (int i = 0; i < 7; i++) Fast.Translator.Jit.TransitionProfile.Record(from, from + 0x80, -3);
        var (total, top) = Fast.Translator.Jit.TransitionProfile.MostFrequent(1000);
        var ours = top.Where(t => t.From == from).ToArray();
        Assert.Equal([(from, from + 0x80, -3, 7L), (from, from + 0x40, 2, 6L)], ours);
        Assert.True(total >= 13);
    }

    [Fact]
    public void InterruptLeavesTheLoop()
    {
        using var h = new GuestHarness(tier1Threshold: 1);
        h.Load(GuestHarness.CodeBase, [0x14000000]); // B . (an endless loop)
        h.PC = GuestHarness.CodeBase;
        h.Cpu.Run(1000);
        h.TierUp!.Drain();
        var timer = new Thread(() => { Thread.Sleep(50); h.Cpu.RaiseInterrupt(1); });
        timer.Start();
        long entries = h.Engine.RegionEntries(h.Cpu);
        h.State->ExitReason = ExitReason.None;
        h.Engine.Run(h.Cpu, long.MaxValue / 2);   // returns only because the region checks PendingInterrupt on its backward edge
        timer.Join();
        Assert.Equal(ExitReason.Interrupt, h.State->ExitReason);
        Assert.InRange(h.Engine.RegionEntries(h.Cpu) - entries, 1, 2);
    }

    /// <summary>
    /// A subroutine's loop runs hot (its region is compiled and used), then the guest patches the
    /// loop body (STR to its own code, IC IVAU, DSB, ISB) and calls it again: the new code runs.
    /// </summary>
    [Fact]
    public void SelfModifyingCodeRunsTheNewInstruction()
    {
        uint[] program =
        [
            0xD2800001, // 00 MOVZ X1, #0
            0x52920423, // 04 MOVZ W3, #0x9021
            0x72B22023, // 08 MOVK W3, #0x9101, LSL #16      W3 = ADD X1, X1, #100
            0x100001A2, // 0C ADR X2, patch (0x40)
            0x9400000B, // 10 BL sub
            0xD4000021, // 14 SVC #1                          (the test drains the compiler)
            0x94000009, // 18 BL sub
            0xD4000041, // 1C SVC #2                          (the test checks the region ran)
            0xB9000043, // 20 STR W3, [X2]
            0xD50B7522, // 24 IC IVAU, X2
            0xD5033B9F, // 28 DSB ISH
            0xD5033FDF, // 2C ISB
            0x94000003, // 30 BL sub
            0x14000007, // 34 B end (0x50)
            0xD503201F, // 38 NOP
            0xD2800C80, // 3C sub: MOVZ X0, #100
            0x91000421, // 40 patch: ADD X1, X1, #1
            0xF1000400, // 44 SUBS X0, X0, #1
            0x54FFFFC1, // 48 B.NE patch
            0xD65F03C0, // 4C RET
        ];
        ulong RunUnder(GuestHarness h)
        {
            h.State->Control = CpuControl.UserCacheMaintenance;
            h.Os.Handler = (cpu, e) =>
            {
                if (e.Kind != ExceptionKind.Svc) return Resume.Halt;
                if (h.TierUp is not null && cpu.State->X[1] == 100) h.TierUp.Drain();
                if (h.TierUp is not null && cpu.State->X[1] == 200)
                    Assert.True(h.Engine.RegionEntries(cpu) > 0, "the loop's region did not run before the patch");
                return Resume.Continue;
            };
            h.Run(program);
            Assert.Equal(100UL + 100 + 100 * 100, h.X(1));
            return h.State->Retired;
        }
        using var jit = new GuestHarness(tier1Threshold: 2);
        using var interp = new GuestHarness();
        Assert.Equal(RunUnder(interp), RunUnder(jit));
        Assert.True(jit.Engine.Cache.RegionsInvalidated > 0);
    }

    // ROR (immediate), W and X, by 0, 1, 11 and 63, mixed into X1 200 times.
    static readonly uint[] RotateLoop =
    [
        0xD2801900, // 00 MOVZ X0, #200
        0xD2824681, // 04 MOVZ X1, #0x1234
        0xF2F35781, // 08 MOVK X1, #0x9abc, LSL #48
        0x13812C22, // 0C loop: ROR W2, W1, #11
        0x93C1FC23, // 10 ROR X3, X1, #63
        0x13810024, // 14 ROR W4, W1, #0
        0x93C10425, // 18 ROR X5, X1, #1
        0xCA020021, // 1C EOR X1, X1, X2
        0x8B030021, // 20 ADD X1, X1, X3
        0xCA040C21, // 24 EOR X1, X1, X4, LSL #3
        0x8B050021, // 28 ADD X1, X1, X5
        0x8B000021, // 2C ADD X1, X1, X0
        0xF1000400, // 30 SUBS X0, X0, #1
        0x54FFFEC1, // 34 B.NE loop
    ];

    /// <summary>Tier 1 emits ROR (immediate) as a host rotate (EXTR with Rn = Rm): the interpreter's results.</summary>
    [Fact]
    public void RotateImmediateMatchesTheInterpreter()
    {
        using var interp = new GuestHarness();
        interp.Run(RotateLoop);
        using var jit = new GuestHarness(tier1Threshold: 2, synchronousTier1: true);
        jit.Run(RotateLoop);
        Assert.True(jit.Engine.RegionEntries(jit.Cpu) >= 1, "the loop did not run compiled");
        for (int r = 1; r <= 5; r++) Assert.Equal(interp.X(r), jit.X(r));
    }
}
