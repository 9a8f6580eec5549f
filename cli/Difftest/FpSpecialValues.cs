// FpSpecialValues: the floating-point operands the FP/SIMD difftest draws half its lanes from
// (the FP issue's table): ±0, ±smallest and largest denormal, ±smallest normal, ±largest finite,
// ±infinity, the first and last signalling and quiet NaNs of each sign, ±1.0, ±0.5, and values at
// the edges of the integer conversions (2^31, 2^32, 2^63, 2^64 and their neighbours).
namespace Fast.Cli.Difftest;

public static class FpSpecialValues
{
    public static readonly ulong[] Double =
    [
        0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x8000000000000001, 0x000FFFFFFFFFFFFF, 0x800FFFFFFFFFFFFF,
        0x0010000000000000, 0x8010000000000000, 0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF, 0x7FF0000000000000, 0xFFF0000000000000,
        0x7FF0000000000001, 0xFFF0000000000001, 0x7FF7FFFFFFFFFFFF, 0xFFF7FFFFFFFFFFFF, 0x7FF8000000000000, 0xFFF8000000000000,
        0x7FFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0x3FF0000000000000, 0xBFF0000000000000, 0x3FE0000000000000, 0xBFE0000000000000,
        0x41E0000000000000, 0xC1E0000000000000, 0x41DFFFFFFFFFFFFF, 0x41F0000000000000, 0x41EFFFFFFFFFFFFF, 0x43E0000000000000,
        0xC3E0000000000000, 0x43DFFFFFFFFFFFFF, 0x43F0000000000000, 0x43EFFFFFFFFFFFFF, 0x3FF8000000000000, 0x4004000000000000,
    ];

    public static readonly uint[] Single =
    [
        0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000, 0x80800000, 0x7F7FFFFF, 0xFF7FFFFF,
        0x7F800000, 0xFF800000, 0x7F800001, 0xFF800001, 0x7FBFFFFF, 0xFFBFFFFF, 0x7FC00000, 0xFFC00000, 0x7FFFFFFF, 0xFFFFFFFF,
        0x3F800000, 0xBF800000, 0x3F000000, 0xBF000000, 0x4F000000, 0xCF000000, 0x4EFFFFFF, 0x4F800000, 0x4F7FFFFF, 0x5F000000,
        0xDF000000, 0x5EFFFFFF, 0x5F800000, 0x5F7FFFFF, 0x3FC00000, 0x40200000,
    ];

    public static readonly ushort[] Half =
    [
        0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x83FF, 0x0400, 0x8400, 0x7BFF, 0xFBFF, 0x7C00, 0xFC00, 0x7C01, 0xFC01,
        0x7DFF, 0xFDFF, 0x7E00, 0xFE00, 0x7FFF, 0xFFFF, 0x3C00, 0xBC00, 0x3800, 0xB800,
    ];

    /// <summary>One 64-bit half of a V register filled with special values of one random element size.</summary>
    public static ulong Lanes(Rng rng)
    {
        switch (rng.Below(3))
        {
            case 0:
                return Double[rng.Below(Double.Length)];
            case 1:
                return Single[rng.Below(Single.Length)] | (ulong)Single[rng.Below(Single.Length)] << 32;
            default:
                ulong v = 0;
                for (int i = 0; i < 4; i++) v |= (ulong)Half[rng.Below(Half.Length)] << (16 * i);
                return v;
        }
    }

    /// <summary>A random FPCR: rounding mode (bits 23:22), FZ (24), DN (25); AHP (26) now and then.</summary>
    public static ulong Fpcr(Rng rng) =>
        ((ulong)rng.Below(4) << 22) | (rng.Chance(2) ? 1UL << 24 : 0) | (rng.Chance(2) ? 1UL << 25 : 0) | (rng.Chance(8) ? 1UL << 26 : 0);
}
