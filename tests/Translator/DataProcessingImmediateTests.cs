// Data processing -- immediate: ADR/ADRP, add/subtract, logical, move wide, bitfield, extract.
// Each case: word (assembly), X0..X2 in, NZCV in, X0 out, NZCV out ("NzCv": upper case = set).
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public class DataProcessingImmediateTests
{
    const ulong Garbage = 0xDEADBEEF_CAFEF00DUL;

    [Theory]
    // add/subtract (immediate)
    [InlineData(0x117FFC20u, Garbage, 0xFFFFFFFFFFFFFFFFUL, 0UL, "nzcv", 0xFFEFFFUL, "nzcv")]              // ADD W0, W1, #0xFFF, LSL #12 (upper half zeroed)
    [InlineData(0xB1000420u, 0UL, 0xFFFFFFFFFFFFFFFFUL, 0UL, "nzcv", 0UL, "nZCv")]                        // ADDS X0, X1, #1
    [InlineData(0xB1000420u, 0UL, 0x7FFFFFFFFFFFFFFFUL, 0UL, "nzcv", 0x8000000000000000UL, "NzcV")]       // ADDS X0, X1, #1 (signed overflow)
    [InlineData(0x7100043Fu, 5UL, 0UL, 0UL, "nzcv", 5UL, "Nzcv")]                                         // CMP W1, #1 (0 - 1 borrows: C clear)
    [InlineData(0x7100043Fu, 5UL, 1UL, 0UL, "Nzcv", 5UL, "nZCv")]                                         // CMP W1, #1 (equal: no borrow, C set)
    [InlineData(0x7100043Fu, 5UL, 0xFFFFFFFF_80000000UL, 0UL, "nzcv", 5UL, "nzCV")]                        // CMP W1, #1 (INT32_MIN - 1 overflows; upper half ignored)
    // logical (immediate): every element size, rotations, 32-bit forms
    [InlineData(0x9200F020u, 0UL, ulong.MaxValue, 0UL, "nzcv", 0x5555555555555555UL, "nzcv")]             // AND X0, X1, #0x5555555555555555 (esize 2)
    [InlineData(0x9200E420u, 0UL, ulong.MaxValue, 0UL, "nzcv", 0x3333333333333333UL, "nzcv")]             // AND X0, X1, #0x3333333333333333 (esize 4)
    [InlineData(0x9200CC20u, 0UL, ulong.MaxValue, 0UL, "nzcv", 0x0F0F0F0F0F0F0F0FUL, "nzcv")]             // AND X0, X1, #0xf0f0f0f0f0f0f0f (esize 8)
    [InlineData(0x92009C20u, 0UL, ulong.MaxValue, 0UL, "nzcv", 0x00FF00FF00FF00FFUL, "nzcv")]             // AND X0, X1, #0xff00ff00ff00ff (esize 16)
    [InlineData(0x92003C20u, 0UL, ulong.MaxValue, 0UL, "nzcv", 0x0000FFFF0000FFFFUL, "nzcv")]             // AND X0, X1, #0xffff0000ffff (esize 32)
    [InlineData(0x92407C20u, 0UL, ulong.MaxValue, 0UL, "nzcv", 0x00000000FFFFFFFFUL, "nzcv")]             // AND X0, X1, #0xffffffff (esize 64)
    [InlineData(0x1200F020u, Garbage, ulong.MaxValue, 0UL, "nzcv", 0x55555555UL, "nzcv")]                 // AND W0, W1, #0x55555555
    [InlineData(0x12003C20u, Garbage, ulong.MaxValue, 0UL, "nzcv", 0xFFFFUL, "nzcv")]                     // AND W0, W1, #0xffff
    [InlineData(0xB24107E0u, 0UL, 0UL, 0UL, "nzcv", 0x8000000000000001UL, "nzcv")]                        // MOV X0, #0x8000000000000001 (ORR, rotated)
    [InlineData(0x521F7820u, Garbage, 0xFFFFFFFF_0000000FUL, 0UL, "nzcv", 0xFFFFFFF1UL, "nzcv")]           // EOR W0, W1, #0xfffffffe
    [InlineData(0xF2410020u, 0UL, ulong.MaxValue, 0UL, "nzCV", 0x8000000000000000UL, "Nzcv")]            // ANDS X0, X1, #0x8000000000000000 (C, V cleared)
    [InlineData(0xF2410020u, 5UL, 0x7FFFFFFFFFFFFFFFUL, 0UL, "NzCV", 0UL, "nZcv")]                       // ANDS X0, X1, #0x8000000000000000 (zero)
    // move wide
    [InlineData(0xD2E24680u, Garbage, 0UL, 0UL, "nzcv", 0x1234000000000000UL, "nzcv")]                   // MOVZ X0, #0x1234, LSL #48
    [InlineData(0x92A24680u, Garbage, 0UL, 0UL, "nzcv", 0xFFFFFFFFEDCBFFFFUL, "nzcv")]                   // MOVN X0, #0x1234, LSL #16
    [InlineData(0x12824680u, Garbage, 0UL, 0UL, "nzcv", 0xFFFFEDCBUL, "nzcv")]                           // MOVN W0, #0x1234 (upper half zero)
    [InlineData(0xF2D7DDE0u, 0x1111111111111111UL, 0UL, 0UL, "nzcv", 0x1111BEEF11111111UL, "nzcv")]      // MOVK X0, #0xbeef, LSL #32
    [InlineData(0x72B7DDE0u, 0x1111111111111111UL, 0UL, 0UL, "nzcv", 0xBEEF1111UL, "nzcv")]              // MOVK W0, #0xbeef, LSL #16 (upper half zeroed)
    [InlineData(0x52BFFFE0u, Garbage, 0UL, 0UL, "nzcv", 0xFFFF0000UL, "nzcv")]                           // MOVZ W0, #0xffff, LSL #16
    // bitfield
    [InlineData(0x93442C20u, 0UL, 0xF80UL, 0UL, "nzcv", 0xFFFFFFFFFFFFFFF8UL, "nzcv")]                   // SBFX X0, X1, #4, #8
    [InlineData(0x531C7C20u, Garbage, 0xFFFFFFFF_A0000000UL, 0UL, "nzcv", 0xAUL, "nzcv")]                // LSR W0, W1, #28 (UBFM)
    [InlineData(0x93440C20u, 0UL, 0xAUL, 0UL, "nzcv", 0xA000000000000000UL, "nzcv")]                     // SBFIZ X0, X1, #60, #4
    [InlineData(0xB3783C20u, 0x1111111111111111UL, 0xFFFFABCDUL, 0UL, "nzcv", 0x1111111111ABCD11UL, "nzcv")] // BFI X0, X1, #8, #16
    [InlineData(0x33042C20u, 0xFFFFFFFFFFFFFFFFUL, 0xAB0UL, 0UL, "nzcv", 0xFFFFFFABUL, "nzcv")]          // BFXIL W0, W1, #4, #8 (upper half zeroed)
    [InlineData(0xB34103E0u, ulong.MaxValue, 0UL, 0UL, "nzcv", 0x7FFFFFFFFFFFFFFFUL, "nzcv")]            // BFC X0, #63, #1
    [InlineData(0x131F7C20u, Garbage, 0x80000000UL, 0UL, "nzcv", 0xFFFFFFFFUL, "nzcv")]                  // ASR W0, W1, #31
    [InlineData(0xD3410020u, 0UL, 3UL, 0UL, "nzcv", 0x8000000000000000UL, "nzcv")]                       // LSL X0, X1, #63
    [InlineData(0x93403C20u, 0UL, 0x12348000UL, 0UL, "nzcv", 0xFFFFFFFFFFFF8000UL, "nzcv")]              // SXTH X0, W1
    [InlineData(0x93407C20u, 0UL, 0x1_80000000UL, 0UL, "nzcv", 0xFFFFFFFF80000000UL, "nzcv")]            // SXTW X0, W1
    [InlineData(0x53001C20u, Garbage, 0xFFFFFFFFFFFFFF81UL, 0UL, "nzcv", 0x81UL, "nzcv")]                // UXTB W0, W1
    [InlineData(0x13001C20u, Garbage, 0x80UL, 0UL, "nzcv", 0xFFFFFF80UL, "nzcv")]                        // SXTB W0, W1 (32-bit: upper half zero)
    [InlineData(0xD340FC20u, 0UL, Garbage, 0UL, "nzcv", Garbage, "nzcv")]                                // LSR X0, X1, #0
    // extract
    [InlineData(0x93C21020u, 0UL, 1UL, 0x10UL, "nzcv", 0x1000000000000001UL, "nzcv")]                    // EXTR X0, X1, X2, #4
    [InlineData(0x13827020u, Garbage, 0xABCDEF01UL, 0x12345678UL, "nzcv", 0xBCDEF011UL, "nzcv")]         // EXTR W0, W1, W2, #28
    [InlineData(0x13812020u, Garbage, 0xFFFFFFFF_12345678UL, 0UL, "nzcv", 0x78123456UL, "nzcv")]         // ROR W0, W1, #8
    [InlineData(0x93C20020u, 0UL, 1UL, Garbage, "nzcv", Garbage, "nzcv")]                                // EXTR X0, X1, X2, #0
    public void Computes(uint word, ulong x0, ulong x1, ulong x2, string flagsIn, ulong expected, string flagsOut)
    {
        var (result, flags) = DataProcessingRun.Exec(word, x0, x1, x2, 0, flagsIn);
        Assert.Equal(expected, result);
        Assert.Equal(flagsOut, flags);
    }

    [Fact]
    public void AdrAndAdrpAreRelativeToTheInstruction()
    {
        using var h = new GuestHarness();
        h.Run(0x10008000, // ADR X0, .+0x1000
              0x90FFFFE1, // ADRP X1, page - 0x4000 (immhi all ones, immlo 00)
              0xF0000002, // ADRP X2, page + 0x3000
              0x70000003); // ADR X3, .+3
        Assert.Equal(GuestHarness.CodeBase + 0x1000, h.X(0));
        Assert.Equal(GuestHarness.CodeBase - 0x4000, h.X(1));
        Assert.Equal(GuestHarness.CodeBase + 0x3000, h.X(2));
        Assert.Equal(GuestHarness.CodeBase + 12 + 3, h.X(3));
    }

    [Fact]
    public void AddAndSubtractImmediateUseTheStackPointer()
    {
        using var h = new GuestHarness();
        h.SP = 0x8000;
        h.Run(0x910043FF,  // ADD SP, SP, #0x10
              0xD10007E0,  // SUB X0, SP, #0x1
              0x910003E1,  // MOV X1, SP
              0xB27C1FFF); // MOV SP, #0xff0 (ORR immediate writes SP)
        Assert.Equal(0x800FUL, h.X(0));
        Assert.Equal(0x8010UL, h.X(1));
        Assert.Equal(0xFF0UL, h.SP);
    }

    [Theory]
    [InlineData(0x12400000u)] // AND W0, W0, #imm with N=1 (sf=0 N=1)
    [InlineData(0x9240FC00u)] // AND X0, X0, #imm with N=1 imms=111111 (reserved)
    [InlineData(0x92007C00u)] // AND X0, X0, #imm with N=0 imms=011111 (reserved)
    [InlineData(0x3200F800u)] // ORR W0, W0, #imm with imms=111110 (reserved)
    [InlineData(0x52C00000u)] // MOVZ W0, #0, LSL #32 (sf=0 hw=10)
    [InlineData(0x13400000u)] // SBFM W0, W0 with N=1
    [InlineData(0x93000000u)] // SBFM X0, X0 with N=0
    [InlineData(0x53200000u)] // UBFM W0, W0, #32, #0 (immr<5> set)
    [InlineData(0x33008000u)] // BFM W0, W0, #0, #32 (imms<5> set)
    [InlineData(0x13808000u)] // EXTR W0, W0, W0, #32
    [InlineData(0x93800000u)] // EXTR X0 with N=0
    public void ReservedEncodingsAreUndefined(uint word)
    {
        using var h = new GuestHarness();
        var e = h.RunRaw(word);
        Assert.Equal(ExceptionKind.Undefined, e!.Value.Kind);
        Assert.Equal(GuestHarness.CodeBase, e.Value.Pc);
    }

    [Fact]
    public void LogicalImmediateConstraintsAreExactlyTheReservedBitmasks()
    {
        // For every sf, N, immr, imms of AND (immediate): UNDEFINED in the table iff sf=0 N=1 or
        // DecodeBitMasks(N, imms, immr, TRUE) has no encoding.
        for (uint sf = 0; sf < 2; sf++)
        for (uint n = 0; n < 2; n++)
        for (uint immr = 0; immr < 64; immr++)
        for (uint imms = 0; imms < 64; imms++)
        {
            uint word = sf << 31 | 0x12000000u | n << 22 | immr << 16 | imms << 10 | 1 << 5 | 2;
            bool reserved = (sf == 0 && n == 1) ||
                !Fast.Translator.Semantics.Bits.DecodeBitMasks(n, imms, immr, true, sf != 0 ? 64 : 32, out _, out _);
            Assert.Equal(reserved, Fast.Translator.Decoder.Decode(word) == Fast.Translator.Decoder.Undefined);
        }
    }

    [Fact]
    public void MemoisedBitMasksEqualTheComputedOnesFilledOrNot()
    {
        // DecodeBitMasksFast fills its table at each entry's first use: two threads fill it at once,
        // then every entry (filled, or reserved and recomputed) must equal DecodeBitMasks.
        static void Check()
        {
            for (int pass = 0; pass < 2; pass++)
            for (int imm = 0; imm < 2; imm++)
            for (int datasize = 32; datasize <= 64; datasize += 32)
            for (uint n = 0; n < 2; n++)
            for (uint immr = 0; immr < 64; immr++)
            for (uint imms = 0; imms < 64; imms++)
            {
                bool ok = Fast.Translator.Semantics.Bits.DecodeBitMasks(n, imms, immr, imm != 0, datasize, out ulong w, out ulong t);
                bool fast = Fast.Translator.Semantics.Bits.DecodeBitMasksFast(n, imms, immr, imm != 0, datasize, out ulong fw, out ulong ft);
                Assert.Equal(ok, fast);
                if (ok) { Assert.Equal(w, fw); Assert.Equal(t, ft); }
            }
        }
        var other = Task.Run(Check);
        Check();
        other.GetAwaiter().GetResult();
    }
}
