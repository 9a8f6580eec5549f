using Fast.Os;
using Fast.Os.Capabilities;

namespace Fast.Tests.Os;

/// <summary>Randomized retype/delete against a page-bitmap model of one RAM capability (fixed seeds).</summary>
public sealed class DerivationModelTests : IDisposable
{
    const ulong Page = 4096;
    readonly TestKernel k = new(ramSize: 16 * TestKernel.MiB);

    public void Dispose() => k.Dispose();

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RetypeIsRefusedExactlyWhenTheRangeOverlapsALiveChild(int seed)
    {
        const int pages = 256;
        var ram = k.Alloc(pages * Page);
        var owner = new Capability?[pages];                 // the model: which child covers each page
        var live = new List<Capability>();
        var rng = new Random(seed);
        for (int step = 0; step < 4000; step++)
        {
            if (live.Count == 0 || rng.Next(100) < 60)
            {
                int first = rng.Next(pages), count = rng.Next(1, 9);
                var type = rng.Next(3) switch { 0 => CapType.Frame, 1 => CapType.Ram, _ => CapType.VNodeL3 };
                ulong size = type == CapType.VNodeL3 ? Page : (ulong)count * Page;
                var err = k.Caps.Retype(ram, (ulong)first * Page, type, size, 1, SlotRef.KernelHeld, out var caps);
                int n = (int)(size / Page);
                bool fits = first + n <= pages;
                bool free = fits && Enumerable.Range(first, n).All(p => owner[p] == null);
                Assert.Equal(!fits ? Err.RetypeOutOfBounds : free ? Err.Ok : Err.RetypeOverlap, err);
                if (err != Err.Ok) continue;
                for (int p = first; p < first + n; p++) owner[p] = caps[0];
                live.Add(caps[0]);
            }
            else
            {
                int i = rng.Next(live.Count);
                var cap = live[i];
                live.RemoveAt(i);
                k.Caps.Delete(cap).ThrowIfFailed();
                for (int p = 0; p < pages; p++) if (owner[p] == cap) owner[p] = null;
            }
            Assert.Equal(live.Count, ram.Object.Children.Count);
        }
    }

    [Fact]
    public void ARegionWithAHundredThousandChildrenStaysUsable()
    {
        using var big = new TestKernel(ramSize: 512 * TestKernel.MiB);   // reserved lazily; RAM retypes touch nothing
        const int n = 100_000;
        var ram = big.Alloc(n * Page);
        big.Caps.Retype(ram, 0, CapType.Ram, Page, n, SlotRef.KernelHeld, out var caps).ThrowIfFailed();
        Assert.Equal(n, ram.Object.Children.Count);
        var rng = new Random(5);
        for (int i = 0; i < 1000; i++)
            Assert.Equal(Err.RetypeOverlap, big.Caps.Retype(ram, (ulong)rng.Next(n) * Page, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _));
        foreach (var c in caps.OrderBy(_ => rng.Next())) big.Caps.Delete(c).ThrowIfFailed();
        Assert.Empty(ram.Object.Children);
        Assert.Equal(Err.Ok, big.Caps.Retype(ram, 0, CapType.Ram, n * Page, 1, SlotRef.KernelHeld, out _));
    }
}
