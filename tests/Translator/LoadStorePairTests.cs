using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>LDP/STP/LDPSW/LDNP/STNP, integer and SIMD&amp;FP, in every form.</summary>
public unsafe class LoadStorePairTests : IDisposable
{
    const ulong D = GuestHarness.DataBase;
    readonly GuestHarness h = new();

    public LoadStorePairTests()
    {
        var bytes = new byte[128];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(0x80 + i);
        h.WriteMemory(D, bytes);
        h.SetX(2, D + 16);
    }

    public void Dispose() => h.Dispose();

    (ulong Low, ulong High) V(int n) => (h.State->V[n * 2], h.State->V[n * 2 + 1]);

    [Fact]
    public void LoadPairForms()
    {
        h.RunFresh(0xA97F0440, 0x29411043); // LDP X0, X1, [X2, #-16]; LDP W3, W4, [X2, #8]
        Assert.Equal(0x8786858483828180UL, h.X(0));
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.X(1));
        Assert.Equal(0x9B9A9998UL, h.X(3));
        Assert.Equal(0x9F9E9D9CUL, h.X(4));
        Assert.Equal(D + 16, h.X(2));
        h.RunFresh(0xA9C11845); // LDP X5, X6, [X2, #16]!
        Assert.Equal(0xA7A6A5A4A3A2A1A0UL, h.X(5));
        Assert.Equal(D + 32, h.X(2));
        h.RunFresh(0x28FC2047); // LDP W7, W8, [X2], #-32
        Assert.Equal(0xA3A2A1A0UL, h.X(7));
        Assert.Equal(0xA7A6A5A4UL, h.X(8));
        Assert.Equal(D, h.X(2));
        h.RunFresh(0xA840A849); // LDNP X9, X10, [X2, #8]
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.X(9));
        Assert.Equal(0x9796959493929190UL, h.X(10));
    }

    [Fact]
    public void LoadPairSignedWordsExtendTo64Bits()
    {
        h.RunFresh(0x69400440, 0x69FF1043, 0x68C09845); // LDPSW X0, X1, [X2]; LDPSW X3, X4, [X2, #-8]!; LDPSW X5, X6, [X2], #4
        Assert.Equal(0xFFFFFFFF93929190UL, h.X(0));
        Assert.Equal(0xFFFFFFFF97969594UL, h.X(1));
        Assert.Equal(0xFFFFFFFF8B8A8988UL, h.X(3));
        Assert.Equal(0xFFFFFFFF8F8E8D8CUL, h.X(4));
        Assert.Equal(0xFFFFFFFF8B8A8988UL, h.X(5));
        Assert.Equal(D + 12, h.X(2));
    }

    [Fact]
    public void StorePairForms()
    {
        h.SetX(0, 0x1111111111111111); h.SetX(1, 0x2222222222222222);
        h.RunFresh(0xA9BF0440, 0x29030041); // STP X0, X1, [X2, #-16]!; STP W1, W0, [X2, #24]
        Assert.Equal(D, h.X(2));
        Assert.Equal(0x1111111111111111UL, h.Read64(D));
        Assert.Equal(0x2222222222222222UL, h.Read64(D + 8));
        Assert.Equal(0x1111111122222222UL, h.Read64(D + 24));
        h.RunFresh(0xA882805F, 0x28007C40); // STP XZR, X0, [X2], #40; STNP W0, WZR, [X2]
        Assert.Equal(0UL, h.Read64(D));
        Assert.Equal(D + 40, h.X(2));
        Assert.Equal(0x11111111UL, h.Read64(D + 40));
    }

    [Fact]
    public void LoadPairIntoOneRegisterKeepsTheFirstElement()
    {
        // CONSTRAINED UNPREDICTABLE (Rt == Rt2): as Unicorn, the first element wins.
        h.RunFresh(0xA9400040); // LDP X0, X0, [X2]
        Assert.Equal(0x9796959493929190UL, h.X(0));
    }

    [Fact]
    public void PairWriteBackOfABaseAlsoLoadedKeepsTheAddress()
    {
        h.RunFresh(0xA9C10840); // LDP X0, X2, [X2, #16]!
        Assert.Equal(D + 32, h.X(2));
        Assert.Equal(0xA7A6A5A4A3A2A1A0UL, h.X(0));
        h.SetX(2, D);
        h.RunFresh(0xA9810842); // STP X2, X2, [X2, #16]!
        Assert.Equal(D, h.Read64(D + 16));
        Assert.Equal(D, h.Read64(D + 24));
        Assert.Equal(D + 16, h.X(2));
    }

    [Fact]
    public void FpPairsOfEachSize()
    {
        for (int i = 0; i < 64; i++) h.State->V[i] = 0xEEEE_EEEE_EEEE_EEEE;
        h.RunFresh(0x2D400440, 0x6D7F0C42, 0xAD7F9444); // LDP S0, S1, [X2]; LDP D2, D3, [X2, #-16]; LDP Q4, Q5, [X2, #-16]
        Assert.Equal((0x93929190UL, 0UL), V(0));
        Assert.Equal((0x97969594UL, 0UL), V(1));
        Assert.Equal((0x8786858483828180UL, 0UL), V(2));
        Assert.Equal((0x8F8E8D8C8B8A8988UL, 0UL), V(3));
        Assert.Equal((0x8786858483828180UL, 0x8F8E8D8C8B8A8988UL), V(4));
        Assert.Equal((0x9796959493929190UL, 0x9F9E9D9C9B9A9998UL), V(5));
        h.RunFresh(0xAD811045, 0x6CBD0843); // STP Q5, Q4, [X2, #32]!; STP D3, D2, [X2], #-48
        Assert.Equal(D, h.X(2));
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.Read64(D + 48));  // D3 over Q5's low half
        Assert.Equal(0x8786858483828180UL, h.Read64(D + 56));  // D2 over Q5's high half
        Assert.Equal(0x8786858483828180UL, h.Read64(D + 64));  // Q4
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.Read64(D + 72));
        h.RunFresh(0x6C431C46, 0x2C3F0041); // LDNP D6, D7, [X2, #48]; STNP S1, S0, [X2, #-8]
        Assert.Equal((0x8F8E8D8C8B8A8988UL, 0UL), V(6));
        Assert.Equal((0x8786858483828180UL, 0UL), V(7));
        Assert.Equal(0x9392919097969594UL, h.Read64(D - 8));
    }

    [Theory]
    [InlineData(0xE9400440u)] // LDP with opc 11
    [InlineData(0x68400440u)] // LDNP with opc 01 (no LDNPSW)
    [InlineData(0xED400440u)] // LDP (SIMD&FP) with opc 11
    public void UnallocatedPairEncodingsAreUndefined(uint word)
    {
        Assert.Equal(ExceptionKind.Undefined, h.RunRawFresh(word)!.Value.Kind);
    }
}
