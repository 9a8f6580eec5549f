using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// Tier 1 checks SP alignment (ARM ARM D1.3.6, CheckSPAlignment) once per block and skips the check
/// while SP changes only by multiples of 16. Any other change makes the next SP-based access checked
/// again: compiled code must raise the SP alignment fault at the same instruction as the interpreter.
/// </summary>
public unsafe class StackAlignmentTests
{
    const uint Store = 0xF90003E0;  // STR X0, [SP]

    static uint[] Loop(uint misalign, uint realign) =>
    [
        0xD2800642, // 00 MOVZ X2, #50
        Store,      // 04 loop: STR X0, [SP]     (checked)
        misalign,   // 08 SP -= 8
        Store,      // 0C STR X0, [SP]           (must be checked again: faults with the check on)
        realign,    // 10 SP += 8
        0xD10083FF, // 14 SUB SP, SP, #32
        Store,      // 18 STR X0, [SP]           (known aligned)
        0x910083FF, // 1C ADD SP, SP, #32
        0xF1000442, // 20 SUBS X2, X2, #1
        0x54FFFF01, // 24 B.NE loop
    ];

    static (ExceptionKind Kind, ulong Pc, ulong Sp, ulong X2) RunChecked(GuestHarness h, uint[] code)
    {
        const ulong stack = GuestHarness.DataBase + 0x1000;
        if (h.TierUp is not null)
        {
            // Compile the loop first, with alignment checking off (no fault), then run it checked.
            h.SP = stack;
            h.State->Control = 0;
            h.Run(code);
            h.TierUp.Drain();
            Assert.True(h.TierUp.RegionsCompiled > 0);
        }
        else h.Load(GuestHarness.CodeBase, [.. code, GuestHarness.EndMarker]);
        h.SP = stack;
        h.State->Control = CpuControl.StackAlignmentCheck;
        h.State->ExitReason = ExitReason.None;
        h.Os.Exceptions.Clear();
        h.PC = GuestHarness.CodeBase;
        h.Cpu.Run(100_000);
        var e = h.Os.Last!.Value;
        return (e.Kind, e.Pc, h.SP, h.X(2));
    }

    [Theory]
    [InlineData(0xD10023FFu, 0x910023FFu)]   // SUB SP, SP, #8 / ADD SP, SP, #8
    [InlineData(0xCB2463FFu, 0x8B2463FFu)]   // SUB SP, SP, X4 / ADD SP, SP, X4 (X4 = 8)
    public void AnSpChangeByOtherThanSixteenIsCheckedAgainInCompiledCode(uint misalign, uint realign)
    {
        using var interp = new GuestHarness();
        using var jit = new GuestHarness(tier1Threshold: 1);
        interp.SetX(4, 8);
        jit.SetX(4, 8);
        var expected = RunChecked(interp, Loop(misalign, realign));
        Assert.Equal((ExceptionKind.SpAlignment, GuestHarness.CodeBase + 0xC), (expected.Kind, expected.Pc));
        Assert.Equal(expected, RunChecked(jit, Loop(misalign, realign)));
    }
}
