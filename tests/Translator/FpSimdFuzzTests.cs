// Every word the FP/AdvSIMD rows claim, with random registers, must run or fault without
// crashing the host (no managed exception out of a semantics method).
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public unsafe class FpSimdFuzzTests
{
    static bool IsFpOrSimd(string group) => group.StartsWith("AdvSimd") || group.StartsWith("Fp") || group.StartsWith("Crypto");

    [Fact]
    public void RandomFpAndSimdWordsNeverCrashTheHost()
    {
        var groups = Fast.Translator.Table.EncodingTable.Rows.ToDictionary(r => r.Name, r => r.Group);
        using var h = new GuestHarness();
        h.Os.Handler = (cpu, e) => Resume.Halt;
        var random = new Random(4321);
        int ran = 0;
        for (int i = 0; i < 200000 && ran < 30000; i++)
        {
            // Bits 27..25 = 111 (SIMD&FP data processing) or 110 (SIMD load/store structures) mostly.
            uint word = (uint)random.NextInt64();
            word = i % 4 == 0 ? (word & ~0x0E000000u) | 0x0C000000u : word | 0x0E000000u;
            string? name = Fast.Translator.Disassembler.RowName(word);
            if (name is null || !IsFpOrSimd(groups[name])) continue;
            Assert.False(string.IsNullOrEmpty(Fast.Translator.Disassembler.Disassemble(word)));
            for (int v = 0; v < 64; v++) h.State->V[v] = (ulong)random.NextInt64() * (ulong)(random.Next(2) * 2 + 1);
            for (int r = 0; r < 31; r++) h.SetX(r, GuestHarness.DataBase + (ulong)random.Next(0, 0x8000));
            h.State->Fpcr = (uint)random.Next(0, 8) << 22;
            h.SP = GuestHarness.DataBase + 0x10000;
            h.Engine.Cache.InvalidateAll();
            h.RunRaw(word);
            Assert.NotNull(h.Os.Last);
            ran++;
        }
        Assert.True(ran > 10000, $"only {ran} words ran");
    }
}
