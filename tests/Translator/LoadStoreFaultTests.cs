using Fast.Runtime;
using Fast.Tests.Support;
using P = Fast.Tests.Support.PageTableBuilder;

namespace Fast.Tests.Translator;

/// <summary>
/// Loads and stores with the MMU on: an access that straddles into an unmapped page faults at the
/// second page, writes nothing and leaves every register (including write-back) untouched.
/// </summary>
public unsafe class LoadStoreFaultTests : IDisposable
{
    const ulong Va = 0x7000_0000, Pa = 0x30_0000;
    const ulong PageEnd = Va + 0x1000;
    readonly GuestHarness h = new();

    public LoadStoreFaultTests()
    {
        var tables = new P(h.Machine.Ram, 0x800000);
        tables.MapPage(GuestHarness.CodeBase, GuestHarness.CodeBase);
        tables.MapPage(Va, Pa);                   // Va + 0x1000 stays unmapped
        h.Cpu.SetTranslationTable(tables.Root);
        h.State->Control = CpuControl.MmuEnabled;
        h.WriteMemory(Pa + 0xFF0, Enumerable.Repeat((byte)0xAA, 16).ToArray());
    }

    public void Dispose() => h.Dispose();

    void AssertFaultAtSecondPage(GuestException? e, AccessKind access)
    {
        Assert.Equal(ExceptionKind.DataAbort, e!.Value.Kind);
        Assert.Equal(FaultKind.Translation, e.Value.Fault);
        Assert.Equal(access, e.Value.Access);
        Assert.Equal(PageEnd, e.Value.FaultAddress & ~0xFFFUL); // an address in the second page
        Assert.Equal(GuestHarness.CodeBase, e.Value.Pc);
        Assert.Equal(Enumerable.Repeat((byte)0xAA, 16).ToArray(), h.ReadMemory(Pa + 0xFF0, 16));
    }

    [Fact]
    public void StraddlingLoadWithinMappedPagesWorks()
    {
        h.SetX(1, PageEnd - 4);
        h.RunFresh(0xB9400020); // LDR W0, [X1]
        Assert.Equal(0xAAAAAAAAUL, h.X(0));
    }

    [Fact]
    public void StraddlingStoreFaultsAndWritesNothing()
    {
        h.SetX(1, PageEnd - 12);
        h.SetX(0, 0x1122334455667788);
        var e = h.RunRawFresh(0xF8008C20); // STR X0, [X1, #8]!
        AssertFaultAtSecondPage(e, AccessKind.Write);
        Assert.Equal(PageEnd - 12, h.X(1)); // no write-back
    }

    [Fact]
    public void StraddlingPairStoreFaultsAndWritesNothing()
    {
        h.SetX(1, PageEnd - 8);              // first element fits, the second does not
        h.SetX(0, 0x1122334455667788);
        var e = h.RunRawFresh(0xA8810020); // STP X0, X0, [X1], #16
        AssertFaultAtSecondPage(e, AccessKind.Write);
        Assert.Equal(PageEnd - 8, h.X(1));
    }

    [Fact]
    public void StraddlingQStoreFaultsAndWritesNothing()
    {
        h.SetX(1, PageEnd - 4);
        var e = h.RunRawFresh(0x3D800020); // STR Q0, [X1]
        AssertFaultAtSecondPage(e, AccessKind.Write);
        e = h.RunRawFresh(0xAD3F8420); // STP Q0, Q1, [X1, #-16]
        AssertFaultAtSecondPage(e, AccessKind.Write);
    }

    [Fact]
    public void StraddlingLoadFaultsAndChangesNoRegister()
    {
        h.SetX(1, PageEnd - 2);
        h.SetX(0, 7);
        var e = h.RunRawFresh(0xB8404420); // LDR W0, [X1], #4
        AssertFaultAtSecondPage(e, AccessKind.Read);
        Assert.Equal(7UL, h.X(0));
        Assert.Equal(PageEnd - 2, h.X(1));
        h.SetX(1, PageEnd - 8);
        e = h.RunRawFresh(0xA9FF8820); // LDP X0, X2, [X1, #-8]!
        Assert.Null(e is { Kind: ExceptionKind.Brk } ? null : e); // fits in the page: no fault
        h.SetX(1, PageEnd - 8);
        h.SetX(0, 7);
        e = h.RunRawFresh(0xA9400820); // LDP X0, X2, [X1]
        AssertFaultAtSecondPage(e, AccessKind.Read);
        Assert.Equal(7UL, h.X(0));
    }

    [Fact]
    public void RandomLoadStoreWordsNeverCrashTheHost()
    {
        h.Os.Handler = (cpu, e) => Resume.Halt;
        var random = new Random(4321);
        for (int i = 0; i < 3000; i++)
        {
            var words = new uint[6];
            for (int j = 0; j < words.Length; j++) words[j] = ((uint)random.NextInt64() | 1u << 27) & ~(1u << 25); // op0 = x1x0
            for (int r = 0; r < 31; r++)
                h.SetX(r, random.Next(4) switch { 0 => PageEnd - (ulong)random.Next(32), 1 => Va + (ulong)random.Next(0x1000), 2 => (ulong)random.NextInt64(), _ => (ulong)random.Next(64) });
            h.SP = Va + 0x800 + (ulong)random.Next(16);
            h.State->Control = CpuControl.MmuEnabled | (random.Next(2) == 0 ? CpuControl.StackAlignmentCheck : 0);
            h.RunRawFresh(words);
            Assert.NotNull(h.Os.Last);
        }
    }
}
