using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>SIMD&amp;FP register loads and stores (B/H/S/D/Q) and the literal loads.</summary>
public unsafe class LoadStoreFpTests : IDisposable
{
    const ulong D = GuestHarness.DataBase;
    readonly GuestHarness h = new();

    public LoadStoreFpTests()
    {
        var bytes = new byte[64];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(0x80 + i);
        h.WriteMemory(D, bytes);
        h.SetX(1, D);
        for (int i = 0; i < 64; i++) h.State->V[i] = 0xEEEE_EEEE_EEEE_EEEE;
    }

    public void Dispose() => h.Dispose();

    (ulong Low, ulong High) V(int n) => (h.State->V[n * 2], h.State->V[n * 2 + 1]);

    [Fact]
    public void ScalarLoadsZeroTheRestOfTheRegister()
    {
        h.RunFresh(0x3D400420, 0x7D400421, 0xBD400422, 0xFD400423, 0x3DC00424); // LDR B0, [X1, #1]; LDR H1, [X1, #2]; LDR S2, [X1, #4]; LDR D3, [X1, #8]; LDR Q4, [X1, #16]
        Assert.Equal((0x81UL, 0UL), V(0));
        Assert.Equal((0x8382UL, 0UL), V(1));
        Assert.Equal((0x87868584UL, 0UL), V(2));
        Assert.Equal((0x8F8E8D8C8B8A8988UL, 0UL), V(3));
        Assert.Equal((0x9796959493929190UL, 0x9F9E9D9C9B9A9998UL), V(4));
    }

    [Fact]
    public void StoresWriteOnlyTheirSize()
    {
        h.State->V[0] = 0x0807060504030201; h.State->V[1] = 0x100F0E0D0C0B0A09;
        h.SetX(1, D + 32);
        h.RunFresh(0x3D800020, 0xBC1F0020, 0x7C1F8020, 0x3C1FC020); // STR Q0, [X1]; STR S0, [X1, #-16]; STR H0, [X1, #-8]; STR B0, [X1, #-4]
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray(), h.ReadMemory(D + 32, 16));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 0x94, 0x95, 0x96, 0x97, 1, 2, 0x9A, 0x9B, 1, 0x9D }, h.ReadMemory(D + 16, 14));
        h.RunFresh(0xFD000420); // STR D0, [X1, #8]
        Assert.Equal(0x0807060504030201UL, h.Read64(D + 40));
    }

    [Fact]
    public void IndexedAndUnscaledForms()
    {
        h.RunFresh(0xBC404420, 0xFC404C21, 0x3CDF9022); // LDR S0, [X1], #4; LDR D1, [X1, #4]!; LDUR Q2, [X1, #-7]
        Assert.Equal((0x83828180UL, 0UL), V(0));
        Assert.Equal((0x8F8E8D8C8B8A8988UL, 0UL), V(1));
        Assert.Equal((0x8887868584838281UL, 0x908F8E8D8C8B8A89UL), V(2));
        Assert.Equal(D + 8, h.X(1));
        h.RunFresh(0x3C9F0C21, 0x7C001021); // STR Q1, [X1, #-16]!; STUR H1, [X1, #1]
        Assert.Equal(D - 8, h.X(1));
        Assert.Equal(0x8F8E8D8C8B898888UL, h.Read64(D - 8)); // Q1's low half, then H1 at D - 7
        Assert.Equal(0UL, h.Read64(D));                      // Q1's high half: the D load zeroed it
    }

    [Fact]
    public void RegisterOffsetScalesByTheAccessSize()
    {
        h.SetX(2, 1);
        h.RunFresh(0x3CE27820, 0x7C625821); // LDR Q0, [X1, X2, LSL #4]; LDR H1, [X1, W2, UXTW #1]
        Assert.Equal((0x9796959493929190UL, 0x9F9E9D9C9B9A9998UL), V(0));
        Assert.Equal((0x8382UL, 0UL), V(1));
        h.RunFresh(0x3C226821); // STR B1, [X1, X2]
        Assert.Equal(0x82, h.ReadMemory(D + 1, 1)[0]);
    }

    [Fact]
    public void LiteralLoadsArePcRelative()
    {
        const ulong C = GuestHarness.CodeBase;
        h.Write64(C + 0x100, 0xF0E0D0C0B0A09080);
        h.Write64(C + 0x108, 0x1122334455667788);
        h.Write64(C - 0x100, 0x8000_0001_8000_0002);
        h.RunFresh(0x58000800, 0x180007E1, 0x98FFF7C2, 0x58FFF7A3); // LDR X0, . + 0x100; LDR W1, . + 0xFC; LDRSW X2, . - 0x108; LDR X3, . - 0x10C
        Assert.Equal(0xF0E0D0C0B0A09080UL, h.X(0));
        Assert.Equal(0xB0A09080UL, h.X(1));
        Assert.Equal(0xFFFFFFFF80000002UL, h.X(2));
        Assert.Equal(0x8000_0001_8000_0002UL, h.X(3));
        h.RunFresh(0x1C000800, 0x5C0007E1, 0x9C0007C2, 0xD8F80000); // LDR S0, . + 0x100; LDR D1, . + 0xFC; LDR Q2, . + 0xF8; PRFM PLDL1KEEP, . - 0x10000
        Assert.Equal((0xB0A09080UL, 0UL), V(0));
        Assert.Equal((0xF0E0D0C0B0A09080UL, 0UL), V(1));
        Assert.Equal((0xF0E0D0C0B0A09080UL, 0x1122334455667788UL), V(2));
    }

    [Theory]
    [InlineData(0x7DC00020u)] // LDR (Q form with size 01)
    [InlineData(0xFC400820u)] // the unprivileged encoding with V = 1
    [InlineData(0xDC000040u)] // LDR (literal, SIMD&FP) opc 11
    public void UnallocatedFpEncodingsAreUndefined(uint word)
    {
        Assert.Equal(ExceptionKind.Undefined, h.RunRawFresh(word)!.Value.Kind);
    }
}
