using Fast.Tests.Support;

namespace Fast.Tests.Runtime;

/// <summary>
/// CpuState.MapEpoch tells tier 1 that translations it checked still hold. Link slots are shared by
/// the vCPUs, so an epoch must never be one another vCPU has (or had): values are unique, never 0.
/// </summary>
public unsafe class MapEpochTests
{
    [Fact]
    public void EveryInvalidationGivesAnEpochNoVcpuHasHad()
    {
        using var a = new GuestHarness();
        using var b = new GuestHarness();
        var seen = new HashSet<ulong> { a.State->MapEpoch, b.State->MapEpoch };
        Assert.Equal(2, seen.Count);
        Assert.DoesNotContain(0UL, seen);
        for (int i = 0; i < 100; i++)
        {
            var h = i % 2 == 0 ? a : b;
            ulong before = h.State->MapEpoch;
            switch (i % 3)
            {
                case 0: h.Cpu.Tlb.FlushAll(); break;
                case 1: h.Cpu.Tlb.FlushPage(0x10000); break;
                default: h.Cpu.Tlb.FlushAsid(0); break;
            }
            Assert.NotEqual(before, h.State->MapEpoch);
            Assert.True(seen.Add(h.State->MapEpoch), "an epoch came back");
        }
    }
}
