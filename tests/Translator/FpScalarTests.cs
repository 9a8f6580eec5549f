// Scalar FP rows: hand-checked cases from the ARM ARM pseudocode (special values, NaN rules,
// FPCR rounding/FZ/DN, FPSR flags) and the disassembly of every row against objdump.
// The exhaustive special-value sweep is FpScalarOracleTests.
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public unsafe class FpScalarTests
{
    const uint RN = 0, RP = 1u << 22, RM = 2u << 22, RZ = 3u << 22, FZ = 1u << 24, DN = 1u << 25, AHP = 1u << 26;
    const uint IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;

    static GuestHarness New(uint fpcr = 0)
    {
        var h = new GuestHarness();
        h.State->Fpcr = fpcr;
        for (int i = 0; i < 64; i++) h.State->V[i] = 0xA5A5A5A5_5A5A5A5AUL;
        return h;
    }

    /// <summary>Runs one word. The harness loads every word at the same address and writes RAM
    /// without invalidating decoded blocks, so a second, different word would run the stale block.</summary>
    static void Run(GuestHarness h, uint word)
    {
        h.Engine.Cache.InvalidateAll();
        h.Run(word);
    }

    static void S(GuestHarness h, uint n, uint bits) { h.State->V[n * 2] = bits; h.State->V[n * 2 + 1] = 0xFFFF; }
    static void D(GuestHarness h, uint n, ulong bits) { h.State->V[n * 2] = bits; h.State->V[n * 2 + 1] = 0xFFFF; }
    static ulong Lo(GuestHarness h, uint n) => h.State->V[n * 2];
    static ulong Hi(GuestHarness h, uint n) => h.State->V[n * 2 + 1];

    [Fact]
    public void FaddRoundsToNearestAndZeroesTheUpperHalf()
    {
        using var h = New();
        S(h, 1, 0x3F800000); S(h, 2, 0x33800000);   // 1.0 + 2^-24: a tie, rounds to even (1.0)
        Run(h, 0x1E222820); // FADD S0, S1, S2
        Assert.Equal(0x3F800000UL, Lo(h, 0));
        Assert.Equal(0UL, Hi(h, 0));
        Assert.Equal(IXC, h.State->Fpsr);
    }

    [Theory]
    [InlineData(RP, 0x3F800001u)]
    [InlineData(RM, 0x3F800000u)]
    [InlineData(RZ, 0x3F800000u)]
    [InlineData(RN, 0x3F800000u)]
    public void FaddHonoursDirectedRounding(uint mode, uint expected)
    {
        using var h = New(mode);
        S(h, 1, 0x3F800000); S(h, 2, 0x33800000);
        Run(h, 0x1E222820); // FADD S0, S1, S2
        Assert.Equal(expected, Lo(h, 0));
        Assert.Equal(IXC, h.State->Fpsr);
    }

    [Theory]
    [InlineData(RN, 0x8000000000000000UL)]  // x - x = +0 except when rounding toward -inf
    [InlineData(RM, 0x8000000000000000UL)]
    public void ExactZeroSumSignDependsOnRounding(uint mode, ulong _)
    {
        using var h = New(mode);
        D(h, 1, 0x3FF0000000000000); D(h, 2, 0x3FF0000000000000);
        Run(h, 0x1E623820); // FSUB D0, D1, D2
        Assert.Equal(mode == RM ? 0x8000000000000000UL : 0UL, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Fact]
    public void SignallingNanIsPreferredAndQuietened()
    {
        using var h = New();
        S(h, 1, 0x7FC00001);   // quiet NaN, first operand
        S(h, 2, 0x7F800002);   // signalling NaN, second operand: wins, quietened
        Run(h, 0x1E220820); // FMUL S0, S1, S2
        Assert.Equal(0x7FC00002UL, Lo(h, 0));
        Assert.Equal(IOC, h.State->Fpsr);
    }

    [Fact]
    public void FirstQuietNanPropagatesWithItsPayload()
    {
        using var h = New();
        D(h, 1, 0xFFF8000000000123); D(h, 2, 0x7FF8000000000456);
        Run(h, 0x1E622820); // FADD D0, D1, D2
        Assert.Equal(0xFFF8000000000123UL, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Fact]
    public void DefaultNanModeReturnsPositiveDefaultNan()
    {
        using var h = New(DN);
        S(h, 1, 0xFF800001); S(h, 2, 0x3F800000);
        Run(h, 0x1E222820); // FADD S0, S1, S2
        Assert.Equal(0x7FC00000UL, Lo(h, 0));
        Assert.Equal(IOC, h.State->Fpsr);
    }

    [Fact]
    public void InfinityMinusInfinityIsInvalid()
    {
        using var h = New();
        D(h, 1, 0x7FF0000000000000); D(h, 2, 0x7FF0000000000000);
        Run(h, 0x1E623820); // FSUB D0, D1, D2
        Assert.Equal(0x7FF8000000000000UL, Lo(h, 0));
        Assert.Equal(IOC, h.State->Fpsr);
    }

    [Fact]
    public void DivideByZeroSetsDzc()
    {
        using var h = New();
        S(h, 1, 0xBF800000); S(h, 2, 0x00000000);
        Run(h, 0x1E221820); // FDIV S0, S1, S2
        Assert.Equal(0xFF800000UL, Lo(h, 0));
        Assert.Equal(DZC, h.State->Fpsr);
    }

    [Fact]
    public void OverflowRoundsToMaxNormalTowardZero()
    {
        using var h = New(RZ);
        S(h, 1, 0x7F7FFFFF); S(h, 2, 0x40000000);
        Run(h, 0x1E220820); // FMUL S0, S1, S2
        Assert.Equal(0x7F7FFFFFUL, Lo(h, 0));
        Assert.Equal(OFC | IXC, h.State->Fpsr);
    }

    [Fact]
    public void FlushToZeroFlushesDenormalInputsAndOutputs()
    {
        using var h = New(FZ);
        S(h, 1, 0x00000001); S(h, 2, 0x3F800000);   // denormal input: treated as +0, IDC
        Run(h, 0x1E220820); // FMUL S0, S1, S2
        Assert.Equal(0UL, Lo(h, 0));
        Assert.Equal(IDC, h.State->Fpsr);

        h.State->Fpsr = 0;
        S(h, 1, 0x00800000); S(h, 2, 0x3F000000);   // min normal * 0.5: tiny result flushed, UFC only
        Run(h, 0x1E220820); // FMUL S0, S1, S2
        Assert.Equal(0UL, Lo(h, 0));
        Assert.Equal(UFC, h.State->Fpsr);
    }

    [Fact]
    public void ExactDenormalResultDoesNotSignalUnderflow()
    {
        using var h = New();
        S(h, 1, 0x00800000); S(h, 2, 0x3F000000);   // min normal * 0.5 = 0x00400000 exactly
        Run(h, 0x1E220820); // FMUL S0, S1, S2
        Assert.Equal(0x00400000UL, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Theory]
    [InlineData(0x1E224820u, 0x80000000u, 0x00000000u, 0x00000000u)] // FMAX S0, S1, S2: max(-0, +0) = +0
    [InlineData(0x1E225820u, 0x00000000u, 0x80000000u, 0x80000000u)] // FMIN S0, S1, S2: min(+0, -0) = -0
    [InlineData(0x1E226820u, 0x7FC00000u, 0xBF800000u, 0xBF800000u)] // FMAXNM S0, S1, S2: quiet NaN loses
    [InlineData(0x1E227820u, 0x3F800000u, 0x7FC00000u, 0x3F800000u)] // FMINNM S0, S1, S2
    [InlineData(0x1E224820u, 0x7FC00000u, 0xBF800000u, 0x7FC00000u)] // FMAX S0, S1, S2: NaN propagates
    public void MaxMinFollowArmRules(uint word, uint a, uint b, uint expected)
    {
        using var h = New();
        S(h, 1, a); S(h, 2, b);
        Run(h, word);
        Assert.Equal(expected, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Fact]
    public void FmaddIsFusedAndFmsubNegatesNanOperand()
    {
        using var h = New();
        // (1 + 2^-52) * (1 - 2^-52) - 1 = -2^-104 exactly: only a fused operation gets it.
        D(h, 1, 0x3FF0000000000001); D(h, 2, 0x3FEFFFFFFFFFFFFE); D(h, 3, 0xBFF0000000000000);
        Run(h, 0x1F420C20); // FMADD D0, D1, D2, D3
        Assert.Equal(0xB970000000000000UL, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);

        S(h, 1, 0x7FC00001); S(h, 2, 0x3F800000); S(h, 3, 0x3F800000);
        Run(h, 0x1F028C20); // FMSUB S0, S1, S2, S3: FPNeg(Sn) first, so the NaN comes back negated
        Assert.Equal(0xFFC00001UL, Lo(h, 0));
    }

    [Fact]
    public void FmaddInfinityTimesZeroWithQuietNanAddendIsDefaultNan()
    {
        using var h = New();
        S(h, 1, 0x7F800000); S(h, 2, 0x00000000); S(h, 3, 0x7FC00123);
        Run(h, 0x1F020C20); // FMADD S0, S1, S2, S3
        Assert.Equal(0x7FC00000UL, Lo(h, 0));
        Assert.Equal(IOC, h.State->Fpsr);
    }

    [Theory]
    [InlineData(0x1E244020u, 0x40200000u, 0x40000000u)] // FRINTN S0, S1: 2.5 -> 2
    [InlineData(0x1E264020u, 0x40200000u, 0x40400000u)] // FRINTA S0, S1: 2.5 -> 3
    [InlineData(0x1E24C020u, 0xBF000000u, 0x80000000u)] // FRINTP S0, S1: -0.5 -> -0
    [InlineData(0x1E254020u, 0x3F000000u, 0x00000000u)] // FRINTM S0, S1: 0.5 -> +0
    [InlineData(0x1E25C020u, 0xC0200000u, 0xC0000000u)] // FRINTZ S0, S1: -2.5 -> -2
    public void FrintRoundsWithItsOwnMode(uint word, uint input, uint expected)
    {
        using var h = New(RM);   // FPCR's mode must not matter
        S(h, 1, input);
        Run(h, word);
        Assert.Equal(expected, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Fact]
    public void FrintxSignalsInexactFrintiDoesNot()
    {
        using var h = New(RP);
        S(h, 1, 0x3FC00000);   // 1.5
        Run(h, 0x1E274020); // FRINTX S0, S1
        Assert.Equal(0x40000000UL, Lo(h, 0));
        Assert.Equal(IXC, h.State->Fpsr);
        h.State->Fpsr = 0;
        Run(h, 0x1E27C020); // FRINTI S0, S1
        Assert.Equal(0x40000000UL, Lo(h, 0));
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Theory]
    [InlineData(0x1E380020u, 0x4F000000u, 0x7FFFFFFFUL, IOC)]        // FCVTZS W0, S1: 2^31 saturates
    [InlineData(0x1E380020u, 0xCF000000u, 0x80000000UL, 0u)]         // FCVTZS W0, S1: -2^31 fits
    [InlineData(0x1E380020u, 0x7FC00000u, 0UL, IOC)]                 // FCVTZS W0, S1: NaN -> 0
    [InlineData(0x1E390020u, 0xBF000000u, 0UL, IXC)]                 // FCVTZU W0, S1: -0.5 -> 0, inexact
    [InlineData(0x1E390020u, 0xBF800000u, 0UL, IOC)]                 // FCVTZU W0, S1: -1 saturates to 0
    [InlineData(0x9E250020u, 0x7F800000u, 0xFFFFFFFFFFFFFFFFUL, IOC)] // FCVTAU X0, S1: +inf
    [InlineData(0x1E200020u, 0x40200000u, 2UL, IXC)]                 // FCVTNS W0, S1: 2.5 -> 2
    [InlineData(0x1E240020u, 0xC0200000u, 0xFFFFFFFDUL, IXC)]        // FCVTAS W0, S1: -2.5 -> -3
    [InlineData(0x9E280020u, 0x3F000001u, 1UL, IXC)]                 // FCVTPS X0, S1
    [InlineData(0x9E300020u, 0xBF000001u, 0xFFFFFFFFFFFFFFFFUL, IXC)] // FCVTMS X0, S1
    public void FpToIntegerSaturatesAndFlags(uint word, uint input, ulong expected, uint fpsr)
    {
        using var h = New();
        S(h, 1, input);
        h.SetX(0, 0x1234_5678_9ABC_DEF0);
        Run(h, word);
        Assert.Equal(expected, h.X(0));
        Assert.Equal(fpsr, h.State->Fpsr);
    }

    [Fact]
    public void FixedPointConversions()
    {
        using var h = New();
        h.SetX(1, 0xFFFFFFFF);   // -1 as W
        Run(h, 0x1E02F420); // SCVTF S0, W1, #3
        Assert.Equal(0xBE000000UL, Lo(h, 0));   // -0.125
        D(h, 1, 0x3FF8000000000000);   // 1.5
        Run(h, 0x9E59FC20); // FCVTZU X0, D1, #1
        Assert.Equal(3UL, h.X(0));
        h.SetX(1, 0x8000000000000000);
        Run(h, 0x9E430020); // UCVTF D0, X1, #64
        Assert.Equal(0x3FE0000000000000UL, Lo(h, 0));   // 0.5
    }

    [Theory]
    [InlineData(RN, 0x5F000000u)]
    [InlineData(RZ, 0x5EFFFFFFu)]
    public void ScvtfRoundsByFpcr(uint mode, uint expected)
    {
        using var h = New(mode);
        h.SetX(1, 0x7FFFFFFFFFFFFFFF);
        Run(h, 0x9E220020); // SCVTF S0, X1
        Assert.Equal(expected, Lo(h, 0));
        Assert.Equal(IXC, h.State->Fpsr);
    }

    [Fact]
    public void FcvtNarrowsAndHonoursAhp()
    {
        using var h = New();
        S(h, 1, 0x7F800000);
        Run(h, 0x1E23C020); // FCVT H0, S1
        Assert.Equal(0x7C00UL, Lo(h, 0));
        Assert.Equal(0UL, Hi(h, 0));

        h.State->Fpcr = AHP;
        Run(h, 0x1E23C020); // FCVT H0, S1: no infinity in the alternative format
        Assert.Equal(0x7FFFUL, Lo(h, 0));
        Assert.Equal(IOC, h.State->Fpsr);

        h.State->Fpcr = 0; h.State->Fpsr = 0;
        D(h, 1, 0x7FF4000000000001);   // signalling NaN with payload
        Run(h, 0x1E624020); // FCVT S0, D1
        Assert.Equal(0x7FE00000UL, Lo(h, 0));
        Assert.Equal(IOC, h.State->Fpsr);
    }

    [Theory]
    [InlineData(0x3F800000u, 0x3F800000u, 0x60000000UL)] // equal: nZCv
    [InlineData(0xBF800000u, 0x3F800000u, 0x80000000UL)] // less: Nzcv
    [InlineData(0x40000000u, 0x3F800000u, 0x20000000UL)] // greater: nzCv
    [InlineData(0x7FC00000u, 0x3F800000u, 0x30000000UL)] // unordered: nzCV
    [InlineData(0x80000000u, 0x00000000u, 0x60000000UL)] // -0 == +0
    public void FcmpSetsNzcv(uint a, uint b, ulong nzcv)
    {
        using var h = New();
        S(h, 0, a); S(h, 1, b);
        Run(h, 0x1E212000); // FCMP S0, S1
        Assert.Equal(nzcv, h.Nzcv);
        Assert.Equal(0u, h.State->Fpsr);
    }

    [Fact]
    public void FcmpeSignalsOnQuietNanFcmpDoesNot()
    {
        using var h = New();
        S(h, 0, 0x7FC00000);
        Run(h, 0x1E202008); // FCMP S0, #0.0
        Assert.Equal(0u, h.State->Fpsr);
        Run(h, 0x1E202018); // FCMPE S0, #0.0
        Assert.Equal(IOC, h.State->Fpsr);
    }

    [Fact]
    public void FccmpAndFcsel()
    {
        using var h = New();
        S(h, 0, 0x3F800000); S(h, 1, 0x40000000); S(h, 2, 0x40400000);
        h.Nzcv = 0;   // NE holds, EQ does not
        Run(h, 0x1E210403); // FCCMP S0, S1, #0x3, EQ -> flags = #3
        Assert.Equal(0x30000000UL, h.Nzcv);
        h.Nzcv = 0;
        Run(h, 0x1E21141F); // FCCMPE S0, S1, #0xF, NE -> compare: less
        Assert.Equal(0x80000000UL, h.Nzcv);
        Run(h, 0x1E22BC20); // FCSEL S0, S1, S2, LT (N != V: true)
        Assert.Equal(0x40000000UL, Lo(h, 0));
    }

    [Fact]
    public void FmovForms()
    {
        using var h = New();
        Run(h, 0x1E709000); // FMOV D0, #-2.5
        Assert.Equal(0xC004000000000000UL, Lo(h, 0));
        Assert.Equal(0UL, Hi(h, 0));
        h.SetX(1, 0xFFFFFFFF_3F800000);
        Run(h, 0x1E270020); // FMOV S0, W1
        Assert.Equal(0x3F800000UL, Lo(h, 0));
        D(h, 1, 0x1111); h.State->V[3] = 0x2222;
        Run(h, 0x9EAE0020); // FMOV X0, V1.D[1]
        Assert.Equal(0x2222UL, h.X(0));
        h.State->V[0] = 0x3333; h.State->V[1] = 0;
        h.SetX(1, 0x4444);
        Run(h, 0x9EAF0020); // FMOV V0.D[1], X1: low half kept
        Assert.Equal(0x3333UL, Lo(h, 0));
        Assert.Equal(0x4444UL, Hi(h, 0));
        S(h, 1, 0xBF800000);
        Run(h, 0x1E260020); // FMOV W0, S1
        Assert.Equal(0xBF800000UL, h.X(0));
    }

    [Fact]
    public void EstimatesAndSteps()
    {
        using var h = New();
        S(h, 1, 0x40000000);   // 2.0
        Run(h, 0x5EA1D820); // FRECPE S0, S1
        Assert.Equal(0x3EFF8000UL, Lo(h, 0));   // 0.4990234375
        S(h, 1, 0x40800000);   // 4.0
        Run(h, 0x7EA1D820); // FRSQRTE S0, S1
        Assert.Equal(0x3EFF8000UL, Lo(h, 0));
        S(h, 1, 0x7F800000); S(h, 2, 0x00000000);
        Run(h, 0x5E22FC20); // FRECPS S0, S1, S2: inf * 0 -> 2.0
        Assert.Equal(0x40000000UL, Lo(h, 0));
        D(h, 1, 0x4010000000000000);   // 4.0
        Run(h, 0x5EE1F820); // FRECPX D0, D1
        Assert.Equal(0x3FE0000000000000UL, Lo(h, 0));   // exponent inverted, fraction 0
    }

    [Theory]
    [InlineData(0x1E220820u, "fmul\ts0, s1, s2")]
    [InlineData(0x1E621820u, "fdiv\td0, d1, d2")]
    [InlineData(0x1E252883u, "fadd\ts3, s4, s5")]
    [InlineData(0x1E653883u, "fsub\td3, d4, d5")]
    [InlineData(0x1E224820u, "fmax\ts0, s1, s2")]
    [InlineData(0x1E225820u, "fmin\ts0, s1, s2")]
    [InlineData(0x1E626820u, "fmaxnm\td0, d1, d2")]
    [InlineData(0x1E627820u, "fminnm\td0, d1, d2")]
    [InlineData(0x1E228820u, "fnmul\ts0, s1, s2")]
    [InlineData(0x1F020C20u, "fmadd\ts0, s1, s2, s3")]
    [InlineData(0x1F428C20u, "fmsub\td0, d1, d2, d3")]
    [InlineData(0x1F220C20u, "fnmadd\ts0, s1, s2, s3")]
    [InlineData(0x1F628C20u, "fnmsub\td0, d1, d2, d3")]
    [InlineData(0x1E204020u, "fmov\ts0, s1")]
    [InlineData(0x1E604020u, "fmov\td0, d1")]
    [InlineData(0x1E20C020u, "fabs\ts0, s1")]
    [InlineData(0x1E614020u, "fneg\td0, d1")]
    [InlineData(0x1E21C020u, "fsqrt\ts0, s1")]
    [InlineData(0x1E22C020u, "fcvt\td0, s1")]
    [InlineData(0x1E23C020u, "fcvt\th0, s1")]
    [InlineData(0x1EE24020u, "fcvt\ts0, h1")]
    [InlineData(0x1E63C020u, "fcvt\th0, d1")]
    [InlineData(0x1EE2C020u, "fcvt\td0, h1")]
    [InlineData(0x1E624020u, "fcvt\ts0, d1")]
    [InlineData(0x1E244020u, "frintn\ts0, s1")]
    [InlineData(0x1E64C020u, "frintp\td0, d1")]
    [InlineData(0x1E254020u, "frintm\ts0, s1")]
    [InlineData(0x1E25C020u, "frintz\ts0, s1")]
    [InlineData(0x1E264020u, "frinta\ts0, s1")]
    [InlineData(0x1E274020u, "frintx\ts0, s1")]
    [InlineData(0x1E67C020u, "frinti\td0, d1")]
    [InlineData(0x1E212000u, "fcmp\ts0, s1")]
    [InlineData(0x1E602008u, "fcmp\td0, #0.0")]
    [InlineData(0x1E212010u, "fcmpe\ts0, s1")]
    [InlineData(0x1E602018u, "fcmpe\td0, #0.0")]
    [InlineData(0x1E210403u, "fccmp\ts0, s1, #0x3, eq\t// eq = none")]
    [InlineData(0x1E61141Fu, "fccmpe\td0, d1, #0xf, ne\t// ne = any")]
    [InlineData(0x1E22BC20u, "fcsel\ts0, s1, s2, lt\t// lt = tstop")]
    [InlineData(0x1E2E1000u, "fmov\ts0, #1.000000000000000000e+00")]
    [InlineData(0x1E709000u, "fmov\td0, #-2.500000000000000000e+00")]
    [InlineData(0x1E281000u, "fmov\ts0, #1.250000000000000000e-01")]
    [InlineData(0x1E67F000u, "fmov\td0, #3.100000000000000000e+01")]
    [InlineData(0x1E200020u, "fcvtns\tw0, s1")]
    [InlineData(0x9E610020u, "fcvtnu\tx0, d1")]
    [InlineData(0x1E220020u, "scvtf\ts0, w1")]
    [InlineData(0x9E630020u, "ucvtf\td0, x1")]
    [InlineData(0x1E640020u, "fcvtas\tw0, d1")]
    [InlineData(0x9E250020u, "fcvtau\tx0, s1")]
    [InlineData(0x1E280020u, "fcvtps\tw0, s1")]
    [InlineData(0x1E290020u, "fcvtpu\tw0, s1")]
    [InlineData(0x9E700020u, "fcvtms\tx0, d1")]
    [InlineData(0x9E710020u, "fcvtmu\tx0, d1")]
    [InlineData(0x1E380020u, "fcvtzs\tw0, s1")]
    [InlineData(0x9E790020u, "fcvtzu\tx0, d1")]
    [InlineData(0x1E260020u, "fmov\tw0, s1")]
    [InlineData(0x1E270020u, "fmov\ts0, w1")]
    [InlineData(0x9E660020u, "fmov\tx0, d1")]
    [InlineData(0x9E670020u, "fmov\td0, x1")]
    [InlineData(0x9EAE0020u, "fmov\tx0, v1.d[1]")]
    [InlineData(0x9EAF0020u, "fmov\tv0.d[1], x1")]
    [InlineData(0x1E02F420u, "scvtf\ts0, w1, #3")]
    [InlineData(0x9E430020u, "ucvtf\td0, x1, #64")]
    [InlineData(0x1E188020u, "fcvtzs\tw0, s1, #32")]
    [InlineData(0x9E59FC20u, "fcvtzu\tx0, d1, #1")]
    [InlineData(0x5EA1D820u, "frecpe\ts0, s1")]
    [InlineData(0x5EE1D820u, "frecpe\td0, d1")]
    [InlineData(0x7EA1D820u, "frsqrte\ts0, s1")]
    [InlineData(0x5E22FC20u, "frecps\ts0, s1, s2")]
    [InlineData(0x5EE2FC20u, "frsqrts\td0, d1, d2")]
    [InlineData(0x5EE1F820u, "frecpx\td0, d1")]
    [InlineData(0x1E26003Fu, "fmov\twzr, s1")]
    [InlineData(0x1E2203E0u, "scvtf\ts0, wzr")]
    public void DisassemblyMatchesObjdump(uint word, string expected) =>
        Assert.Equal(expected, Fast.Translator.Disassembler.Disassemble(word));
}
