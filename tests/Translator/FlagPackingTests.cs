using Fast.Translator.Semantics;

namespace Fast.Tests.Translator;

/// <summary>
/// IntegerValues.SubFlags/AddFlags pack NZCV with shifts and set-on-compare; they must equal the
/// pseudocode's AddWithCarry (ARM ARM J1.1.3) at both sizes on the values where flags change.
/// </summary>
public class FlagPackingTests
{
    static readonly ulong[] Edges =
    [
        0, 1, 2, 0x7F, 0x80, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, 0x1_0000_0000,
        0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0x8000_0000_0000_0001, 0xFFFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFE, 0x1234_5678_9ABC_DEF0, 0xFFFF_FFFF_0000_0000, 0x0000_0001_FFFF_FFFF,
    ];

    static IEnumerable<ulong> Values()
    {
        var rng = new Random(7);
        foreach (ulong e in Edges) yield return e;
        for (int i = 0; i < 60; i++) yield return (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
    }

    [Fact]
    public void SubAddAndLogicFlagsEqualThePseudocode()
    {
        foreach (ulong a in Values())
        foreach (ulong b in Values())
        {
            Flags.AddWithCarry64(a, ~b, 1, out ulong sub64);
            Flags.AddWithCarry32((uint)a, ~(uint)b, 1, out ulong sub32);
            Flags.AddWithCarry64(a, b, 0, out ulong add64);
            Flags.AddWithCarry32((uint)a, (uint)b, 0, out ulong add32);
            Assert.Equal(sub64, IntegerValues.SubFlags(a, b, 1));
            Assert.Equal(sub32, IntegerValues.SubFlags(a, b, 0));
            Assert.Equal(add64, IntegerValues.AddFlags(a, b, 1));
            Assert.Equal(add32, IntegerValues.AddFlags(a, b, 0));
        }
        foreach (ulong r in Values())
        {
            Assert.Equal(((long)r < 0 ? Flags.N : 0) | (r == 0 ? Flags.Z : 0), IntegerValues.LogicFlags(r, 1));
            Assert.Equal(((int)(uint)r < 0 ? Flags.N : 0) | ((uint)r == 0 ? Flags.Z : 0), IntegerValues.LogicFlags(r, 0));
        }
        Assert.Equal(Flags.N | Flags.C, Flags.Pack(true, false, true, false));
        Assert.Equal(Flags.Z | Flags.V, Flags.Pack(false, true, false, true));
    }
}
