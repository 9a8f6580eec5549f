using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>Exclusives (the monitor), load-acquire/store-release, and their alignment rules.</summary>
public unsafe class LoadStoreExclusiveTests : IDisposable
{
    const ulong D = GuestHarness.DataBase;
    readonly GuestHarness h = new();

    public LoadStoreExclusiveTests()
    {
        h.Write64(D, 0x1122334455667788);
        h.Write64(D + 8, 0x99AABBCCDDEEFF00);
        h.SetX(0, D);
        h.SetX(3, 0xC3C3C3C3C3C3C3C3);
        h.SetX(4, 0xD4D4D4D4D4D4D4D4);
    }

    public void Dispose() => h.Dispose();

    [Fact]
    public void StoreExclusiveAfterLoadExclusiveSucceeds()
    {
        h.SetX(2, 99);
        h.RunFresh(0xC85F7C01, 0xC8027C03); // LDXR X1, [X0]; STXR W2, X3, [X0]
        Assert.Equal(0x1122334455667788UL, h.X(1));
        Assert.Equal(0UL, h.X(2));
        Assert.Equal(0xC3C3C3C3C3C3C3C3UL, h.Read64(D));
        Assert.Equal(0u, h.State->ExclusiveSize); // the store-exclusive cleared the monitor
    }

    [Fact]
    public void StoreExclusiveWithoutTheMonitorFailsAndStoresNothing()
    {
        h.RunFresh(0xC8027C03); // STXR W2, X3, [X0]
        Assert.Equal(1UL, h.X(2));
        Assert.Equal(0x1122334455667788UL, h.Read64(D));
    }

    [Fact]
    public void StoreExclusiveClearsTheMonitorEvenWhenItSucceeds()
    {
        h.RunFresh(0x885FFC01, 0x8802FC03, 0x88057C04); // LDAXR W1, [X0]; STLXR W2, W3, [X0]; STXR W5, W4, [X0]
        Assert.Equal(0x55667788UL, h.X(1));
        Assert.Equal(0UL, h.X(2));
        Assert.Equal(1UL, h.X(5));
        Assert.Equal(0x11223344C3C3C3C3UL, h.Read64(D));
    }

    [Fact]
    public void AnotherWriterInBetweenMakesTheStoreExclusiveFail()
    {
        h.RunFresh(0xC85F7C01); // LDXR X1, [X0]
        h.Write64(D, 0x5555);       // as another vCPU's store would
        h.RunFresh(0xC8027C03); // STXR W2, X3, [X0]
        Assert.Equal(1UL, h.X(2));
        Assert.Equal(0x5555UL, h.Read64(D));
    }

    [Fact]
    public void AddressAndSizeMustMatchTheMonitor()
    {
        h.RunFresh(0xC85F7C01, 0x88027C03); // LDXR X1, [X0]; STXR W2, W3, [X0]
        Assert.Equal(1UL, h.X(2));
        h.RunFresh(0x885F7C01, 0x88027C03); // LDXR W1, [X0]; STXR W2, W3, [X0, #0]
        Assert.Equal(0UL, h.X(2));
        h.SetX(6, D + 4);
        h.RunFresh(0x885F7C01, 0x88027CC3); // LDXR W1, [X0]; STXR W2, W3, [X6]
        Assert.Equal(1UL, h.X(2));
    }

    [Fact]
    public void ByteAndHalfwordExclusives()
    {
        h.RunFresh(0x085F7C01, 0x08027C03, 0x485FFC05, 0x4806FC04); // LDXRB W1, [X0]; STXRB W2, W3, [X0]; LDAXRH W5, [X0]; STLXRH W6, W4, [X0]
        Assert.Equal(0x88UL, h.X(1));
        Assert.Equal(0UL, h.X(2));
        Assert.Equal(0x77C3UL, h.X(5));
        Assert.Equal(0UL, h.X(6));
        Assert.Equal(0x112233445566D4D4UL, h.Read64(D));
    }

    [Fact]
    public void PairExclusives()
    {
        h.RunFresh(0xC87F0801, 0xC8251003); // LDXP X1, X2, [X0]; STXP W5, X3, X4, [X0]
        Assert.Equal(0x1122334455667788UL, h.X(1));
        Assert.Equal(0x99AABBCCDDEEFF00UL, h.X(2));
        Assert.Equal(0UL, h.X(5));
        Assert.Equal(0xC3C3C3C3C3C3C3C3UL, h.Read64(D));
        Assert.Equal(0xD4D4D4D4D4D4D4D4UL, h.Read64(D + 8));
        h.RunFresh(0x887F8801, 0x88258C04); // LDAXP W1, W2, [X0]; STLXP W5, W4, W3, [X0]
        Assert.Equal(0xC3C3C3C3UL, h.X(1));
        Assert.Equal(0xC3C3C3C3UL, h.X(2));
        Assert.Equal(0UL, h.X(5));
        Assert.Equal(0xC3C3C3C3D4D4D4D4UL, h.Read64(D));
        h.RunFresh(0xC87F0801); // LDXP X1, X2, [X0]
        h.Write64(D + 8, 0);        // the high half changes: the pair store must fail
        h.RunFresh(0xC8251003); // STXP W5, X3, X4, [X0]
        Assert.Equal(1UL, h.X(5));
        Assert.Equal(0UL, h.Read64(D + 8));
    }

    [Fact]
    public void LoadAcquireAndStoreRelease()
    {
        h.RunFresh(0xC8DFFC01, 0x08DFFC02, 0x489FFC03, 0x88DFFC05); // LDAR X1, [X0]; LDARB W2, [X0]; STLRH W3, [X0]; LDAR W5, [X0]
        Assert.Equal(0x1122334455667788UL, h.X(1));
        Assert.Equal(0x88UL, h.X(2));
        Assert.Equal(0x5566C3C3UL, h.X(5));
        h.RunFresh(0xC89FFC04); // STLR X4, [X0, #0]
        Assert.Equal(0xD4D4D4D4D4D4D4D4UL, h.Read64(D));
    }

    [Theory]
    [InlineData(0xC85F7C01u, AccessKind.Read)]  // LDXR X1, [X0]
    [InlineData(0xC8027C03u, AccessKind.Write)] // STXR W2, X3, [X0] (checked even with no monitor)
    [InlineData(0xC87F0801u, AccessKind.Read)]  // LDXP X1, X2, [X0]
    [InlineData(0xC8DFFC01u, AccessKind.Read)]  // LDAR X1, [X0]
    [InlineData(0x889FFC03u, AccessKind.Write)] // STLR W3, [X0]
    [InlineData(0x485F7C01u, AccessKind.Read)]  // LDXRH W1, [X0]
    public void MisalignedExclusivesAndOrderedAccessesFault(uint word, AccessKind access)
    {
        h.SetX(0, D + 1);
        h.SetX(1, 7);
        var e = h.RunRawFresh(word);
        Assert.Equal(ExceptionKind.DataAbort, e!.Value.Kind);
        Assert.Equal(FaultKind.Alignment, e.Value.Fault);
        Assert.Equal(access, e.Value.Access);
        Assert.Equal(D + 1, e.Value.FaultAddress);
        Assert.Equal(0x21u, e.Value.Syndrome & 0x3F);
        Assert.Equal(7UL, h.X(1));
        Assert.Equal(0x1122334455667788UL, h.Read64(D));
    }

    [Fact]
    public void ExclusivesCheckSpAlignment()
    {
        h.State->Control = CpuControl.StackAlignmentCheck;
        h.SP = D + 8;
        var e = h.RunRawFresh(0xC85F7FE1); // LDXR X1, [SP]
        Assert.Equal(ExceptionKind.SpAlignment, e!.Value.Kind);
        h.SP = D;
        h.RunFresh(0xC85F7FE1); // LDXR X1, [SP]
        Assert.Equal(0x1122334455667788UL, h.X(1));
    }

    [Theory]
    [InlineData(0xC8DF7C20u)] // LDLAR X0, [X1] (FEAT_LOR)
    [InlineData(0xC89F7C20u)] // STLLR X0, [X1] (FEAT_LOR)
    [InlineData(0xC8C0FC20u)] // LDAR with Rs != 11111
    public void UnimplementedOrderedFormsAreUndefined(uint word)
    {
        Assert.Equal(ExceptionKind.Undefined, h.RunRawFresh(word)!.Value.Kind);
    }
}
