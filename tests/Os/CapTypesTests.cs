using Fast.Os;
using Fast.Os.Capabilities;

namespace Fast.Tests.Os;

/// <summary>The capability type table is the single source of the rules.</summary>
public class CapTypesTests
{
    [Fact]
    public void EveryTypeHasExactlyOneRowInOrder()
    {
        var types = Enum.GetValues<CapType>();
        Assert.Equal(types.Length, CapTypes.All.Count);
        for (int i = 0; i < types.Length; i++) Assert.Equal(types[i], CapTypes.All[i].Type);
    }

    [Fact]
    public void RetypeRulesFollowBarrelfish()
    {
        Assert.True(CapType.Ram.CanRetypeInto(CapType.Frame));
        Assert.True(CapType.Ram.CanRetypeInto(CapType.VNodeL2));
        Assert.True(CapType.Ram.CanRetypeInto(CapType.Ram));
        Assert.True(CapType.Dispatcher.CanRetypeInto(CapType.Endpoint));
        Assert.False(CapType.Frame.CanRetypeInto(CapType.Ram));      // no way back to untyped
        Assert.False(CapType.DevFrame.CanRetypeInto(CapType.Frame));
        Assert.False(CapType.VNodeL3.CanRetypeInto(CapType.Frame));
        Assert.False(CapType.Irq.CanRetypeInto(CapType.Ram));
    }

    [Fact]
    public void MappabilityNamesTheTableLevel()
    {
        Assert.Equal(CapType.VNodeL3, CapType.Frame.Info().MapsInto);
        Assert.Equal(CapType.VNodeL3, CapType.DevFrame.Info().MapsInto);
        Assert.Equal(CapType.VNodeL0, CapType.VNodeL1.Info().MapsInto);
        Assert.Equal(CapType.VNodeL2, CapType.VNodeL3.Info().MapsInto);
        Assert.False(CapType.Ram.Info().Mappable);
        Assert.False(CapType.VNodeL0.Info().Mappable);
        Assert.False(CapType.CNode.Info().Mappable);
    }

    [Theory]
    [InlineData(CapType.Frame, 4096UL, true)]
    [InlineData(CapType.Frame, 3 * 4096UL, true)]
    [InlineData(CapType.Frame, 100UL, false)]
    [InlineData(CapType.Frame, 0UL, false)]
    [InlineData(CapType.VNodeL1, 4096UL, true)]
    [InlineData(CapType.VNodeL1, 8192UL, false)]
    [InlineData(CapType.CNode, 16384UL, true)]
    [InlineData(CapType.CNode, 12288UL, false)]
    [InlineData(CapType.CNode, 2048UL, false)]
    [InlineData(CapType.Dispatcher, 1024UL, true)]
    [InlineData(CapType.Endpoint, 0UL, true)]
    [InlineData(CapType.Endpoint, 64UL, false)]
    public void SizeRules(CapType type, ulong size, bool ok) =>
        Assert.Equal(ok ? Err.Ok : Err.InvalidObjectSize, type.CheckObjectSize(size));

    [Fact]
    public void EveryErrorHasAMessageAndCodesAreUnique()
    {
        var values = Enum.GetValues<Err>();
        Assert.Equal(values.Length, values.Distinct().Count());
        foreach (var e in values)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message()));
            Assert.NotEqual(e.ToString(), e.Message());
        }
        var ex = Assert.Throws<OsException>(() => Err.OutOfMemory.ThrowIfFailed());
        Assert.Equal(Err.OutOfMemory, ex.Code);
        Assert.Contains("out of memory", ex.Message);
    }
}
