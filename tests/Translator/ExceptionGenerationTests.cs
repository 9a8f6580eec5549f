using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public class ExceptionGenerationTests
{
    [Fact]
    public void SvcReportsImmediateAndReturnsToNextInstruction()
    {
        using var h = new GuestHarness();
        var e = h.RunRaw(0xD4000C21); // SVC #0x61
        Assert.Equal(ExceptionKind.Svc, e!.Value.Kind);
        Assert.Equal(0x54000061u, e.Value.Syndrome & ~(1u << 25));
        Assert.Equal(GuestHarness.CodeBase + 4, e.Value.Pc);
    }

    [Fact]
    public void BrkReportsItsOwnAddress()
    {
        using var h = new GuestHarness();
        var e = h.RunRaw(0xD4200020); // BRK #0x1
        Assert.Equal(ExceptionKind.Brk, e!.Value.Kind);
        Assert.Equal(0xF0u << 24 | 1, e.Value.Syndrome & ~(1u << 25));
        Assert.Equal(GuestHarness.CodeBase, e.Value.Pc);
    }

    [Theory]
    [InlineData(0x00000000u)] // UDF #0
    [InlineData(0xD4400000u)] // HLT #0 (UNDEFINED at EL0)
    [InlineData(0xFFFFFFFFu)] // unallocated
    public void UndefinedWordsRaiseAnUnknownException(uint word)
    {
        using var h = new GuestHarness();
        var e = h.RunRaw(word);
        Assert.True(e!.Value.Kind is ExceptionKind.Undefined or ExceptionKind.Hlt);
        Assert.Equal(0u, e.Value.ExceptionClass);
        Assert.Equal(GuestHarness.CodeBase, e.Value.Pc);
    }

    [Fact]
    public void RandomWordsNeverCrashTheHost()
    {
        using var h = new GuestHarness();
        h.Os.Handler = (cpu, e) => Resume.Halt;
        var random = new Random(1234);
        for (int i = 0; i < 20000; i++)
        {
            var words = new uint[8];
            for (int j = 0; j < words.Length; j++) words[j] = (uint)random.NextInt64();
            for (int r = 0; r < 31; r++) h.SetX(r, (ulong)random.NextInt64() & 0x3FFFFF);
            h.SP = GuestHarness.DataBase + 0x10000;
            h.RunRaw(words);
            Assert.NotNull(h.Os.Last);
        }
    }
}
