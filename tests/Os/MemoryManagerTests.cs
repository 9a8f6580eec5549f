using Fast.Os;
using Fast.Os.Capabilities;
using Fast.Os.Memory;

namespace Fast.Tests.Os;

/// <summary>libmm: aligned allocation, ranges, coalescing frees, every error, statistics.</summary>
public sealed class MemoryManagerTests : IDisposable
{
    const ulong Page = 4096, MiB = TestKernel.MiB;
    readonly TestKernel k = new(ramSize: 16 * MiB);   // manages [1 MiB, 16 MiB)
    MemoryManager Mm => k.Mm;

    public void Dispose() => k.Dispose();

    [Fact]
    public void AllocationsAreRamCapsRetypedFromTheRegion()
    {
        Assert.Equal(Err.Ok, Mm.Alloc(3 * Page, Page, out var a));
        Assert.Equal(CapType.Ram, a.Type);
        Assert.Equal(MiB, a.Base);
        Assert.Equal(3 * Page, a.Size);
        Assert.Same(k.RamCap.Object, a.Object.Parent);
        Assert.Equal(Err.Ok, Mm.Alloc(100, Page, out var b));       // rounded up to a page
        Assert.Equal(Page, b.Size);
        Assert.Equal(MiB + 3 * Page, b.Base);
    }

    [Fact]
    public void AlignmentIsHonoured()
    {
        Mm.Alloc(Page, Page, out _).ThrowIfFailed();
        foreach (ulong align in new[] { 2 * Page, 64 * 1024UL, 2 * MiB })
        {
            Assert.Equal(Err.Ok, Mm.Alloc(Page, align, out var c));
            Assert.Equal(0UL, c.Base % align);
        }
        Assert.Equal(Err.BadAlignment, Mm.Alloc(Page, 3 * Page, out _));
        Assert.Equal(Err.BadAlignment, Mm.Alloc(Page, 512, out _));
    }

    [Fact]
    public void AllocInRangeStaysInside()
    {
        Assert.Equal(Err.Ok, Mm.AllocInRange(Page, Page, 8 * MiB, 9 * MiB, out var c));
        Assert.Equal(8 * MiB, c.Base);
        Assert.Equal(Err.Ok, Mm.AllocInRange(MiB - Page, Page, 8 * MiB, 9 * MiB, out var d));
        Assert.Equal(8 * MiB + Page, d.Base);
        Assert.Equal(Err.OutOfMemory, Mm.AllocInRange(Page, Page, 8 * MiB, 9 * MiB, out _));
        Assert.Equal(Err.InvalidRange, Mm.AllocInRange(Page, Page, 9 * MiB, 8 * MiB, out _));
        Assert.Equal(Err.OutOfMemory, Mm.AllocInRange(Page, Page, 0, MiB, out _));   // below managed RAM
    }

    [Fact]
    public void FreesCoalesceWithBothNeighbours()
    {
        var caps = Enumerable.Range(0, 5).Select(_ => k.Alloc(Page)).ToArray();
        var rest = Mm.Stats.LargestFree;
        Mm.Free(caps[1]).ThrowIfFailed();
        Mm.Free(caps[3]).ThrowIfFailed();
        Assert.Equal(3, Mm.FreeBlocks.Count);                    // two holes and the tail
        Mm.Free(caps[2]).ThrowIfFailed();                        // joins both holes
        Assert.Equal(2, Mm.FreeBlocks.Count);
        Assert.Equal((MiB + Page, 3 * Page), Mm.FreeBlocks[0]);
        Mm.Free(caps[4]).ThrowIfFailed();                        // joins the hole and the tail
        Assert.Single(Mm.FreeBlocks);
        Mm.Free(caps[0]).ThrowIfFailed();
        Assert.Equal((MiB, 15 * MiB), Mm.FreeBlocks[0]);
        Assert.Equal(rest + 5 * Page, Mm.Stats.LargestFree);
    }

    [Fact]
    public void BlocksOfDifferentRegionsDoNotMerge()
    {
        using var k2 = new TestKernel(ramSize: 4 * MiB, managedBase: 3 * MiB);
        k2.Caps.CreateOriginal(CapType.Ram, 2 * MiB, MiB, SlotRef.KernelHeld, out var second).ThrowIfFailed();
        k2.Mm.AddRam(second).ThrowIfFailed();
        Assert.Equal(2, k2.Mm.FreeBlocks.Count);
        Assert.Equal(Err.OutOfMemory, k2.Mm.Alloc(2 * MiB, Page, out _));   // adjacent, but two capabilities
        Assert.Equal(2 * MiB, k2.Mm.Stats.Total);
    }

    [Fact]
    public void EveryError()
    {
        Assert.Equal(Err.InvalidSize, Mm.Alloc(0, Page, out _));
        Assert.Equal(Err.BadAlignment, Mm.Alloc(Page, 12345, out _));
        Assert.Equal(Err.OutOfMemory, Mm.Alloc(16 * MiB, Page, out _));
        Assert.Equal(Err.OutOfMemory, Mm.Alloc(ulong.MaxValue, Page, out _));
        var a = k.Alloc(Page);
        Assert.Equal(Err.Ok, Mm.Free(a));
        Assert.Equal(Err.DoubleFree, Mm.Free(a));
        Assert.Equal(Err.NotAllocated, Mm.Free(k.RamCap));                 // the region itself
        k.Caps.CreateOriginal(CapType.Ram, 0, Page, SlotRef.KernelHeld, out var foreign).ThrowIfFailed();
        Assert.Equal(Err.NotAllocated, Mm.Free(foreign));
        var frame = k.Frame();
        Assert.Equal(Err.WrongCapType, Mm.Free(frame));
        Assert.Equal(Err.RamOverlap, Mm.AddRam(k.RamCap));
        Assert.Equal(Err.WrongCapType, Mm.AddRam(frame));
        var b = k.Alloc(2 * Page);
        k.Caps.Retype(b, 0, CapType.Frame, Page, 1, SlotRef.KernelHeld, out _).ThrowIfFailed();
        Assert.Equal(Err.RamInUse, new MemoryManager(k.Caps).AddRam(b));
    }

    [Fact]
    public void FreeDeletesEverythingDerivedAndTheRangeIsReusable()
    {
        var a = k.Alloc(4 * Page);
        k.Caps.Retype(a, 0, CapType.Frame, Page, 4, SlotRef.KernelHeld, out var frames).ThrowIfFailed();
        k.Caps.Copy(a, SlotRef.KernelHeld, out var copy).ThrowIfFailed();
        Assert.Equal(Err.Ok, Mm.Free(copy));                                // any copy names the allocation
        Assert.All(frames, f => Assert.True(f.Deleted));
        Assert.True(a.Deleted);
        Assert.Empty(k.RamCap.Object.Children);
        Assert.Equal(a.Base, k.Alloc(4 * Page).Base);
    }

    [Fact]
    public void Statistics()
    {
        var s0 = Mm.Stats;
        Assert.Equal(15 * MiB, s0.Total);
        Assert.Equal(15 * MiB, s0.Free);
        var a = k.Alloc(2 * Page);
        k.Alloc(Page, 2 * MiB);                                               // leaves a gap below
        Mm.Alloc(0, Page, out _);
        var s = Mm.Stats;
        Assert.Equal(2, s.Allocations);
        Assert.Equal(3 * Page, s.Allocated);
        Assert.Equal(3, s.AllocCalls);
        Assert.Equal(1, s.FailedAllocs);
        Assert.Equal(2, s.FreeBlocks);
        Assert.Equal(16 * MiB - 2 * MiB - Page, s.LargestFree);
        Mm.Free(a).ThrowIfFailed();
        Assert.Equal(1, Mm.Stats.FreeCalls);
        Assert.Equal(1, Mm.Stats.Allocations);
    }

    /// <summary>Random allocs and frees against a page-bitmap model: same answers, same free bytes,
    /// no overlap, alignment kept, and everything coalesces back at the end.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomizedAgainstAModel(int seed)
    {
        var rng = new Random(seed);
        const ulong total = 15 * MiB;
        var used = new bool[total / Page];                        // the model: one flag per page
        var live = new List<Capability>();
        for (int step = 0; step < 3000; step++)
        {
            if (live.Count == 0 || rng.Next(100) < 55)
            {
                ulong pages = (ulong)(rng.Next(8) == 0 ? rng.Next(1, 600) : rng.Next(1, 16));
                ulong align = Page << rng.Next(0, 8);
                var err = Mm.Alloc(pages * Page, align, out var cap);
                long expected = FirstFit(used, pages, align / Page);
                Assert.Equal(expected >= 0, err == Err.Ok);
                if (err != Err.Ok) { Assert.Equal(Err.OutOfMemory, err); continue; }
                Assert.Equal(MiB + (ulong)expected * Page, cap.Base);    // first fit, by address
                Assert.Equal(0UL, cap.Base % align);
                for (ulong p = (cap.Base - MiB) / Page; p < (cap.Base - MiB) / Page + pages; p++)
                {
                    Assert.False(used[p], $"step {step}: page {p} handed out twice");
                    used[p] = true;
                }
                live.Add(cap);
            }
            else
            {
                int i = rng.Next(live.Count);
                var cap = live[i];
                live.RemoveAt(i);
                Assert.Equal(Err.Ok, Mm.Free(cap));
                for (ulong p = (cap.Base - MiB) / Page; p < (cap.Base + cap.Size - MiB) / Page; p++) used[p] = false;
                if (rng.Next(10) == 0) Assert.Equal(Err.DoubleFree, Mm.Free(cap));
            }
            var stats = Mm.Stats;
            Assert.Equal((ulong)used.Count(u => !u) * Page, stats.Free);
            Assert.Equal(live.Count, stats.Allocations);
        }
        foreach (var cap in live) Mm.Free(cap).ThrowIfFailed();
        Assert.Equal([(MiB, total)], Mm.FreeBlocks);
        Assert.Empty(k.RamCap.Object.Children);
    }

    /// <summary>The model's first fit: the lowest aligned page starting a long enough free run, or -1.</summary>
    static long FirstFit(bool[] used, ulong pages, ulong alignPages)
    {
        const ulong basePage = MiB / Page;
        var run = new ulong[used.Length + 1];                    // free pages starting at p
        for (int p = used.Length - 1; p >= 0; p--) run[p] = used[p] ? 0 : run[p + 1] + 1;
        for (ulong start = (alignPages - basePage % alignPages) % alignPages; start < (ulong)used.Length; start += alignPages)
            if (run[start] >= pages) return (long)start;
        return -1;
    }
}
