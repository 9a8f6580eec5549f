// AdvSIMD rows: hand-checked cases (saturation and FPSR.QC, upper-half zeroing, element
// insertion). Disassembly against objdump: AdvSimdDisassemblyTests*. The random-register sweep
// against recorded qemu results is FpOracleTests.AdvSimdRowsMatchRecordedResults.
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public unsafe class AdvSimdTests
{
    static void Run(GuestHarness h, uint word)
    {
        h.Engine.Cache.InvalidateAll();   // every word is loaded at the same address
        h.Run(word);
    }

    static void V(GuestHarness h, uint n, ulong lo, ulong hi) { h.State->V[n * 2] = lo; h.State->V[n * 2 + 1] = hi; }
    static (ulong, ulong) V(GuestHarness h, uint n) => (h.State->V[n * 2], h.State->V[n * 2 + 1]);

    [Fact]
    public void SqaddSaturatesAndSetsQc()
    {
        using var h = new GuestHarness();
        V(h, 1, 0x7F00_0000_0000_0080, 0); V(h, 2, 0x0100_0000_0000_0080, 0);
        Run(h, 0x4E220C20); // SQADD V0.16B, V1.16B, V2.16B
        Assert.Equal((0x7F00_0000_0000_0080UL, 0UL), V(h, 0));   // 0x7F+1 -> 0x7F, -128 + -128 -> -128
        Assert.Equal(1u << 27, h.State->Fpsr);
    }

    [Fact]
    public void UqsubClampsAtZero()
    {
        using var h = new GuestHarness();
        V(h, 1, 0x0001_0005, 0); V(h, 2, 0x0002_0003, 0);
        Run(h, 0x6E622C20); // UQSUB V0.8H, V1.8H, V2.8H
        Assert.Equal((0x0000_0002UL, 0UL), V(h, 0));
        Assert.Equal(1u << 27, h.State->Fpsr);
    }

    [Fact]
    public void SixtyFourBitFormsZeroTheUpperHalf()
    {
        using var h = new GuestHarness();
        V(h, 0, 1, 0xFFFF); V(h, 1, 2, 3); V(h, 2, 4, 5);
        Run(h, 0x0EA28420); // ADD V0.2S, V1.2S, V2.2S
        Assert.Equal((6UL, 0UL), V(h, 0));
    }

    [Fact]
    public void InsKeepsOtherElementsUmovZeroExtendsSmovSignExtends()
    {
        using var h = new GuestHarness();
        V(h, 0, 0x1111_1111_1111_1111, 0x2222_2222_2222_2222);
        h.SetX(1, 0xAABB_CCDD_8765_4321);
        Run(h, 0x4E0C1C20); // MOV V0.S[1], W1
        Assert.Equal((0x8765_4321_1111_1111UL, 0x2222_2222_2222_2222UL), V(h, 0));
        V(h, 1, 0x0000_0000_8000_0000, 0);
        Run(h, 0x4E0C2C20); // SMOV X0, V1.S[1] -> element 1 is 0
        Assert.Equal(0UL, h.X(0));
        V(h, 1, 0x0000_0080_0000_0000, 0);
        Run(h, 0x0E0A3C20); // UMOV W0, V1.H[2]
        Assert.Equal(0x80UL, h.X(0));
        Run(h, 0x4E0A2C20); // SMOV X0, V1.H[2]
        Assert.Equal(0x80UL, h.X(0));
        V(h, 1, 0x8000_0000_0000_0000, 0);
        Run(h, 0x0E0E2C20); // SMOV W0, V1.H[3]
        Assert.Equal(0xFFFF_8000UL, h.X(0));
    }

    [Fact]
    public void BitwiseSelects()
    {
        using var h = new GuestHarness();
        V(h, 0, 0xFF00FF00FF00FF00, 0); V(h, 1, 0x1111111111111111, 0); V(h, 2, 0x2222222222222222, 0);
        Run(h, 0x2E621C20); // BSL V0.8B, V1.8B, V2.8B
        Assert.Equal((0x1122112211221122UL, 0UL), V(h, 0));
    }

    [Fact]
    public void MoviForms()
    {
        using var h = new GuestHarness();
        Run(h, 0x2F05E540); // MOVI D0, #0xFF00FF00FF00FF00
        Assert.Equal((0xFF00FF00FF00FF00UL, 0UL), V(h, 0));
        Run(h, 0x4F02D6C0); // MOVI V0.4S, #0x56, MSL #16
        Assert.Equal((0x0056FFFF0056FFFFUL, 0x0056FFFF0056FFFFUL), V(h, 0));
        Run(h, 0x6F04F500); // FMOV V0.2D, #-3.0
        Assert.Equal((0xC008000000000000UL, 0xC008000000000000UL), V(h, 0));
    }
}

/// <summary>ShiftRight's 64-bit path (no rounding) against the 128-bit arithmetic it replaces, at every element size and shift.</summary>
public unsafe class AdvSimdShiftRightTests
{
    [Fact]
    public void ShrnNarrowsEachShiftedElement()
    {
        // C7.2 SHRN/SHRN2: element e of the result is (Vn.elem[e] (2*esize bits) >> shift) truncated
        // to esize; SHRN writes the low 64 bits and zeroes the high, SHRN2 writes the high and keeps the low.
        var random = new Random(11);
        using var h = new GuestHarness();
        foreach (int esize in new[] { 8, 16, 32 })
            for (int shift = 1; shift <= esize; shift++)
                foreach (uint q in new uint[] { 0, 1 })
                {
                    ulong lo = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63), hi = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                    ulong old = (ulong)random.NextInt64();
                    h.State->V[2] = lo; h.State->V[3] = hi;
                    h.State->V[0] = old; h.State->V[1] = old ^ 0xFF;
                    uint immhb = (uint)(2 * esize - shift);
                    h.Engine.Cache.InvalidateAll();
                    h.Run(0x0F008400u | (q << 30) | (immhb << 16) | (1u << 5));   // SHRN{2} V0, V1, #shift
                    ulong expected = 0;
                    int wide = 2 * esize, count = 64 / esize;
                    for (int e = 0; e < count; e++)
                    {
                        UInt128 source = ((UInt128)hi << 64) | lo;
                        ulong element = (ulong)((source >> (e * wide)) & (((UInt128)1 << wide) - 1));
                        ulong narrowed = (element >> shift) & ((1UL << esize) - 1);
                        expected |= narrowed << (e * esize);
                    }
                    var got = (h.State->V[0], h.State->V[1]);
                    Assert.Equal(q == 0 ? (expected, 0UL) : (old, expected), got);
                }
    }

    [Fact]
    public void AddAndSubtractNarrowingHighKeepTheHighHalves()
    {
        // C7.2 ADDHN/RADDHN/SUBHN/RSUBHN{2}: element e is the most significant esize bits of the 2*esize-bit
        // sum or difference of Vn.elem[e] and Vm.elem[e] (plus 1 << (esize-1) for the rounding forms),
        // modulo 2^(2*esize); computed here in 128-bit arithmetic, the way the manual states it.
        var random = new Random(13);
        using var h = new GuestHarness();
        foreach (uint size in new uint[] { 0, 1, 2 })
            foreach (var (subtract, round) in new[] { (false, false), (false, true), (true, false), (true, true) })
                foreach (uint q in new uint[] { 0, 1 })
                    for (int k = 0; k < 8; k++)
                    {
                        int esize = 8 << (int)size, wide = 2 * esize, count = 64 / esize;
                        ulong Next() => (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                        ulong nlo = Next(), nhi = Next(), mlo = Next(), mhi = Next(), old = Next();
                        if (k == 0) { nlo = nhi = ulong.MaxValue; mlo = mhi = subtract ? 0 : ulong.MaxValue; }   // carries and borrows at the top
                        h.State->V[2] = nlo; h.State->V[3] = nhi; h.State->V[4] = mlo; h.State->V[5] = mhi;
                        h.State->V[0] = old; h.State->V[1] = old ^ 0xFF;
                        // ADDHN 0x0E204000, SUBHN 0x0E206000; U (bit 29) makes RADDHN/RSUBHN. V0, V1, V2.
                        uint word = (subtract ? 0x0E206000u : 0x0E204000u) | (round ? 1u << 29 : 0) | (q << 30) | (size << 22) | (2u << 16) | (1u << 5);
                        h.Engine.Cache.InvalidateAll();
                        h.Run(word);
                        UInt128 n = ((UInt128)nhi << 64) | nlo, m = ((UInt128)mhi << 64) | mlo, elementMask = ((UInt128)1 << wide) - 1;
                        ulong expected = 0;
                        for (int e = 0; e < count; e++)
                        {
                            UInt128 a = (n >> (e * wide)) & elementMask, b = (m >> (e * wide)) & elementMask;
                            UInt128 v = (subtract ? a - b : a + b) + (round ? (UInt128)1 << (esize - 1) : 0);
                            expected |= (ulong)((v & elementMask) >> esize) << (e * esize);
                        }
                        Assert.Equal(q == 0 ? (expected, 0UL) : (old, expected), (h.State->V[0], h.State->V[1]));
                    }
    }

    [Fact]
    public void ShiftRightWithoutRoundingMatchesWideArithmetic()
    {
        var random = new Random(5);
        foreach (int esize in new[] { 8, 16, 32, 64 })
            for (int shift = 1; shift <= esize; shift++)
                for (int k = 0; k < 50; k++)
                {
                    ulong x = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                    if (esize < 64) x &= (1UL << esize) - 1;
                    Int128 unsignedWide = (Int128)x >> shift;
                    Int128 signedWide = (Int128)(long)Fast.Translator.Semantics.Bits.SignExtend(x, esize) >> shift;
                    Assert.Equal(unsignedWide, Fast.Translator.Semantics.AdvSimdShiftByImmediate.ShiftRight(x, esize, shift, unsigned: true, round: false));
                    Assert.Equal(signedWide, Fast.Translator.Semantics.AdvSimdShiftByImmediate.ShiftRight(x, esize, shift, unsigned: false, round: false));
                }
    }
}
