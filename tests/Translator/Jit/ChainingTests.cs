using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// Regions enter each other without the run loop (RegionEmitter.Chaining): a direct exit through its
/// link slot (BL), an indirect one (RET, BR) through the vCPU's region table. Each test compares the
/// whole outcome with the interpreter's.
/// </summary>
public unsafe class ChainingTests
{
    // A loop that calls a function 1000 times, three times over; between the second and third round
    // the guest rewrites the function's first instruction (ADD X1, X1, X0 -> ADD X1, X1, #100).
    static readonly uint[] CallLoop =
    [
        0xD2800001, // 00 MOVZ X1, #0
        0x52920423, // 04 MOVZ W3, #0x9021
        0x72B22023, // 08 MOVK W3, #0x9101, LSL #16      W3 = ADD X1, X1, #100
        0x10000262, // 0C ADR X2, add
        0xD2807D00, // 10 MOVZ X0, #1000
        0x9400000C, // 14 BL calls
        0xD4000021, // 18 SVC #1                          (the test drains the compiler)
        0xD2807D00, // 1C MOVZ X0, #1000
        0x94000009, // 20 BL calls
        0xD4000041, // 24 SVC #2                          (the test looks at the chain counters)
        0xB9000043, // 28 STR W3, [X2]
        0xD50B7522, // 2C IC IVAU, X2
        0xD5033B9F, // 30 DSB ISH
        0xD5033FDF, // 34 ISB
        0xD2807D00, // 38 MOVZ X0, #1000
        0x94000002, // 3C BL calls
        GuestHarness.EndMarker,
        0xAA1E03E5, // 44 calls: MOV X5, X30
        0x94000004, // 48 loop: BL add
        0xF1000400, // 4C SUBS X0, X0, #1
        0x54FFFFC1, // 50 B.NE loop
        0xD61F00A0, // 54 BR X5
        0x8B000021, // 58 add: ADD X1, X1, X0
        0xCA020042, // 5C EOR X2, X2, X2
        0x10FFFFC2, // 60 ADR X2, add
        0xD65F03C0, // 64 RET
    ];

    const ulong Expected = 500_500 + 500_500 + 100 * 1000;

    (ulong X1, ulong Retired, ulong Nzcv, ulong Pc) Run(GuestHarness h, Action<GuestHarness, int>? atSvc = null)
    {
        h.State->Control = CpuControl.UserCacheMaintenance;
        h.Os.Handler = (cpu, e) =>
        {
            if (e.Kind != ExceptionKind.Svc) return Resume.Halt;
            atSvc?.Invoke(h, (int)(e.Syndrome & 0xFFFF));
            return Resume.Continue;
        };
        var last = h.RunRaw(CallLoop);
        Assert.True(last is { Kind: ExceptionKind.Brk } && last.Value.Pc == GuestHarness.CodeBase + 0x40, $"expected the BRK at 0x40, got {last}");
        return (h.X(1), h.State->Retired, h.Nzcv, h.PC);
    }

    [Fact]
    public void CallsAndReturnsChainInCompiledCodeAndAPatchedCalleeIsNotEnteredAgain()
    {
        using var interp = new GuestHarness();
        using var jit = new GuestHarness(tier1Threshold: 2, followLeafCalls: false);
        var expected = Run(interp);
        Assert.Equal(Expected, expected.X1);

        ulong chainsBefore = 0, callsBefore = 0;
        var compiled = new List<Fast.Translator.Jit.Region>();
        jit.TierUp!.Compiled += r => { lock (compiled) compiled.Add(r); };
        var actual = Run(jit, (h, imm) =>
        {
            if (imm == 1) h.TierUp!.Drain();
            if (imm != 2) return;
            // The second round ran compiled: BL add (link slot) and RET (region table) chained, about
            // two chains per iteration, and the run loop called a region only a handful of times.
            chainsBefore = h.State->RegionChains;
            callsBefore = (ulong)h.Engine.RegionEntries(h.Cpu);
        });
        Assert.Equal(expected, actual);
        Assert.True(chainsBefore >= 1500, $"only {chainsBefore} chained exits");
        Assert.True(callsBefore < 200, $"{callsBefore} region calls from the run loop");
        Assert.True(jit.Engine.Cache.RegionsInvalidated > 0);

        // The patched page's regions are released (handle and link slots freed) once every vCPU has
        // left compiled code since; other tests' vCPUs run meanwhile, so allow them time.
        jit.TierUp.Drain();   // regions of the last round may still be compiling (and joining the list)
        Fast.Translator.Jit.Region[] all;
        lock (compiled) all = compiled.ToArray();
        var dead = all.Where(r => !r.Valid).ToArray();
        Assert.NotEmpty(dead);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        // Release clears the handle, then frees the link slots: wait for both (another test's vCPU may be releasing them right now).
        while (dead.Any(r => r.Header->Handle != 0 || r.Links != null) && DateTime.UtcNow < deadline)
        {
            Fast.Translator.Jit.RegionReclaimer.TryReclaim();
            Thread.Sleep(1);
        }
        Assert.All(dead, r => Assert.True(r.Header->Handle == 0 && r.Links == null));
        Assert.All(all.Where(r => r.Valid), r => Assert.NotEqual(0, (long)r.Header->Handle));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(997)]
    [InlineData(2500)]
    [InlineData(4003)]
    [InlineData(7919)]
    public void BudgetStopsAtTheSameInstructionAcrossChains(long budget)
    {
        using var interp = new GuestHarness();
        using var jit = new GuestHarness(tier1Threshold: 1, followLeafCalls: false);
        // Run the program once under both (the jit one compiles everything; both end with the same
        // patched memory), then again from the start with a budget.
        Run(interp);
        Run(jit, (h, imm) => { if (imm == 1) h.TierUp!.Drain(); });
        jit.TierUp!.Drain();
        Assert.True(jit.State->RegionChains > 0);
        foreach (var h in new[] { interp, jit })
        {
            h.PC = GuestHarness.CodeBase;
            h.State->Retired = 0;
            h.State->ExitReason = ExitReason.None;
            h.Cpu.Run(budget);
        }
        Assert.Equal((ulong)budget, interp.State->Retired);
        Assert.Equal((interp.X(0), interp.X(1), interp.PC, interp.State->Retired, interp.Nzcv),
                     (jit.X(0), jit.X(1), jit.PC, jit.State->Retired, jit.Nzcv));
    }

    /// <summary>Runs program on jit (to the end marker) and returns the regions compiled, the compiler drained.</summary>
    static List<Fast.Translator.Jit.Region> RunCollectingRegions(GuestHarness jit, uint[] program)
    {
        var compiled = new List<Fast.Translator.Jit.Region>();
        jit.TierUp!.Compiled += r => { lock (compiled) compiled.Add(r); };
        jit.Run(program);
        jit.TierUp.Drain();
        lock (compiled) return [.. compiled];
    }

    /// <summary>Runs the loaded program again from CodeBase (compiled by now, without reloading: a host
    /// write drops all code), asserts it stopped at the BRK at endPc, and returns the exits chained in
    /// compiled code and the region calls from the run loop that the run took.</summary>
    static (ulong Chains, long Calls) RunAgain(GuestHarness jit, ulong endPc, ulong? sp = null)
    {
        ulong chains = jit.State->RegionChains;
        long calls = jit.Engine.RegionEntries(jit.Cpu);
        jit.PC = GuestHarness.CodeBase;
        if (sp is ulong stack) jit.SP = stack;
        jit.State->ExitReason = ExitReason.None;
        jit.Cpu.Run(1_000_000);
        Assert.Equal(endPc, jit.Os.Last!.Value.Pc);
        return (jit.State->RegionChains - chains, jit.Engine.RegionEntries(jit.Cpu) - calls);
    }

    // A loop that calls a function; the loop head is entered first (B loop), so its block gets hot
    // before the call's return site. (f is a small leaf: the test that wants it a region of its own
    // turns leaf following off.)
    static readonly uint[] CallInLoop =
    [
        0xD2800001, // 00 MOVZ X1, #0
        0xD2807D00, // 04 MOVZ X0, #1000
        0x14000001, // 08 B loop
        0x91000421, // 0C loop: ADD X1, X1, #1
        0x94000004, // 10 BL f
        0xF1000400, // 14 SUBS X0, X0, #1            (the return site)
        0x54FFFFA1, // 18 B.NE loop
        0x14000003, // 1C B end
        0x8B000021, // 20 f: ADD X1, X1, X0
        0xD65F03C0, // 24 RET
    ];

    // The same loop calling a small leaf (no call, no BR, no exception, a RET).
    static readonly uint[] LeafCallInLoop =
    [
        0xD2800001, // 00 MOVZ X1, #0
        0xD2807D00, // 04 MOVZ X0, #1000
        0x14000001, // 08 B loop
        0x91000421, // 0C loop: ADD X1, X1, #1
        0x94000004, // 10 BL f
        0xF1000400, // 14 SUBS X0, X0, #1            (the return site)
        0x54FFFFA1, // 18 B.NE loop
        0x14000005, // 1C B end
        0x8B000021, // 20 f: ADD X1, X1, X0
        0xB4000040, // 24 CBZ X0, skip
        0x91000821, // 28 ADD X1, X1, #2
        0xD65F03C0, // 2C skip: RET
    ];

    /// <summary>
    /// A small leaf the loop calls joins the loop's region: BL jumps to it inside the method and its
    /// RET compares X30 with the return sites of the region's calls to it, so once compiled the loop
    /// runs without leaving the method (awk and lua call such helpers in their hot loops: lua5.4 -3 %
    /// host cycles). FAST_JIT_LEAF=0 (Interpreter.FollowLeafCalls) turns this off.
    /// </summary>
    [Fact]
    public void ASmallLeafJoinsItsCallersRegion()
    {
        using var interp = new GuestHarness();
        interp.Run(LeafCallInLoop);
        using var jit = new GuestHarness(tier1Threshold: 2);
        var compiled = RunCollectingRegions(jit, LeafCallInLoop);
        Assert.Equal((interp.X(0), interp.X(1), interp.Nzcv), (jit.X(0), jit.X(1), jit.Nzcv));
        var loop = Assert.Single(compiled, r => r.EntryPc == GuestHarness.CodeBase + 0x0C);
        ulong ret = GuestHarness.CodeBase + 0x2C, returnSite = GuestHarness.CodeBase + 0x14;
        Assert.True(loop.Contains(GuestHarness.CodeBase + 0x20) && loop.Contains(ret));
        Assert.Equal([returnSite], loop.IndirectEdges[ret]);

        // Again, compiled: 1000 calls and returns without a region transition.
        var (chains, calls) = RunAgain(jit, GuestHarness.CodeBase + 0x30);
        Assert.Equal((interp.X(0), interp.X(1), interp.Nzcv), (jit.X(0), jit.X(1), jit.Nzcv));
        Assert.InRange(chains, 0UL, 50UL);
        Assert.InRange(calls, 1, 50);   // a few; more when the host is loaded
    }

    /// <summary>
    /// A call's return site joins the region of the loop that makes the call, as one of its entries:
    /// RET enters that region there. Before, the return site formed a region of its own that compiled
    /// the loop a second time (xz -d formed 135 regions, most of them such copies).
    /// </summary>
    [Fact]
    public void ACallsReturnSiteIsAnEntryOfTheCallersRegion()
    {
        using var interp = new GuestHarness();
        interp.Run(CallInLoop);
        using var jit = new GuestHarness(tier1Threshold: 2, followLeafCalls: false);
        var compiled = RunCollectingRegions(jit, CallInLoop);
        Assert.Equal((interp.X(0), interp.X(1), interp.Nzcv), (jit.X(0), jit.X(1), jit.Nzcv));
        ulong returnSite = GuestHarness.CodeBase + 0x14;
        Assert.DoesNotContain(compiled, r => r.EntryPc == returnSite);
        var loop = Assert.Single(compiled, r => r.EntryPc == GuestHarness.CodeBase + 0x0C);
        Assert.True(loop.Contains(returnSite) && loop.EntersAt(returnSite));

        // Again, compiled: the loop and f chain into each other (BL through a link slot, RET through
        // the region table into the loop's region at the return site), the run loop barely involved.
        var (chains, calls) = RunAgain(jit, GuestHarness.CodeBase + 0x28);
        Assert.Equal((interp.X(0), interp.X(1), interp.Nzcv), (jit.X(0), jit.X(1), jit.Nzcv));
        Assert.True(chains >= 1900, $"{chains} chained exits");
        // A handful of calls from the run loop (more when the host is loaded: a link is checked again
        // after another test's vCPU renews the mapping epoch), against 2000 calls and 2000 returns.
        Assert.InRange(calls, 1, 50);
    }

    // A switch through a computed branch: BR to one of four cases by X0 & 3, 20 000 times.
    static readonly uint[] Switch =
    [
        0xD289C400, // 00 MOVZ X0, #20000
        0xD2800001, // 04 MOVZ X1, #0
        0x10000086, // 08 ADR X6, case0
        0x92400404, // 0C loop: AND X4, X0, #3
        0x8B040CC5, // 10 ADD X5, X6, X4, LSL #3
        0xD61F00A0, // 14 BR X5
        0x91000421, // 18 case0: ADD X1, X1, #1
        0x14000007, // 1C B next
        0x91000C21, // 20 case1: ADD X1, X1, #3
        0x14000005, // 24 B next
        0xCA000021, // 28 case2: EOR X1, X1, X0
        0x14000003, // 2C B next
        0xD1000821, // 30 case3: SUB X1, X1, #2
        0x14000001, // 34 B next
        0xF1000400, // 38 next: SUBS X0, X0, #1
        0x54FFFE81, // 3C B.NE loop
    ];

    /// <summary>
    /// The BR's targets the interpreter saw become edges inside the region: once compiled, the whole
    /// switch loop runs in one method (no exit per iteration), with the interpreter's result.
    /// </summary>
    [Fact]
    public void FrequentTargetsOfAnIndirectBranchStayInsideTheRegion()
    {
        using var interp = new GuestHarness();
        interp.Run(Switch);
        using var jit = new GuestHarness(tier1Threshold: 100);
        jit.Run(Switch);
        jit.TierUp!.Drain();
        var (chains, calls) = RunAgain(jit, GuestHarness.CodeBase + 0x40);
        Assert.Equal((interp.X(0), interp.X(1), interp.Nzcv), (jit.X(0), jit.X(1), jit.Nzcv));
        // 20 000 BRs: left to the region table they would be 20 000 chains; inside they are jumps.
        Assert.True(chains < 100, $"{chains} chained exits");
        Assert.InRange(calls, 1, 5);
    }

    // The loop calls f, which saves X30, calls the small leaf g and returns: f is not a leaf.
    static readonly uint[] NestedCallInLoop =
    [
        0xD2800001, // 00 MOVZ X1, #0
        0xD2807D00, // 04 MOVZ X0, #1000
        0x14000001, // 08 B loop
        0x91000421, // 0C loop: ADD X1, X1, #1
        0x94000004, // 10 BL f
        0xF1000400, // 14 SUBS X0, X0, #1            (the return site)
        0x54FFFFA1, // 18 B.NE loop
        0x14000008, // 1C B end
        0xA9BF7BFD, // 20 f: STP X29, X30, [SP, #-16]!
        0x94000004, // 24 BL g
        0x8B000021, // 28 ADD X1, X1, X0
        0xA8C17BFD, // 2C LDP X29, X30, [SP], #16
        0xD65F03C0, // 30 RET
        0xD27E0021, // 34 g: EOR X1, X1, #4
        0xD65F03C0, // 38 RET
    ];

    /// <summary>
    /// A small function with calls of its own (f saves X30, calls g) joins the region of the loop that
    /// calls it, as a leaf does: its RET compares X30 with the region's return sites. busybox awk's
    /// region transitions: 196 M -> 167 M. FAST_JIT_CALLEES=0 turns this off (leaves only).
    /// </summary>
    [Fact]
    public void ASmallFunctionWithCallsJoinsItsCallersRegion()
    {
        using var interp = new GuestHarness();
        interp.SP = GuestHarness.DataBase + 0x1000;
        interp.Run(NestedCallInLoop);
        using var jit = new GuestHarness(tier1Threshold: 2);
        jit.SP = GuestHarness.DataBase + 0x1000;
        var compiled = RunCollectingRegions(jit, NestedCallInLoop);
        Assert.Equal((interp.X(0), interp.X(1), interp.SP, interp.Nzcv), (jit.X(0), jit.X(1), jit.SP, jit.Nzcv));
        var loop = Assert.Single(compiled, r => r.EntryPc == GuestHarness.CodeBase + 0x0C);
        ulong fRet = GuestHarness.CodeBase + 0x30, returnSite = GuestHarness.CodeBase + 0x14;
        Assert.True(loop.Contains(GuestHarness.CodeBase + 0x20) && loop.Contains(GuestHarness.CodeBase + 0x34) && loop.Contains(fRet));
        Assert.Equal([returnSite], loop.IndirectEdges[fRet]);

        // Again, compiled: 1000 calls of f (and of g) without a region transition.
        var (chains, calls) = RunAgain(jit, GuestHarness.CodeBase + 0x3C, sp: GuestHarness.DataBase + 0x1000);
        Assert.Equal((interp.X(0), interp.X(1), interp.SP, interp.Nzcv), (jit.X(0), jit.X(1), jit.SP, jit.Nzcv));
        Assert.InRange(chains, 0UL, 50UL);
        Assert.InRange(calls, 1, 50);   // a few; more when the host is loaded
    }

    // The loop calls f through a stub that branches to it with BR (as a PLT entry does).
    static readonly uint[] StubCallInLoop =
    [
        0xD2800001, // 00 MOVZ X1, #0
        0xD2807D00, // 04 MOVZ X0, #1000
        0x14000001, // 08 B loop
        0x91000421, // 0C loop: ADD X1, X1, #1
        0x94000004, // 10 BL stub
        0xF1000400, // 14 SUBS X0, X0, #1            (the return site)
        0x54FFFFA1, // 18 B.NE loop
        0x14000005, // 1C B end
        0x10000051, // 20 stub: ADR X17, f
        0xD61F0220, // 24 BR X17
        0x8B000021, // 28 f: ADD X1, X1, X0
        0xD65F03C0, // 2C RET
    ];

    /// <summary>
    /// A callee reached through a stub's BR (a PLT entry, a tail call) joins the caller's region with
    /// the stub: the BR compares with the target it was seen to take, f's RET with the return site.
    /// busybox awk (static: memcpy, strlen... are called through IRELATIVE PLT stubs), with small
    /// functions of other regions copied like leaves: region transitions 167 M -> 51 M.
    /// </summary>
    [Fact]
    public void ACallThroughAStubJoinsItsCallersRegion()
    {
        using var interp = new GuestHarness();
        interp.Run(StubCallInLoop);
        using var jit = new GuestHarness(tier1Threshold: 2);
        var compiled = RunCollectingRegions(jit, StubCallInLoop);
        Assert.Equal((interp.X(0), interp.X(1), interp.X(17), interp.Nzcv), (jit.X(0), jit.X(1), jit.X(17), jit.Nzcv));
        var loop = Assert.Single(compiled, r => r.EntryPc == GuestHarness.CodeBase + 0x0C);
        ulong br = GuestHarness.CodeBase + 0x24, f = GuestHarness.CodeBase + 0x28, ret = GuestHarness.CodeBase + 0x2C;
        Assert.True(loop.Contains(GuestHarness.CodeBase + 0x20) && loop.Contains(f) && loop.Contains(ret));
        Assert.Equal([f], loop.IndirectEdges[br]);
        Assert.Equal([GuestHarness.CodeBase + 0x14], loop.IndirectEdges[ret]);

        var (chains, calls) = RunAgain(jit, GuestHarness.CodeBase + 0x30);
        Assert.Equal((interp.X(0), interp.X(1), interp.X(17), interp.Nzcv), (jit.X(0), jit.X(1), jit.X(17), jit.Nzcv));
        Assert.InRange(chains, 0UL, 50UL);
        Assert.InRange(calls, 1, 50);   // a few; more when the host is loaded
    }

    // A loop (S) gets hot and compiled first; later a second loop (T) runs S twice per iteration,
    // entering it from new code: 1000 + 3000 x 2 passes through S.
    static readonly uint[] SharedLoop =
    [
        0xD2807D00, // 00 MOVZ X0, #1000
        0xD2800002, // 04 MOVZ X2, #0
        0x8B000021, // 08 S: ADD X1, X1, X0
        0xF1000400, // 0C SUBS X0, X0, #1
        0x54FFFFC1, // 10 B.NE S
        0xB40000C2, // 14 CBZ X2, start2
        0xF1000442, // 18 SUBS X2, X2, #1
        0x540000C0, // 1C B.EQ done
        0x91000463, // 20 T: ADD X3, X3, #1
        0xD2800040, // 24 MOVZ X0, #2
        0x17FFFFF8, // 28 B S
        0xD2817702, // 2C start2: MOVZ X2, #3000
        0x17FFFFFC, // 30 B T
                    // 34 done: the end marker Run appends
    ];

    /// <summary>
    /// A region stops where a block another region holds begins and leaves into it (every block of a
    /// region is an entry): each guest instruction is compiled once. Before, a region formed later
    /// copied what its successors' regions already held (xz -d compiled 17 900 guest instructions
    /// for the ~3 000 it runs hot, 50 regions overlapping inside lzma_decode). FAST_JIT_OVERLAP=1 is
    /// the old behaviour, which fails this test.
    /// </summary>
    [Fact]
    public void ABlockAnotherRegionHoldsIsNotCompiledAgain()
    {
        using var interp = new GuestHarness();
        interp.Run(SharedLoop);
        using var jit = new GuestHarness(tier1Threshold: 100, followLeafCalls: false, synchronousTier1: true);
        var compiled = RunCollectingRegions(jit, SharedLoop);
        Assert.Equal((interp.X(1), interp.X(2), interp.X(3), interp.Nzcv), (jit.X(1), jit.X(2), jit.X(3), jit.Nzcv));
        Assert.Contains(compiled, r => r.Contains(GuestHarness.CodeBase + 0x08));
        Assert.Contains(compiled, r => r.Contains(GuestHarness.CodeBase + 0x20));
        for (ulong pc = GuestHarness.CodeBase; pc < GuestHarness.CodeBase + 0x34; pc += 4)
        {
            var holders = compiled.Where(r => r.Instructions.Any(i => i.Pc == pc)).Select(r => r.Name).ToList();
            Assert.True(holders.Count <= 1, $"0x{pc:x} compiled in {string.Join(", ", holders)}");
        }
    }
}
