using Fast.Runtime;
using Fast.Tests.Support;
using Fast.Translator;

namespace Fast.Tests.Translator;

// Branches. Most tests place a "trap" BRK #1 on the fall-through path and the end marker on the
// taken path (or the other way round), so the BRK that stops the run tells which way it went.
public class BranchesTests
{
    const uint Brk1 = 0xD4200020; // BRK #0x1
    const ulong Base = GuestHarness.CodeBase;

    /// <summary>Runs words; returns the address of the BRK that stopped the vCPU.</summary>
    static ulong StopPc(GuestHarness h, params uint[] words)
    {
        h.Engine.InvalidateAll(); // the harness rewrites code behind the translator's back
        var e = h.RunRaw(words);
        Assert.Equal(ExceptionKind.Brk, e!.Value.Kind);
        return e.Value.Pc;
    }

    [Fact]
    public void BranchesForwardAndBack()
    {
        using var h = new GuestHarness();
        // 0: B .+8 -> 8: B .-4 -> 4: B .+8 -> 12: end marker
        h.Run(0x14000002,  // B .+8
              0x14000002,  // B .+8
              0x17FFFFFF); // B .-4
    }

    [Fact]
    public void BlWritesReturnAddress()
    {
        using var h = new GuestHarness();
        h.Run(0x94000002, // BL .+8
              Brk1);      // BRK #1 (skipped)
        Assert.Equal(Base + 4, h.X(30));
    }

    // Reference for ConditionHolds written independently of the implementation (ARM ARM C1.2.4).
    static bool Holds(int cond, bool n, bool z, bool c, bool v) => cond switch
    {
        0 => z, 1 => !z, 2 => c, 3 => !c, 4 => n, 5 => !n, 6 => v, 7 => !v,
        8 => c && !z, 9 => !(c && !z), 10 => n == v, 11 => n != v,
        12 => !z && n == v, 13 => !(!z && n == v), _ => true,
    };

    [Fact]
    public void BCondAllConditionsAgainstAllFlags()
    {
        using var h = new GuestHarness();
        for (int cond = 0; cond < 16; cond++)
        {
            for (int flags = 0; flags < 16; flags++)
            {
                h.Nzcv = (ulong)flags << 28;
                bool n = (flags & 8) != 0, z = (flags & 4) != 0, c = (flags & 2) != 0, v = (flags & 1) != 0;
                ulong stop = StopPc(h, 0x54000040u | (uint)cond, // B.<cond> .+8
                                       Brk1);                     // BRK #1
                Assert.True((stop == Base + 8) == Holds(cond, n, z, c, v), $"cond {cond} flags {flags:x}");
                Assert.Equal((ulong)flags << 28, h.Nzcv);
            }
        }
    }

    [Theory]
    [InlineData(0x34000041u, 0xFFFF_FFFF_0000_0000UL, true)]  // CBZ W1, .+8: only the low 32 bits count
    [InlineData(0xB4000041u, 0xFFFF_FFFF_0000_0000UL, false)] // CBZ X1, .+8
    [InlineData(0xB4000041u, 0UL, true)]                      // CBZ X1, .+8
    [InlineData(0x35000041u, 0x1_0000_0000UL, false)]          // CBNZ W1, .+8
    [InlineData(0xB5000041u, 0x1_0000_0000UL, true)]           // CBNZ X1, .+8
    [InlineData(0xB6F80041u, 0x8000_0000_0000_0000UL, false)] // TBZ X1, #63, .+8
    [InlineData(0xB6F80041u, 0x7FFF_FFFF_FFFF_FFFFUL, true)]  // TBZ X1, #63, .+8
    [InlineData(0xB7F80041u, 0x8000_0000_0000_0000UL, true)]  // TBNZ X1, #63, .+8
    [InlineData(0x36F80041u, 0x8000_0000UL, false)]            // TBZ W1, #31, .+8
    [InlineData(0x37000041u, 1UL, true)]                       // TBNZ W1, #0, .+8
    [InlineData(0x37000041u, 0xFFFF_FFFF_FFFF_FFFEUL, false)] // TBNZ W1, #0, .+8
    public void CompareAndTestBranches(uint word, ulong x1, bool taken)
    {
        using var h = new GuestHarness();
        h.SetX(1, x1);
        ulong stop = StopPc(h, word, Brk1);
        Assert.Equal(taken ? Base + 8 : Base + 4, stop);
    }

    [Fact]
    public void CbzOnZeroRegisterAlwaysBranches()
    {
        using var h = new GuestHarness();
        h.Run(0xB400005F, // CBZ XZR, .+8
              Brk1);
    }

    [Fact]
    public void BrJumpsToRegister()
    {
        using var h = new GuestHarness();
        h.SetX(1, Base + 8);
        h.Run(0xD61F0020, // BR X1
              Brk1);
        Assert.Equal(0UL, h.X(30));
    }

    [Fact]
    public void BlrReadsTargetBeforeWritingX30()
    {
        using var h = new GuestHarness();
        h.SetX(30, Base + 8);
        h.Run(0xD63F03C0, // BLR X30
              Brk1);
        Assert.Equal(Base + 4, h.X(30));
    }

    [Fact]
    public void BlrWritesReturnAddress()
    {
        using var h = new GuestHarness();
        h.SetX(5, Base + 8);
        h.Run(0xD63F00A0, // BLR X5
              Brk1);
        Assert.Equal(Base + 4, h.X(30));
        Assert.Equal(Base + 8, h.X(5));
    }

    [Fact]
    public void RetDefaultsToX30AndTakesAnyRegister()
    {
        using var h = new GuestHarness();
        h.SetX(30, Base + 8);
        h.Run(0xD65F03C0, // RET
              Brk1);
        h.SetX(30, 0);
        h.SetX(2, Base + 8);
        h.Engine.InvalidateAll(); // new code at the same address, written behind the translator's back
        h.Run(0xD65F0040, // RET X2
              Brk1);
    }

    [Fact]
    public void BranchToMisalignedAddressFaultsAtTheTarget()
    {
        using var h = new GuestHarness();
        h.SetX(1, Base + 6);
        var e = h.RunRaw(0xD61F0020); // BR X1
        Assert.Equal(ExceptionKind.PcAlignment, e!.Value.Kind);
        Assert.Equal(Base + 6, e.Value.Pc);
    }

    [Fact]
    public void LoopOverSeveralBlocks()
    {
        // 0: SVC #0         (the OS decrements X0: the loop counter)
        // 4: CBNZ X0, .-4   (back to 0 while X0 != 0)
        // 8: BL .+12        (to 20, X30 = 12)
        // 12: B .+12        (to 24: the end marker)
        // 16: BRK #1
        // 20: RET           (to 12)
        // 24: end marker
        using var h = new GuestHarness();
        int calls = 0;
        h.Os.Handler = (cpu, e) =>
        {
            if (e.Kind != ExceptionKind.Svc) return Resume.Halt;
            calls++;
            h.SetX(0, h.X(0) - 1);
            return Resume.Continue;
        };
        h.SetX(0, 5);
        h.Run(0xD4000001, // SVC #0
              0xB5FFFFE0, // CBNZ X0, .-4
              0x94000003, // BL .+12
              0x14000003, // B .+12
              Brk1,       // BRK #1
              0xD65F03C0); // RET
        Assert.Equal(5, calls);
        Assert.Equal(0UL, h.X(0));
        Assert.Equal(Base + 12, h.X(30));
        Assert.True(h.Engine.BlockEntries(h.Cpu) >= 8);
    }

    [Theory]
    [InlineData(0x14000002u, 0x0UL, "b\t0x8")]                          // B .+8
    [InlineData(0x17FFFFFEu, 0x4UL, "b\t0xfffffffffffffffc")]          // B .-8
    [InlineData(0x15FFFFFFu, 0x58UL, "b\t0x8000054")]                   // B .+0x7fffffc
    [InlineData(0x16000000u, 0x5CUL, "b\t0xfffffffff800005c")]          // B .-0x8000000
    [InlineData(0x94000002u, 0x8UL, "bl\t0x10")]                         // BL .+8
    [InlineData(0x54000040u, 0xCUL, "b.eq\t0x14  // b.none")]             // B.EQ .+8
    [InlineData(0x5400008Fu, 0xCUL, "b.nv\t0x1c")]                       // B.NV .+16
    [InlineData(0x54FFFFCEu, 0x10UL, "b.al\t0x8")]                       // B.AL .-8
    [InlineData(0x547FFFE1u, 0x60UL, "b.ne\t0x10005c  // b.any")]                  // B.NE .+0xffffc
    [InlineData(0x34000063u, 0x14UL, "cbz\tw3, 0x20")]                   // CBZ W3, .+12
    [InlineData(0xB5FFFFA4u, 0x18UL, "cbnz\tx4, 0xc")]                   // CBNZ X4, .-12
    [InlineData(0xB4800000u, 0x68UL, "cbz\tx0, 0xfffffffffff00068")]     // CBZ X0, .-0x100000
    [InlineData(0x36180045u, 0x1CUL, "tbz\tw5, #3, 0x24")]               // TBZ W5, #3, .+8
    [InlineData(0xB7FFFFC6u, 0x20UL, "tbnz\tx6, #63, 0x18")]             // TBNZ X6, #63, .-8
    [InlineData(0xB6000007u, 0x24UL, "tbz\tx7, #32, 0x24")]              // TBZ X7, #32, .
    [InlineData(0x36040000u, 0x64UL, "tbz\tw0, #0, 0xffffffffffff8064")] // TBZ W0, #0, .-0x8000
    [InlineData(0xD61F0100u, 0x28UL, "br\tx8")]                          // BR X8
    [InlineData(0xD61F03E0u, 0x38UL, "br\txzr")]                         // BR XZR
    [InlineData(0xD63F03C0u, 0x2CUL, "blr\tx30")]                        // BLR X30
    [InlineData(0xD65F03C0u, 0x30UL, "ret")]                             // RET
    [InlineData(0xD65F0040u, 0x34UL, "ret\tx2")]                         // RET X2
    public void DisassemblesAsObjdump(uint word, ulong pc, string expected) =>
        Assert.Equal(expected, Disassembler.Disassemble(word, pc));

    [Theory]
    [InlineData(0xD61F0001u)] // BR with op4 != 0
    [InlineData(0xD63F0801u)] // BLRAA-space (v8.3)
    [InlineData(0xD65F0BFFu)] // RETAA (v8.3)
    [InlineData(0xD69F03E0u)] // ERET (EL1 only)
    [InlineData(0xD6BF03E0u)] // DRPS
    [InlineData(0x55000000u)] // B.cond with o1 = 1
    [InlineData(0x54000010u)] // BC.EQ (v8.8)
    public void PostV80AndPrivilegedBranchesAreUndefined(uint word)
    {
        Assert.Null(Disassembler.RowName(word));
        using var h = new GuestHarness();
        var e = h.RunRaw(word);
        Assert.Equal(ExceptionKind.Undefined, e!.Value.Kind);
        Assert.Equal(Base, e.Value.Pc);
    }
}
