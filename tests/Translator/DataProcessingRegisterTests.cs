// Data processing -- register: 2-source (division, variable shifts, CRC32), 1-source, logical and
// add/subtract (shifted, extended, with carry), conditional compare/select, 3-source.
// Each case: word (assembly), X0..X3 in, NZCV in, X0 out, NZCV out ("NzCv": upper case = set).
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public class DataProcessingRegisterTests
{
    const ulong Garbage = 0xDEADBEEF_CAFEF00DUL;
    const ulong Min64 = 0x8000000000000000UL, Max64 = 0x7FFFFFFFFFFFFFFFUL;

    [Theory]
    // SUBS: C is NOT borrow
    [InlineData(0xEB020020u, 0UL, 1UL, 2UL, 0UL, "nzCv", ulong.MaxValue, "Nzcv")]               // SUBS X0, X1, X2 (1 - 2 borrows)
    [InlineData(0xEB020020u, 0UL, 2UL, 1UL, 0UL, "nzcv", 1UL, "nzCv")]                          // SUBS X0, X1, X2 (no borrow)
    [InlineData(0xEB020020u, 0UL, 5UL, 5UL, 0UL, "nzcv", 0UL, "nZCv")]                          // SUBS X0, X1, X2 (equal)
    [InlineData(0xEB020020u, 0UL, Min64, 1UL, 0UL, "nzcv", Max64, "nzCV")]                      // SUBS X0, X1, X2 (INT64_MIN - 1)
    [InlineData(0x6B020020u, Garbage, 0xFFFFFFFF_00000001UL, 2UL, 0UL, "nzcv", 0xFFFFFFFFUL, "Nzcv")] // SUBS W0, W1, W2 (32-bit borrow, upper half zeroed)
    // ADCS/SBCS with equal operands, carry in set and clear
    [InlineData(0xBA020020u, 0UL, Min64, Min64, 0UL, "nzCv", 1UL, "nzCV")]                      // ADCS X0, X1, X2 (C in set)
    [InlineData(0xBA020020u, 0UL, Min64, Min64, 0UL, "nzcv", 0UL, "nZCV")]                      // ADCS X0, X1, X2 (C in clear)
    [InlineData(0xBA020020u, 0UL, ulong.MaxValue, ulong.MaxValue, 0UL, "nzCv", ulong.MaxValue, "NzCv")] // ADCS X0, X1, X2 (all ones + all ones + 1)
    [InlineData(0xBA020020u, 0UL, ulong.MaxValue, 0UL, 0UL, "nzCv", 0UL, "nZCv")]               // ADCS X0, X1, X2 (carry from the carry in alone)
    [InlineData(0xFA020020u, 0UL, 5UL, 5UL, 0UL, "nzCv", 0UL, "nZCv")]                          // SBCS X0, X1, X2 (C in set: plain subtract)
    [InlineData(0xFA020020u, 0UL, 5UL, 5UL, 0UL, "nzcv", ulong.MaxValue, "Nzcv")]               // SBCS X0, X1, X2 (C in clear: borrow in)
    [InlineData(0xFA020020u, 0UL, 0UL, 0UL, 0UL, "nzcv", ulong.MaxValue, "Nzcv")]               // SBCS X0, X1, X2 (0 - 0 - 1)
    [InlineData(0x3A020020u, Garbage, 0x80000000UL, 0x80000000UL, 0UL, "nzCv", 1UL, "nzCV")]    // ADCS W0, W1, W2
    [InlineData(0x7A020020u, Garbage, 0xFFFF_00000007UL, 7UL, 0UL, "nzcv", 0xFFFFFFFFUL, "Nzcv")] // SBCS W0, W1, W2 (C in clear)
    [InlineData(0x9A020020u, 0UL, 1UL, 2UL, 0UL, "nzCv", 4UL, "nzCv")]                          // ADC X0, X1, X2 (flags unchanged)
    [InlineData(0xDA020020u, 0UL, 1UL, 2UL, 0UL, "nzcv", 0xFFFFFFFFFFFFFFFEUL, "nzcv")]         // SBC X0, X1, X2
    // CCMP/CCMN (register and immediate)
    [InlineData(0xFA420020u, 9UL, Min64, 1UL, 0UL, "nZcv", 9UL, "nzCV")]                        // CCMP X1, X2, #0, EQ (INT64_MIN - 1 overflows)
    [InlineData(0xFA420020u, 9UL, 0UL, Min64, 0UL, "nZcv", 9UL, "NzcV")]                        // CCMP X1, X2, #0, EQ (0 - INT64_MIN overflows)
    [InlineData(0xFA420020u, 9UL, 3UL, 3UL, 0UL, "nzcv", 9UL, "nzcv")]                          // CCMP X1, X2, #0, EQ (condition fails: NZCV = #0)
    [InlineData(0xBA410820u, 9UL, Max64, 0UL, 0UL, "nZcv", 9UL, "NzcV")]                        // CCMN X1, #1, #0, EQ (INT64_MAX + 1 overflows)
    [InlineData(0xBA410820u, 9UL, ulong.MaxValue, 0UL, 0UL, "nZcv", 9UL, "nZCv")]               // CCMN X1, #1, #0, EQ (-1 + 1 carries)
    [InlineData(0xFA41182Fu, 9UL, Min64, 0UL, 0UL, "nzcv", 9UL, "nzCV")]                        // CCMP X1, #1, #0xf, NE (INT64_MIN - 1)
    [InlineData(0xFA41182Fu, 9UL, Min64, 0UL, 0UL, "nZcv", 9UL, "NZCV")]                        // CCMP X1, #1, #0xf, NE (fails: NZCV = #0xf)
    [InlineData(0xBA42E022u, 9UL, Min64, Min64, 0UL, "NZCV", 9UL, "nZCV")]                      // CCMN X1, X2, #2, AL (always compares)
    // extended register
    [InlineData(0x2B228020u, Garbage, 0x80UL, 0xFFFF_FF80UL, 0UL, "nzcv", 0UL, "nZCv")]         // ADDS W0, W1, W2, SXTB (128 + -128)
    [InlineData(0xEB223020u, 0UL, 0x12340UL, 0xFFFF1234UL, 0UL, "nzcv", 0UL, "nZCv")]           // SUBS X0, X1, W2, UXTH #4
    [InlineData(0x0B020020u, Garbage, 0xFFFFFFFFUL, 1UL, 0UL, "nzcv", 0UL, "nzcv")]             // ADD W0, W1, W2 (upper half zeroed)
    // division
    [InlineData(0x9AC20820u, Garbage, 7UL, 0UL, 0UL, "nzcv", 0UL, "nzcv")]                      // UDIV X0, X1, X2 (by zero)
    [InlineData(0x9AC20820u, 0UL, ulong.MaxValue, 2UL, 0UL, "nzcv", Max64, "nzcv")]             // UDIV X0, X1, X2
    [InlineData(0x9AC20C20u, Garbage, 7UL, 0UL, 0UL, "nzcv", 0UL, "nzcv")]                      // SDIV X0, X1, X2 (by zero)
    [InlineData(0x9AC20C20u, 0UL, Min64, ulong.MaxValue, 0UL, "nzcv", Min64, "nzcv")]           // SDIV X0, X1, X2 (INT64_MIN / -1)
    [InlineData(0x9AC20C20u, 0UL, 0xFFFFFFFFFFFFFFF9UL, 2UL, 0UL, "nzcv", 0xFFFFFFFFFFFFFFFDUL, "nzcv")] // SDIV X0, X1, X2 (-7 / 2 = -3)
    [InlineData(0x9AC20C20u, 0UL, 7UL, 0xFFFFFFFFFFFFFFFEUL, 0UL, "nzcv", 0xFFFFFFFFFFFFFFFDUL, "nzcv")] // SDIV X0, X1, X2 (7 / -2 = -3)
    [InlineData(0x1AC20820u, Garbage, 0xFFFFFFFF_00000010UL, 0x1_00000004UL, 0UL, "nzcv", 4UL, "nzcv")] // UDIV W0, W1, W2 (upper halves ignored)
    [InlineData(0x1AC20820u, Garbage, 5UL, 0x1_00000000UL, 0UL, "nzcv", 0UL, "nzcv")]           // UDIV W0, W1, W2 (W2 = 0)
    [InlineData(0x1AC20C20u, Garbage, 0x80000000UL, 0xFFFFFFFFUL, 0UL, "nzcv", 0x80000000UL, "nzcv")] // SDIV W0, W1, W2 (INT32_MIN / -1)
    [InlineData(0x1AC20C20u, Garbage, 0xFFFFFFF9UL, 2UL, 0UL, "nzcv", 0xFFFFFFFDUL, "nzcv")]    // SDIV W0, W1, W2 (-7 / 2, zero-extended)
    // variable shifts: amount taken modulo the data size
    [InlineData(0x9AC22020u, 0UL, 3UL, 65UL, 0UL, "nzcv", 6UL, "nzcv")]                         // LSL X0, X1, X2 (65 mod 64 = 1)
    [InlineData(0x1AC22420u, Garbage, 0xFFFFFFFF_80000000UL, 63UL, 0UL, "nzcv", 1UL, "nzcv")]   // LSR W0, W1, W2 (63 mod 32 = 31)
    [InlineData(0x9AC22820u, 0UL, Min64, 63UL, 0UL, "nzcv", ulong.MaxValue, "nzcv")]            // ASR X0, X1, X2
    [InlineData(0x1AC22820u, Garbage, 0x80000000UL, 33UL, 0UL, "nzcv", 0xC0000000UL, "nzcv")]   // ASR W0, W1, W2 (upper half zero)
    [InlineData(0x1AC22C20u, Garbage, 0x12345678UL, 8UL, 0UL, "nzcv", 0x78123456UL, "nzcv")]    // ROR W0, W1, W2
    // 1 source
    [InlineData(0xDAC00020u, 0UL, 1UL, 0UL, 0UL, "nzcv", Min64, "nzcv")]                        // RBIT X0, X1
    [InlineData(0x5AC00020u, Garbage, 0xFFFFFFFF_00000001UL, 0UL, 0UL, "nzcv", 0x80000000UL, "nzcv")] // RBIT W0, W1
    [InlineData(0xDAC00420u, 0UL, 0x0102030405060708UL, 0UL, 0UL, "nzcv", 0x0201040306050807UL, "nzcv")] // REV16 X0, X1
    [InlineData(0x5AC00420u, Garbage, 0xFFFFFFFF_01020304UL, 0UL, 0UL, "nzcv", 0x02010403UL, "nzcv")] // REV16 W0, W1
    [InlineData(0xDAC00820u, 0UL, 0x0102030405060708UL, 0UL, 0UL, "nzcv", 0x0403020108070605UL, "nzcv")] // REV32 X0, X1
    [InlineData(0xDAC00C20u, 0UL, 0x0102030405060708UL, 0UL, 0UL, "nzcv", 0x0807060504030201UL, "nzcv")] // REV X0, X1
    [InlineData(0x5AC00820u, Garbage, 0xFFFFFFFF_01020304UL, 0UL, 0UL, "nzcv", 0x04030201UL, "nzcv")] // REV W0, W1
    [InlineData(0xDAC01020u, 0UL, 1UL, 0UL, 0UL, "nzcv", 63UL, "nzcv")]                         // CLZ X0, X1
    [InlineData(0xDAC01020u, 0UL, 0UL, 0UL, 0UL, "nzcv", 64UL, "nzcv")]                         // CLZ X0, X1 (zero)
    [InlineData(0x5AC01020u, Garbage, 0xFFFFFFFF_00000000UL, 0UL, 0UL, "nzcv", 32UL, "nzcv")]   // CLZ W0, W1 (zero low half)
    [InlineData(0xDAC01420u, 0UL, 0UL, 0UL, 0UL, "nzcv", 63UL, "nzcv")]                         // CLS X0, X1 (zero)
    [InlineData(0xDAC01420u, 0UL, ulong.MaxValue, 0UL, 0UL, "nzcv", 63UL, "nzcv")]              // CLS X0, X1 (all ones)
    [InlineData(0xDAC01420u, 0UL, 1UL, 0UL, 0UL, "nzcv", 62UL, "nzcv")]                         // CLS X0, X1
    [InlineData(0x5AC01420u, Garbage, 0xFFFF0000UL, 0UL, 0UL, "nzcv", 15UL, "nzcv")]            // CLS W0, W1
    // logical (shifted register)
    [InlineData(0x0AC22020u, Garbage, 0xFFFFFFFFUL, 0x000000FFUL, 0UL, "nzcv", 0xFF000000UL, "nzcv")] // AND W0, W1, W2, ROR #8
    [InlineData(0x8A221020u, 0UL, 0xFFUL, 0x1UL, 0UL, "nzcv", 0xEFUL, "nzcv")]                  // BIC X0, X1, X2, LSL #4
    [InlineData(0xAA82FC20u, 0UL, 0x10UL, Min64, 0UL, "nzcv", ulong.MaxValue, "nzcv")]          // ORR X0, X1, X2, ASR #63
    [InlineData(0x2A620420u, Garbage, 0UL, 0xFFFFFFFEUL, 0UL, "nzcv", 0x80000000UL, "nzcv")]    // ORN W0, W1, W2, LSR #1
    [InlineData(0xCA220020u, 0UL, 0xF0UL, 0x0FUL, 0UL, "nzcv", 0xFFFFFFFFFFFFFF00UL, "nzcv")]   // EON X0, X1, X2
    [InlineData(0x6A020020u, Garbage, 0xFFFFFFFF_80000000UL, 0xFFFFFFFFUL, 0UL, "nZCV", 0x80000000UL, "Nzcv")] // ANDS W0, W1, W2
    [InlineData(0xEA220020u, 0UL, 0xFFUL, 0xFFUL, 0UL, "NzCV", 0UL, "nZcv")]                    // BICS X0, X1, X2
    // add/subtract (shifted register)
    [InlineData(0x8B020C20u, 0UL, 1UL, 2UL, 0UL, "nzcv", 17UL, "nzcv")]                         // ADD X0, X1, X2, LSL #3
    [InlineData(0x4B827C20u, Garbage, 5UL, 0x80000000UL, 0UL, "nzcv", 6UL, "nzcv")]             // SUB W0, W1, W2, ASR #31
    [InlineData(0xEB0103E0u, 7UL, 0UL, 0UL, 0UL, "nzcv", 0UL, "nZCv")]                          // NEGS X0, X1 (0: no borrow)
    [InlineData(0xEB0103E0u, 7UL, 1UL, 0UL, 0UL, "nzcv", ulong.MaxValue, "Nzcv")]               // NEGS X0, X1
    [InlineData(0xEB0103E0u, 7UL, Min64, 0UL, 0UL, "nzcv", Min64, "NzcV")]                      // NEGS X0, X1 (INT64_MIN)
    // conditional select
    [InlineData(0x9A820020u, 0UL, 1UL, 2UL, 0UL, "nZcv", 1UL, "nZcv")]                          // CSEL X0, X1, X2, EQ (holds)
    [InlineData(0x9A820020u, 0UL, 1UL, 2UL, 0UL, "nzcv", 2UL, "nzcv")]                          // CSEL X0, X1, X2, EQ (fails)
    [InlineData(0x1A821420u, Garbage, 1UL, 0xFFFFFFFFUL, 0UL, "nZcv", 0UL, "nZcv")]             // CSINC W0, W1, W2, NE (W2 + 1 wraps)
    [InlineData(0xDA82B020u, 0UL, 1UL, 0UL, 0UL, "nzcV", 1UL, "nzcV")]                          // CSINV X0, X1, X2, LT (N != V: holds)
    [InlineData(0xDA82B020u, 0UL, 1UL, 0UL, 0UL, "NzcV", ulong.MaxValue, "NzcV")]               // CSINV X0, X1, X2, LT (fails: NOT X2)
    [InlineData(0xDA82A420u, 0UL, 1UL, 5UL, 0UL, "Nzcv", 0xFFFFFFFFFFFFFFFBUL, "Nzcv")]         // CSNEG X0, X1, X2, GE (fails)
    [InlineData(0x9A9F17E0u, Garbage, 0UL, 0UL, 0UL, "nZcv", 1UL, "nZcv")]                      // CSET X0, EQ
    [InlineData(0x5A9F03E0u, Garbage, 0UL, 0UL, 0UL, "nzcv", 0xFFFFFFFFUL, "nzcv")]             // CSETM W0, NE
    // 3 source
    [InlineData(0x9B020C20u, 0UL, 3UL, 5UL, 7UL, "nzcv", 22UL, "nzcv")]                         // MADD X0, X1, X2, X3
    [InlineData(0x1B028C20u, Garbage, 3UL, 5UL, 7UL, "nzcv", 0xFFFFFFF8UL, "nzcv")]             // MSUB W0, W1, W2, W3 (7 - 15, zero-extended)
    [InlineData(0x9B220C20u, 0UL, 0xFFFFFFFFUL, 0x1_00000002UL, 10UL, "nzcv", 8UL, "nzcv")]     // SMADDL X0, W1, W2, X3 (-1 * 2 + 10)
    [InlineData(0x9B228C20u, 0UL, 0xFFFFFFFFUL, 2UL, 10UL, "nzcv", 12UL, "nzcv")]               // SMSUBL X0, W1, W2, X3 (10 - (-2))
    [InlineData(0x9BA20C20u, 0UL, 0xFFFFFFFFUL, 0xFFFFFFFFUL, 1UL, "nzcv", 0xFFFFFFFE00000002UL, "nzcv")] // UMADDL X0, W1, W2, X3
    [InlineData(0x9BA28C20u, 0UL, 0xFFFFFFFFUL, 2UL, 0UL, "nzcv", 0xFFFFFFFE00000002UL, "nzcv")] // UMSUBL X0, W1, W2, X3 (0 - 0x1fffffffe)
    [InlineData(0x9B427C20u, 0UL, ulong.MaxValue, 1UL, 0UL, "nzcv", ulong.MaxValue, "nzcv")]    // SMULH X0, X1, X2 (-1 * 1)
    [InlineData(0x9B427C20u, 0UL, Min64, Min64, 0UL, "nzcv", 0x4000000000000000UL, "nzcv")]     // SMULH X0, X1, X2 (2^126)
    [InlineData(0x9BC27C20u, 0UL, ulong.MaxValue, ulong.MaxValue, 0UL, "nzcv", 0xFFFFFFFFFFFFFFFEUL, "nzcv")] // UMULH X0, X1, X2
    [InlineData(0x1B027C20u, Garbage, 0x10000UL, 0x10000UL, 0UL, "nzcv", 0UL, "nzcv")]          // MUL W0, W1, W2 (2^32 wraps to 0)
    public void Computes(uint word, ulong x0, ulong x1, ulong x2, ulong x3, string flagsIn, ulong expected, string flagsOut)
    {
        var (result, flags) = DataProcessingRun.Exec(word, x0, x1, x2, x3, flagsIn);
        Assert.Equal(expected, result);
        Assert.Equal(flagsOut, flags);
    }

    // Each program runs in its own harness: the harness does not drop translations when it reloads code.
    [Theory]
    [InlineData(0x100UL, 0x100UL, 0xEB2163FFu, "nZCv")] // CMP SP, X1 (SUBS XZR, SP, X1, UXTX): equal
    [InlineData(0x100UL, 0x200UL, 0xEB2163FFu, "Nzcv")] // CMP SP, X1: borrow
    [InlineData(0x1000UL, 0x400UL, 0xEB216BFFu, "nZCv")] // CMP SP, X1, LSL #2
    [InlineData(0x1000UL, 0x401UL, 0xEB216BFFu, "Nzcv")] // CMP SP, X1, LSL #2
    public void CompareWithStackPointerAsRn(ulong sp, ulong x1, uint word, string flags)
    {
        using var h = new GuestHarness();
        h.SP = sp; h.SetX(1, x1);
        h.Run(word);
        Assert.Equal(flags, h.Flags);
        Assert.Equal(sp, h.SP);
    }

    [Fact]
    public void ExtendedRegisterAddAndSubtractUseTheStackPointer()
    {
        using var h = new GuestHarness();
        h.SP = 0x1000; h.SetX(1, 0xABCD0000_FFFFFFFCUL); h.SetX(2, 0x10);
        h.Run(0x8B21CBE0,  // ADD X0, SP, W1, SXTW #2
              0xCB2263FF,  // SUB SP, SP, X2
              0xEB2263E3); // SUBS X3, SP, X2
        Assert.Equal(0xFF0UL, h.X(0));
        Assert.Equal(0xFF0UL, h.SP);
        Assert.Equal(0xFE0UL, h.X(3));
        Assert.Equal("nzCv", h.Flags);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Crc32MatchesTheKnownCheckValues(bool castagnoli)
    {
        // CRC-32("123456789") = 0xCBF43926, CRC-32C("123456789") = 0xE3069283 (init and final XOR all
        // ones). c turns each CRC32<size> word into CRC32C<size> (bit 12). One harness per program.
        uint expected = castagnoli ? 0xE3069283u : 0xCBF43926u;
        uint c = castagnoli ? 0x1000u : 0;

        Assert.Equal(expected, Crc([0xDEAD0000_FFFFFFFFUL, 0x3837363534333231UL, 0x39],
            0x9AC14C00 | c,    // CRC32X W0, W0, X1 (upper half of X0 ignored)
            0x1AC24000 | c,    // CRC32B W0, W0, W2
            0x2A2003E0));      // MVN W0, W0

        Assert.Equal(expected, Crc([0xFFFFFFFF, 0xFFFF_34333231UL, 0x38373635, 0x39],
            0x1AC14800 | c,    // CRC32W W0, W0, W1 (upper half of X1 ignored)
            0x1AC24800 | c,    // CRC32W W0, W0, W2
            0x1AC34000 | c,    // CRC32B W0, W0, W3
            0x2A2003E0));      // MVN W0, W0

        Assert.Equal(expected, Crc([0xFFFFFFFF, 0x3231, 0x3433, 0x3635, 0xFF_3837, 0x39],
            0x1AC14400 | c,    // CRC32H W0, W0, W1
            0x1AC24400 | c,    // CRC32H W0, W0, W2
            0x1AC34400 | c,    // CRC32H W0, W0, W3
            0x1AC44400 | c,    // CRC32H W0, W0, W4 (only the low halfword)
            0x1AC54000 | c,    // CRC32B W0, W0, W5
            0x2A2003E0));      // MVN W0, W0
    }

    static ulong Crc(ulong[] registers, params uint[] words)
    {
        using var h = new GuestHarness();
        for (int i = 0; i < registers.Length; i++) h.SetX(i, registers[i]);
        h.Run(words);
        return h.X(0);
    }

    [Theory]
    [InlineData(0x0A008000u)] // AND W0, W0, W0, LSL #32 (sf=0 imm6<5>)
    [InlineData(0x8BC00000u)] // ADD X0, X0, X0 with shift=11
    [InlineData(0x0B008000u)] // ADD W0, W0, W0, LSL #32
    [InlineData(0x8B201400u)] // ADD X0, X0, W0, UXTB #5 (imm3 > 4)
    [InlineData(0x8B201800u)] // ADD X0, X0, W0, UXTB #6
    [InlineData(0x9AC04000u)] // CRC32B with sf=1
    [InlineData(0x1AC04C00u)] // CRC32X with sf=0
    [InlineData(0x5AC00C00u)] // REV with sf=0 opc=11
    [InlineData(0x1B200000u)] // SMADDL with sf=0
    [InlineData(0x9B408000u)] // SMULH with o0=1
    [InlineData(0xFA400010u)] // CCMP with o3=1
    [InlineData(0x9A800800u)] // CSEL with op2<1> set
    public void ReservedEncodingsAreUndefined(uint word)
    {
        using var h = new GuestHarness();
        var e = h.RunRaw(word);
        Assert.Equal(ExceptionKind.Undefined, e!.Value.Kind);
        Assert.Equal(GuestHarness.CodeBase, e.Value.Pc);
    }
}
