using System.Runtime.InteropServices;
using Fast.Runtime;

namespace Fast.Tests.Runtime;

/// <summary>The CpuState layout is a contract with generated code: these offsets must not drift.</summary>
public class CpuStateLayoutTests
{
    [Theory]
    [InlineData(nameof(CpuState.X), 0)]
    [InlineData(nameof(CpuState.PC), 256)]
    [InlineData(nameof(CpuState.Nzcv), 264)]
    [InlineData(nameof(CpuState.Fpcr), 272)]
    [InlineData(nameof(CpuState.Fpsr), 276)]
    [InlineData(nameof(CpuState.TpidrEl0), 280)]
    [InlineData(nameof(CpuState.TpidrroEl0), 288)]
    [InlineData(nameof(CpuState.ExclusiveAddress), 296)]
    [InlineData(nameof(CpuState.ExclusiveSize), 320)]
    [InlineData(nameof(CpuState.ExitReason), 324)]
    [InlineData(nameof(CpuState.PendingInterrupt), 328)]
    [InlineData(nameof(CpuState.Tlb), 352)]
    [InlineData(nameof(CpuState.Retired), 368)]
    [InlineData(nameof(CpuState.MapEpoch), 400)]
    [InlineData(nameof(CpuState.RegionTable), 408)]
    [InlineData(nameof(CpuState.CurrentRegion), 416)]
    [InlineData(nameof(CpuState.RegionChains), 424)]
    [InlineData(nameof(CpuState.TlbOffsetMask), 448)]
    [InlineData(nameof(CpuState.MissAddress), 456)]
    [InlineData(nameof(CpuState.MissAccess), 464)]
    [InlineData(nameof(CpuState.V), 512)]
    public void FieldOffsetsAreTheDocumentedOnes(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<CpuState>(field));

    [Fact]
    public unsafe void StackPointerIsRegister31() 
    {
        var s = new CpuState();
        s.SP = 0x1234;
        Assert.Equal(0x1234UL, s.X[31]);
        Assert.Equal(CpuState.Size, sizeof(CpuState));
    }
}
