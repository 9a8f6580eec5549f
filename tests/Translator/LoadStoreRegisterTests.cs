using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>LDR/STR and friends: every addressing form, sign extension, write-back, SP as base.</summary>
public unsafe class LoadStoreRegisterTests : IDisposable
{
    const ulong D = GuestHarness.DataBase;
    readonly GuestHarness h = new();

    public LoadStoreRegisterTests()
    {
        // D + i holds byte 0x80 + i, so every loaded value is recognisable and has its top bit set.
        var bytes = new byte[64];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(0x80 + i);
        h.WriteMemory(D, bytes);
        h.SetX(1, D);
    }

    public void Dispose() => h.Dispose();

    [Fact]
    public void UnsignedOffsetLoadsScaleTheImmediate()
    {
        h.RunFresh(0x39400420, 0x79400422, 0xB9400423, 0xF9400424); // LDRB W0, [X1, #1]; LDRH W2, [X1, #2]; LDR W3, [X1, #4]; LDR X4, [X1, #8]
        Assert.Equal(0x81UL, h.X(0));
        Assert.Equal(0x8382UL, h.X(2));
        Assert.Equal(0x87868584UL, h.X(3));
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.X(4));
    }

    [Fact]
    public void SignedLoadsExtendToTheirRegisterSize()
    {
        h.SetX(0, ulong.MaxValue);
        h.RunFresh(0x39C00020, 0x39800022, 0x79C00423, 0x79800424, 0xB9800425); // LDRSB W0, [X1]; LDRSB X2, [X1]; LDRSH W3, [X1, #2]; LDRSH X4, [X1, #2]; LDRSW X5, [X1, #4]
        Assert.Equal(0xFFFFFF80UL, h.X(0));              // 32-bit result: upper half cleared
        Assert.Equal(0xFFFFFFFFFFFFFF80UL, h.X(2));
        Assert.Equal(0xFFFF8382UL, h.X(3));
        Assert.Equal(0xFFFFFFFFFFFF8382UL, h.X(4));
        Assert.Equal(0xFFFFFFFF87868584UL, h.X(5));
    }

    [Fact]
    public void SignedLoadsOfPositiveValuesZeroTheTop()
    {
        h.WriteMemory(D + 32, [0x7F, 0x7F, 0x7F, 0x7F]);
        h.RunFresh(0x39808020, 0x79C04022, 0xB9802023); // LDRSB X0, [X1, #32]; LDRSH W2, [X1, #32]; LDRSW X3, [X1, #32]
        Assert.Equal(0x7FUL, h.X(0));
        Assert.Equal(0x7F7FUL, h.X(2));
        Assert.Equal(0x7F7F7F7FUL, h.X(3));
    }

    [Fact]
    public void StoresWriteOnlyTheirSize()
    {
        h.SetX(0, 0x1122334455667788);
        h.RunFresh(0x39000020, 0x79000420, 0xB9000420, 0xF9000420); // STRB W0, [X1]; STRH W0, [X1, #2]; STR W0, [X1, #4]; STR X0, [X1, #8]
        Assert.Equal(new byte[] { 0x88, 0x81, 0x88, 0x77, 0x88, 0x77, 0x66, 0x55 }, h.ReadMemory(D, 8));
        Assert.Equal(0x1122334455667788UL, h.Read64(D + 8));
        Assert.Equal(0x90, h.ReadMemory(D + 16, 1)[0]);
    }

    [Fact]
    public void PreIndexAccessesTheUpdatedAddressAndWritesItBack()
    {
        h.RunFresh(0xF8408C20); // LDR X0, [X1, #8]!
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.X(0));
        Assert.Equal(D + 8, h.X(1));
        h.SetX(2, 0xAB);
        h.RunFresh(0x381FDC22); // STRB W2, [X1, #-3]!
        Assert.Equal(D + 5, h.X(1));
        Assert.Equal(0xAB, h.ReadMemory(D + 5, 1)[0]);
    }

    [Fact]
    public void PostIndexAccessesTheOldAddressThenWritesBack()
    {
        h.RunFresh(0x785FE420); // LDRH W0, [X1], #-2
        Assert.Equal(0x8180UL, h.X(0));
        Assert.Equal(D - 2, h.X(1));
        h.SetX(1, D);
        h.SetX(2, 0x0102030405060708);
        h.RunFresh(0xF8010422); // STR X2, [X1], #16
        Assert.Equal(0x0102030405060708UL, h.Read64(D));
        Assert.Equal(D + 16, h.X(1));
    }

    [Fact]
    public void UnscaledAndUnprivilegedFormsTakeByteOffsets()
    {
        h.SetX(1, D + 8);
        h.RunFresh(0xF85FD020, 0x78801822, 0x38DF8023); // LDUR X0, [X1, #-3]; LDTRSH X2, [X1, #1]; LDURSB W3, [X1, #-8]
        Assert.Equal(0x8C8B8A8988878685UL, h.X(0)); // unaligned
        Assert.Equal(0xFFFFFFFFFFFF8A89UL, h.X(2));
        Assert.Equal(0xFFFFFF80UL, h.X(3));
        h.SetX(4, 0xCAFE);
        h.RunFresh(0xB81FF024, 0x380FF824); // STUR W4, [X1, #-1]; STTRB W4, [X1, #255]
        Assert.Equal(new byte[] { 0xFE, 0xCA, 0, 0 }, h.ReadMemory(D + 7, 4));
        Assert.Equal(0xFE, h.ReadMemory(D + 8 + 255, 1)[0]);
        Assert.Equal(D + 8, h.X(1));
    }

    [Fact]
    public void RegisterOffsetExtendsAndScalesTheIndex()
    {
        h.SetX(1, D + 16);
        h.SetX(2, 0xDEAD_BEEF_FFFF_FFFE);   // W2 = -2: the upper half must be ignored by the W forms
        h.SetX(3, 0xFFFF_FFFF_FFFF_FFFF);   // X3 = -1
        h.RunFresh(0xB862D820, 0x3862C824, 0xF8637825, 0x78A3F826); // LDR W0, [X1, W2, SXTW #2]; LDRB W4, [X1, W2, SXTW]; LDR X5, [X1, X3, LSL #3]; LDRSH X6, [X1, X3, SXTX #1]
        Assert.Equal(0x8B8A8988UL, h.X(0));              // D + 16 - 8
        Assert.Equal(0x8EUL, h.X(4));                    // D + 16 - 2
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.X(5));      // D + 16 - 8 (LSL #3 wraps)
        Assert.Equal(0xFFFFFFFFFFFF8F8EUL, h.X(6));      // D + 16 - 2
        h.SetX(1, D);
        h.SetX(2, 0xFFFF_FFFF_0000_0003);
        h.SetX(3, 5);
        h.RunFresh(0x78625827, 0x38637828); // LDRH W7, [X1, W2, UXTW #1]; LDRB W8, [X1, X3, LSL #0]
        Assert.Equal(0x8786UL, h.X(7));                  // UXTW: index 3, scaled by 2
        Assert.Equal(0x85UL, h.X(8));
        h.SetX(9, 0x1234);
        h.SetX(2, 4);
        h.RunFresh(0xB8226829); // STR W9, [X1, X2]
        Assert.Equal(new byte[] { 0x34, 0x12, 0, 0 }, h.ReadMemory(D + 4, 4));
    }

    [Theory]
    [InlineData(0xF8620820u)] // LDR X0, [X1, W2, #0] with option 000: UNDEFINED
    [InlineData(0xF8628820u)] // option 100
    [InlineData(0xF8625820u)] // option 010 is fine, 101 (below) is not
    [InlineData(0x3862B820u)] // LDRB option 101
    public void RegisterOffsetOptionsWithBit1ClearAreUndefined(uint word)
    {
        bool allocated = ((word >> 14) & 1) != 0;
        h.SetX(2, 0);
        var e = h.RunRawFresh(word);
        if (allocated) Assert.Equal(ExceptionKind.Brk, e!.Value.Kind);
        else Assert.Equal(ExceptionKind.Undefined, e!.Value.Kind);
    }

    [Fact]
    public void LoadWithWriteBackOfItsBaseKeepsTheAddress()
    {
        // CONSTRAINED UNPREDICTABLE (Rn == Rt): Fast, QEMU and Unicorn write the address back last.
        h.RunFresh(0xF8408C21); // LDR X1, [X1, #8]!
        Assert.Equal(D + 8, h.X(1));
        h.SetX(1, D);
        h.RunFresh(0x38401421); // LDRB W1, [X1], #1
        Assert.Equal(D + 1, h.X(1));
    }

    [Fact]
    public void StoreWithWriteBackOfItsBaseStoresTheOldValue()
    {
        h.RunFresh(0xF8008C21); // STR X1, [X1, #8]!
        Assert.Equal(D, h.Read64(D + 8));
        Assert.Equal(D + 8, h.X(1));
    }

    [Fact]
    public void ZeroRegisterStoresZeroAndDiscardsLoads()
    {
        h.RunFresh(0xF900003F, 0xF940043F); // STR XZR, [X1]; LDR XZR, [X1, #8]
        Assert.Equal(0UL, h.Read64(D));
    }

    [Fact]
    public void SpIsTheBaseRegister()
    {
        h.SP = D + 16;
        h.SetX(0, 0x55);
        h.RunFresh(0xF85F0FE2, 0x390007E0, 0xF84087E3); // LDR X2, [SP, #-16]!; STRB W0, [SP, #1]; LDR X3, [SP], #8
        Assert.Equal(0x8786858483828180UL, h.X(2));
        Assert.Equal(0x8786858483825580UL, h.X(3));
        Assert.Equal(D + 8, h.SP);
    }

    [Fact]
    public void MisalignedSpFaultsWhenTheOsAsksForIt()
    {
        h.SP = D + 8;
        h.SetX(0, 0);
        h.RunFresh(0xF94003E0); // LDR X0, [SP]
        Assert.Equal(0x8F8E8D8C8B8A8988UL, h.X(0));

        h.State->Control = CpuControl.StackAlignmentCheck;
        h.SetX(0, 0);
        var e = h.RunRawFresh(0xF8408FE0); // LDR X0, [SP, #8]!
        Assert.Equal(ExceptionKind.SpAlignment, e!.Value.Kind);
        Assert.Equal(0x26u, e.Value.ExceptionClass);
        Assert.Equal(GuestHarness.CodeBase, e.Value.Pc);
        Assert.Equal(0UL, h.X(0));
        Assert.Equal(D + 8, h.SP);

        h.SP = D + 16; // aligned: no fault; an X-register base is never checked
        h.SetX(1, D + 8);
        h.RunFresh(0xF94007E0, 0xF9400022); // LDR X0, [SP, #8]; LDR X2, [X1]
    }

    [Fact]
    public void PrefetchesNeverTouchMemory()
    {
        h.SetX(1, 0xFFFF_FFFF_FFFF_0000); // not RAM, not mapped
        h.SP = 0x13;                       // misaligned: prefetches skip the SP check too
        h.State->Control = CpuControl.StackAlignmentCheck;
        h.RunFresh(0xF9800420, 0xF89FF033, 0xF8A2782C, 0xF98003E0); // PRFM PLDL1KEEP, [X1, #8]; PRFUM PSTL2STRM, [X1, #-1]; PRFM PLIL3KEEP, [X1, X2, LSL #3]; PRFM PLDL1KEEP, [SP]
    }

    [Fact]
    public void UnalignedAccessesWithinAPageNeedNoAlignment()
    {
        h.SetX(0, 0xA1A2A3A4A5A6A7A8);
        h.RunFresh(0xF8003020, 0xB8405022); // STR X0, [X1, #3]; LDR W2, [X1, #5]
        Assert.Equal(0xA3A4A5A6UL, h.X(2));
    }

    [Fact]
    public void PageStraddlingAccessesWithTheMmuOff()
    {
        h.SetX(1, D + 0xFFD);
        h.SetX(0, 0x0807060504030201);
        h.RunFresh(0xF9000020, 0xF8401022); // STR X0, [X1]; LDR X2, [X1, #1]
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, h.ReadMemory(D + 0xFFD, 8));
        Assert.Equal(0x0008070605040302UL, h.X(2));
    }
}

/// <summary>
/// GuestHarness.Run writes new code over CodeBase without invalidating decoded blocks, so a second
/// Run in one harness would execute the first run's block. These wrappers drop the decoded blocks first.
/// </summary>
static class FreshRun
{
    public static void RunFresh(this GuestHarness h, params uint[] words)
    {
        h.Engine.InvalidateAll();
        h.Run(words);
    }

    public static Fast.Runtime.GuestException? RunRawFresh(this GuestHarness h, params uint[] words)
    {
        h.Engine.InvalidateAll();
        return h.RunRaw(words);
    }
}
