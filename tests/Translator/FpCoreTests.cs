// FpCore: the host fast paths against the software path (forced by FPCR.FZ, which does not
// change results on normal operands), and the directed rounding modes against each other
// (RM <= RN <= RP, RP - RM is one ulp exactly when inexact, RZ is RM or RP by sign).
using Fast.Tests.Support;
using Fast.Translator.Semantics.Fp;

namespace Fast.Tests.Translator;

public unsafe class FpCoreTests
{
    const uint FZ = 1u << 24;
    delegate ulong Op(Fast.Runtime.CpuState* c, ulong a, ulong b, int n);

    static double RandomNormal(Random r, int spread) => (r.NextDouble() + 0.5) * Math.Pow(2, r.Next(-spread, spread)) * (r.Next(2) == 0 ? 1 : -1);

    [Theory]
    [InlineData(64)]
    [InlineData(32)]
    public void FastPathsAgreeWithSoftware(int n)
    {
        using var h = new GuestHarness();
        var c = h.State;
        var random = new Random(7);
        Op[] ops = [FpCore.Add, FpCore.Sub, FpCore.Mul, FpCore.Div];
        for (int i = 0; i < 20000; i++)
        {
            double x = RandomNormal(random, 60), y = RandomNormal(random, 60);
            if (i % 3 == 0) y = x * (1 + random.Next(-3, 4) * Math.Pow(2, -50));   // near cancellation
            ulong a = n == 64 ? BitConverter.DoubleToUInt64Bits(x) : BitConverter.SingleToUInt32Bits((float)x);
            ulong b = n == 64 ? BitConverter.DoubleToUInt64Bits(y) : BitConverter.SingleToUInt32Bits((float)y);
            foreach (var op in ops)
            {
                c->Fpcr = 0; c->Fpsr = 0;
                ulong fast = op(c, a, b, n); uint fastFlags = c->Fpsr;
                c->Fpcr = FZ; c->Fpsr = 0;
                ulong soft = op(c, a, b, n); uint softFlags = c->Fpsr;
                Assert.True(fast == soft && fastFlags == softFlags, $"{op.Method.Name} {a:x} {b:x}: fast {fast:x}/{fastFlags:x} soft {soft:x}/{softFlags:x}");
            }
            c->Fpcr = 0; c->Fpsr = 0;
            ulong abs = FpCore.Abs(a, n);
            ulong fs = FpCore.Sqrt(c, abs, n); uint ff = c->Fpsr;
            c->Fpcr = FZ; c->Fpsr = 0;
            Assert.Equal((fs, ff), (FpCore.Sqrt(c, abs, n), c->Fpsr));
        }
    }

    [Fact]
    public void DirectedRoundingBracketsNearest()
    {
        using var h = new GuestHarness();
        var c = h.State;
        var random = new Random(11);
        Op[] ops = [FpCore.Add, FpCore.Mul, FpCore.Div];
        for (int i = 0; i < 20000; i++)
        {
            ulong a = BitConverter.DoubleToUInt64Bits(RandomNormal(random, 40)), b = BitConverter.DoubleToUInt64Bits(RandomNormal(random, 40));
            foreach (var op in ops)
            {
                var r = new ulong[4];
                var inexact = new bool[4];
                for (uint mode = 0; mode < 4; mode++)
                {
                    c->Fpcr = mode << 22; c->Fpsr = 0;
                    r[mode] = op(c, a, b, 64);
                    inexact[mode] = (c->Fpsr & FpCore.Ixc) != 0;
                }
                double rn = BitConverter.UInt64BitsToDouble(r[0]), rp = BitConverter.UInt64BitsToDouble(r[1]);
                double rm = BitConverter.UInt64BitsToDouble(r[2]), rz = BitConverter.UInt64BitsToDouble(r[3]);
                Assert.All(inexact, x => Assert.Equal(inexact[0], x));
                Assert.True(rm <= rn && rn <= rp);
                if (inexact[0]) Assert.Equal(Math.BitIncrement(rm), rp);
                else Assert.True(rm == rp && rp == rn);
                Assert.Equal(rn >= 0 ? rm : rp, rz);
            }
        }
    }
}
