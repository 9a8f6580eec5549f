// AdvSIMD load/store structures: LD1-LD4 / ST1-ST4 (multiple, single lane, replicate, post-index)
// against memory laid out as bytes 0, 1, 2, ... at DataBase, and disassembly against objdump.
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public unsafe class AdvSimdLoadStoreTests
{
    const ulong Data = GuestHarness.DataBase;

    static GuestHarness New()
    {
        var h = new GuestHarness();
        var bytes = new byte[256];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)i;
        h.WriteMemory(Data, bytes);
        for (int i = 0; i < 64; i++) h.State->V[i] = 0xEEEE_EEEE_EEEE_EEEE;
        h.SetX(1, Data);
        return h;
    }

    static (ulong, ulong) V(GuestHarness h, int n) => (h.State->V[n * 2], h.State->V[n * 2 + 1]);

    [Fact]
    public void Ld1OneRegister()
    {
        using var h = New();
        h.Run(0x4C407020); // LD1 {V0.16B}, [X1]
        Assert.Equal((0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL), V(h, 0));
        Assert.Equal(Data, h.X(1));
    }

    [Fact]
    public void Ld1FourRegistersPostIndexImmediateAndQ0ZeroesUpperHalves()
    {
        using var h = New();
        h.Run(0x0CDF2020); // LD1 {V0.8B-V3.8B}, [X1], #32
        for (int r = 0; r < 4; r++) Assert.Equal((0x0706050403020100UL + 0x0808080808080808UL * (ulong)r, 0UL), V(h, r));
        Assert.Equal(Data + 32, h.X(1));
    }

    [Fact]
    public void Ld2Deinterleaves()
    {
        using var h = New();
        h.Run(0x4C408420); // LD2 {V0.8H, V1.8H}, [X1]
        Assert.Equal((0x0D0C090805040100UL, 0x1D1C191815141110UL), V(h, 0));
        Assert.Equal((0x0F0E0B0A07060302UL, 0x1F1E1B1A17161312UL), V(h, 1));
    }

    [Fact]
    public void Ld4RegisterPostIndex()
    {
        using var h = New();
        h.SetX(3, 100);
        h.Run(0x4CC30820); // LD4 {V0.4S-V3.4S}, [X1], X3
        Assert.Equal((0x1312111003020100UL, 0x3332313023222120UL), V(h, 0));
        Assert.Equal((0x1716151407060504UL, 0x3736353427262524UL), V(h, 1));
        Assert.Equal((0x1F1E1D1C0F0E0D0CUL, 0x3F3E3D3C2F2E2D2CUL), V(h, 3));
        Assert.Equal(Data + 100, h.X(1));
    }

    [Fact]
    public void St3InterleavesAndSt1WritesBack()
    {
        using var h = New();
        h.State->V[10] = 0x0706050403020100; h.State->V[11] = 0x0F0E0D0C0B0A0908;   // V5
        h.State->V[12] = 0x1716151413121110; h.State->V[13] = 0x1F1E1D1C1B1A1918;   // V6
        h.State->V[14] = 0x2726252423222120; h.State->V[15] = 0x2F2E2D2C2B2A2928;   // V7
        h.SetX(1, Data + 0x80);
        h.Run(0x4D9FB025); // ST3 {V5.S-V7.S}[3], [X1], #12
        Assert.Equal(new byte[] { 0x0C, 0x0D, 0x0E, 0x0F, 0x1C, 0x1D, 0x1E, 0x1F, 0x2C, 0x2D, 0x2E, 0x2F, 0x8C }, h.ReadMemory(Data + 0x80, 13));
        Assert.Equal(Data + 0x80 + 12, h.X(1));
    }

    [Fact]
    public void St4MultipleInterleavesBytes()
    {
        using var h = New();
        for (int r = 0; r < 4; r++) { h.State->V[r * 2] = 0x0101010101010101UL * (ulong)(r + 1); h.State->V[r * 2 + 1] = 0x0101010101010101UL * (ulong)(r + 5); }
        h.SetX(1, Data + 0x40);
        h.Run(0x4C000020); // ST4 {V0.16B-V3.16B}, [X1]
        var mem = h.ReadMemory(Data + 0x40, 64);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 1, 2, 3, 4 }, mem[..8]);
        Assert.Equal(new byte[] { 5, 6, 7, 8 }, mem[32..36]);
        Assert.Equal(Data + 0x40, h.X(1));
    }

    [Fact]
    public void Ld1SingleLaneKeepsOtherLanes()
    {
        using var h = New();
        h.SetX(1, Data + 0x10);
        h.Run(0x0D409020); // LD1 {V0.S}[1], [X1]
        Assert.Equal((0x13121110EEEEEEEEUL, 0xEEEEEEEEEEEEEEEEUL), V(h, 0));
    }

    [Fact]
    public void Ld2SingleLanePostIndexRegister()
    {
        using var h = New();
        h.SetX(2, 8);
        h.Run(0x4DE25820); // LD2 {V0.H, V1.H}[7], [X1], X2
        Assert.Equal(0x0100EEEEEEEEEEEEUL, h.State->V[1]);
        Assert.Equal(0x0302EEEEEEEEEEEEUL, h.State->V[3]);
        Assert.Equal(Data + 8, h.X(1));
    }

    [Fact]
    public void LdNRReplicates()
    {
        using var h = New();
        h.Run(0x4D40C820); // LD1R {V0.4S}, [X1]
        Assert.Equal((0x0302010003020100UL, 0x0302010003020100UL), V(h, 0));
        h.Engine.Cache.InvalidateAll();
        h.Run(0x0DFFC020); // LD2R {V0.8B, V1.8B}, [X1], #2
        Assert.Equal((0x0000000000000000UL, 0UL), V(h, 0));
        Assert.Equal((0x0101010101010101UL, 0UL), V(h, 1));
        Assert.Equal(Data + 2, h.X(1));
    }

    [Fact]
    public void FaultingLoadLeavesRegistersUnchanged()
    {
        using var h = new GuestHarness();
        h.Os.Handler = (cpu, e) => Resume.Halt;
        h.State->V[0] = 0x1234;
        h.SetX(1, 0xFFFF_FFFF_FFF0);   // beyond RAM: the load faults
        var e = h.RunRaw(0x4CDFA020); // LD1 {V0.16B, V1.16B}, [X1], #32
        Assert.NotEqual(ExceptionKind.Brk, e!.Value.Kind);
        Assert.Equal(0x1234UL, h.State->V[0]);
        Assert.Equal(0xFFFF_FFFF_FFF0UL, h.X(1));
    }

    [Theory]
    [InlineData(0x4C407020u, "ld1\t{v0.16b}, [x1]")]
    [InlineData(0x4CDFA3E0u, "ld1\t{v0.16b, v1.16b}, [sp], #32")]
    [InlineData(0x4CC26C20u, "ld1\t{v0.2d-v2.2d}, [x1], x2")]
    [InlineData(0x0CDF2020u, "ld1\t{v0.8b-v3.8b}, [x1], #32")]
    [InlineData(0x4C40283Eu, "ld1\t{v30.4s, v31.4s, v0.4s, v1.4s}, [x1]")]
    [InlineData(0x4C408420u, "ld2\t{v0.8h, v1.8h}, [x1]")]
    [InlineData(0x0CDF4420u, "ld3\t{v0.4h-v2.4h}, [x1], #24")]
    [InlineData(0x4CC30820u, "ld4\t{v0.4s-v3.4s}, [x1], x3")]
    [InlineData(0x4C9F7020u, "st1\t{v0.16b}, [x1], #16")]
    [InlineData(0x0C008820u, "st2\t{v0.2s, v1.2s}, [x1]")]
    [InlineData(0x4C000020u, "st4\t{v0.16b-v3.16b}, [x1]")]
    [InlineData(0x0D409020u, "ld1\t{v0.s}[1], [x1]")]
    [InlineData(0x4DDF1C20u, "ld1\t{v0.b}[15], [x1], #1")]
    [InlineData(0x4DE25820u, "ld2\t{v0.h, v1.h}[7], [x1], x2")]
    [InlineData(0x4D40A420u, "ld3\t{v0.d-v2.d}[1], [x1]")]
    [InlineData(0x0DFF2C20u, "ld4\t{v0.b-v3.b}[3], [x1], #4")]
    [InlineData(0x4D008420u, "st1\t{v0.d}[1], [x1]")]
    [InlineData(0x4D9FB025u, "st3\t{v5.s-v7.s}[3], [x1], #12")]
    [InlineData(0x4D40C820u, "ld1r\t{v0.4s}, [x1]")]
    [InlineData(0x0DFFC020u, "ld2r\t{v0.8b, v1.8b}, [x1], #2")]
    [InlineData(0x4DC5EC20u, "ld3r\t{v0.2d-v2.2d}, [x1], x5")]
    [InlineData(0x0D60EC20u, "ld4r\t{v0.1d-v3.1d}, [x1]")]
    public void DisassemblyMatchesObjdump(uint word, string expected) =>
        Assert.Equal(expected, Fast.Translator.Disassembler.Disassemble(word));
}
