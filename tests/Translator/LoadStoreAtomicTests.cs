using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>FEAT_LSE: LD&lt;op&gt; and the ST&lt;op&gt; aliases, SWP, CAS, CASP.</summary>
public unsafe class LoadStoreAtomicTests : IDisposable
{
    const ulong D = GuestHarness.DataBase;
    readonly GuestHarness h = new();

    public LoadStoreAtomicTests()
    {
        h.WriteMemory(D, Enumerable.Repeat((byte)0xA5, 32).ToArray());
        h.SetX(0, D);
    }

    public void Dispose() => h.Dispose();

    void WriteSized(ulong address, int size, ulong value) => h.WriteMemory(address, BitConverter.GetBytes(value).AsSpan(0, size));

    /// <summary>Memory starts as old (size bytes, then 0xA5 bytes); Rs = operand. Checks memory and Rt = old.</summary>
    [Theory]
    [InlineData(0xF8220001, 8, 0x00000000F0000001UL, 0x0000000010000003UL, 0x0000000100000004UL)] // LDADD X2, X1, [X0]
    [InlineData(0xF8A21001, 8, 0x00000000F0000001UL, 0x0000000010000003UL, 0x00000000E0000000UL)] // LDCLRA X2, X1, [X0]
    [InlineData(0xF8622001, 8, 0x00000000F0000001UL, 0x0000000010000003UL, 0x00000000E0000002UL)] // LDEORL X2, X1, [X0]
    [InlineData(0xF8E23001, 8, 0x00000000F0000001UL, 0x0000000010000003UL, 0x00000000F0000003UL)] // LDSETAL X2, X1, [X0]
    [InlineData(0xF8224001, 8, 0x00000000F0000001UL, 0x0000000010000003UL, 0x00000000F0000001UL)] // LDSMAX X2, X1, [X0]
    [InlineData(0xF8225001, 8, 0xFFFFFFFFFFFFFFFFUL, 0x0000000010000003UL, 0xFFFFFFFFFFFFFFFFUL)] // LDSMIN X2, X1, [X0]
    [InlineData(0xF8226001, 8, 0xFFFFFFFFFFFFFFFFUL, 0x0000000010000003UL, 0xFFFFFFFFFFFFFFFFUL)] // LDUMAX X2, X1, [X0]
    [InlineData(0xF8227001, 8, 0xFFFFFFFFFFFFFFFFUL, 0x0000000010000003UL, 0x0000000010000003UL)] // LDUMIN X2, X1, [X0]
    [InlineData(0xB8220001, 4, 0xF0000001UL, 0xFFFFFFFF10000003UL, 0x00000004UL)]              // LDADD W2, W1, [X0]
    [InlineData(0xB8E24001, 4, 0xF0000001UL, 0xFFFFFFFF10000003UL, 0x10000003UL)]              // LDSMAXAL W2, W1, [X0]
    [InlineData(0xB8A25001, 4, 0xF0000001UL, 0xFFFFFFFF10000003UL, 0xF0000001UL)]              // LDSMINA W2, W1, [X0]
    [InlineData(0xB8626001, 4, 0xF0000001UL, 0xFFFFFFFF10000003UL, 0xF0000001UL)]              // LDUMAXL W2, W1, [X0]
    [InlineData(0xB8227001, 4, 0xF0000001UL, 0xFFFFFFFF10000003UL, 0x10000003UL)]              // LDUMIN W2, W1, [X0]
    [InlineData(0x38220001, 1, 0xFFUL, 0xFFFFFFFFFFFFFF01UL, 0x00UL)]                          // LDADDB W2, W1, [X0]
    [InlineData(0x38224001, 1, 0x80UL, 0x01UL, 0x01UL)]                                        // LDSMAXB W2, W1, [X0]
    [InlineData(0x38E26001, 1, 0x80UL, 0x01UL, 0x80UL)]                                        // LDUMAXALB W2, W1, [X0]
    [InlineData(0x78225001, 2, 0x8000UL, 0x0001UL, 0x8000UL)]                                  // LDSMINH W2, W1, [X0]
    [InlineData(0x78221001, 2, 0x8001UL, 0xFFFF8000UL, 0x0001UL)]                              // LDCLRH W2, W1, [X0]
    [InlineData(0x78A22001, 2, 0x1234UL, 0x00FF00FFUL, 0x12CBUL)]                              // LDEORAH W2, W1, [X0]
    [InlineData(0xF8228001, 8, 0x1111UL, 0x2222UL, 0x2222UL)]                                  // SWP X2, X1, [X0]
    [InlineData(0xB8E28001, 4, 0x1111UL, 0xFFFFFFFF2222UL, 0xFFFF2222UL)]                      // SWPAL W2, W1, [X0]
    [InlineData(0x38628001, 1, 0x11UL, 0x2222UL, 0x22UL)]                                      // SWPLB W2, W1, [X0]
    [InlineData(0x78A28001, 2, 0x1111UL, 0x22222UL, 0x2222UL)]                                 // SWPAH W2, W1, [X0]
    public void ReadModifyWrite(uint word, int size, ulong old, ulong operand, ulong expected)
    {
        WriteSized(D, size, old);
        h.SetX(2, operand);
        h.SetX(1, 0xDEAD);
        h.RunFresh(word);
        var memory = h.ReadMemory(D, 16);
        Assert.Equal(expected, BitConverter.ToUInt64(memory) & (size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1));
        Assert.All(memory[size..], b => Assert.Equal(0xA5, b));
        Assert.Equal(old, h.X(1));
    }

    [Fact]
    public void StoreAliasesDiscardTheOldValue()
    {
        h.Write64(D, 5);
        h.SP = 0x1230;
        h.SetX(2, 3);
        h.RunFresh(0xF822001F, 0xF862301F); // STADD X2, [X0]; STSETL X2, [X0]
        Assert.Equal(11UL, h.Read64(D));
        Assert.Equal(0x1230UL, h.SP);
    }

    [Fact]
    public void CompareAndSwap()
    {
        h.Write64(D, 0x1111);
        h.SetX(1, 0x1111); h.SetX(2, 0x2222);
        h.RunFresh(0xC8A17C02); // CAS X1, X2, [X0]
        Assert.Equal(0x2222UL, h.Read64(D));
        Assert.Equal(0x1111UL, h.X(1));
        h.SetX(1, 0x1111); h.SetX(2, 0x3333);
        h.RunFresh(0xC8E1FC02); // CASAL X1, X2, [X0]
        Assert.Equal(0x2222UL, h.Read64(D));     // compare failed: no store
        Assert.Equal(0x2222UL, h.X(1));          // Rs gets the old value
        h.SetX(1, 0xFFFF_FF22); h.SetX(2, 0x44);
        h.RunFresh(0x08A17C02); // CASB W1, W2, [X0]
        Assert.Equal(0x2244UL, h.Read64(D));     // only the low byte of W1 was compared
        Assert.Equal(0x22UL, h.X(1));
        h.SetX(1, 0x2244); h.SetX(2, 0xFFFF_5555);
        h.RunFresh(0x48A1FC02); // CASLH W1, W2, [X0]
        Assert.Equal(0x5555UL, h.Read64(D));
    }

    [Fact]
    public void CompareAndSwapPair()
    {
        h.Write64(D, 0x1111); h.Write64(D + 8, 0x2222);
        h.SetX(2, 0x1111); h.SetX(3, 0x2222); h.SetX(4, 0x3333); h.SetX(5, 0x4444);
        h.RunFresh(0x48227C04); // CASP X2, X3, X4, X5, [X0]
        Assert.Equal(0x3333UL, h.Read64(D));
        Assert.Equal(0x4444UL, h.Read64(D + 8));
        Assert.Equal(0x1111UL, h.X(2));
        Assert.Equal(0x2222UL, h.X(3));
        h.RunFresh(0x4862FC04); // CASPAL X2, X3, X4, X5, [X0]
        Assert.Equal(0x3333UL, h.X(2));          // failed: Rs pair gets the memory pair
        Assert.Equal(0x4444UL, h.X(3));
        h.SetX(2, 0x3333); h.SetX(3, 0x0); h.SetX(4, 0xFFFF_FFFF_AAAA_AAAA); h.SetX(5, 0xBBBB_BBBB);
        h.RunFresh(0x08627C04); // CASPA W2, W3, W4, W5, [X0]
        Assert.Equal(0xBBBBBBBBAAAAAAAAUL, h.Read64(D));
        Assert.Equal(0x3333UL, h.X(2));
        Assert.Equal(0UL, h.X(3));
    }

    [Theory]
    [InlineData(0x4861FC82u)] // CASPAL with odd Rs
    [InlineData(0x4860FC83u)] // CASPAL with odd Rt
    [InlineData(0xB8209041u)] // atomic space o3 = 1, opc = 001
    [InlineData(0xBC200041u)] // atomic space with V = 1
    public void UnallocatedAtomicEncodingsAreUndefined(uint word)
    {
        Assert.Equal(ExceptionKind.Undefined, h.RunRawFresh(word)!.Value.Kind);
    }

    [Fact]
    public void MisalignedAtomicsFault()
    {
        h.SetX(0, D + 2);
        var e = h.RunRawFresh(0xB8220001); // LDADD W2, W1, [X0]
        Assert.Equal(FaultKind.Alignment, e!.Value.Fault);
        // A read-modify-write reports WnR = 0 when a read would fault too (ARM ARM D17.2.37).
        Assert.Equal(AccessKind.Read, e.Value.Access);
        e = h.RunRawFresh(0x48227C04); // CASP X2, X3, X4, X5, [X0]
        Assert.Equal(FaultKind.Alignment, e!.Value.Fault);
        h.SetX(0, D + 8);
        e = h.RunRawFresh(0x48227C04); // CASP X2, X3, X4, X5, [X0]
        Assert.Equal(FaultKind.Alignment, e!.Value.Fault); // the pair needs 16-byte alignment
    }
}

/// <summary>ISS.WnR for LSE read-modify-writes: read if a read would fault, write otherwise (D17.2.37).</summary>
public unsafe class AtomicFaultDirectionTests
{
    [Fact]
    public void UnmappedIsAReadFaultAndReadOnlyIsAWriteFault()
    {
        using var h = new GuestHarness();
        var tables = new PageTableBuilder(h.Machine.Ram, 0x800000);
        tables.MapPage(GuestHarness.CodeBase, GuestHarness.CodeBase);
        tables.MapPage(0x7000_0000, 0x30_0000, PageTableBuilder.ApEl0ReadOnly | PageTableBuilder.AccessFlag);
        h.Cpu.SetTranslationTable(tables.Root);
        h.State->Control = CpuControl.MmuEnabled;

        h.SetX(0, 0x7100_0000);
        var e = h.RunRaw(0xB8220001); // LDADD W2, W1, [X0]  (unmapped)
        Assert.Equal((FaultKind.Translation, AccessKind.Read), (e!.Value.Fault, e.Value.Access));

        h.SetX(0, 0x7000_0000);
        e = h.RunRaw(0xB8220001); // LDADD W2, W1, [X0]  (read-only page)
        Assert.Equal((FaultKind.Permission, AccessKind.Write), (e!.Value.Fault, e.Value.Access));
    }
}
