using Fast.Os;
using Fast.Os.Memory;

namespace Fast.Tests.Os;

/// <summary>Fixed-size objects in guest RAM, refilled from the memory manager.</summary>
public sealed class SlabAllocatorTests : IDisposable
{
    readonly TestKernel k = new(ramSize: 8 * TestKernel.MiB);

    public void Dispose() => k.Dispose();

    [Fact]
    public void RefillsFromTheMemoryManagerAndReusesFreedObjects()
    {
        var slab = new SlabAllocator(k.Mm, k.Ram, 64);
        Assert.Equal(64, slab.ObjectsPerSlab);
        var objects = new List<ulong>();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(Err.Ok, slab.Alloc(out var pa));
            objects.Add(pa);
        }
        Assert.Equal(100, objects.Distinct().Count());
        Assert.All(objects, pa => Assert.Equal(0UL, pa % 64));
        var s = slab.Stats;
        Assert.Equal((2, 100, 28, 2L), (s.Slabs, s.InUse, s.Free, s.Refills));
        Assert.Equal(2, k.Mm.Stats.Allocations);

        k.Ram.Span(objects[7], 64).Fill(0xEE);
        Assert.Equal(Err.Ok, slab.Free(objects[7]));
        Assert.Equal(Err.Ok, slab.Alloc(out var again));
        Assert.Equal(objects[7], again);                        // reused, not refilled
        Assert.True(k.Ram.Span(again, 64).ToArray().All(b => b == 0));
        Assert.Equal(2L, slab.Stats.Refills);
    }

    [Fact]
    public void FreeErrorsAndShrink()
    {
        var slab = new SlabAllocator(k.Mm, k.Ram, 48);
        slab.Alloc(out var a).ThrowIfFailed();
        Assert.Equal(Err.NotAllocated, slab.Free(a + 8));       // not an object boundary
        Assert.Equal(Err.NotAllocated, slab.Free(0x10));        // not in any slab
        Assert.Equal(Err.Ok, slab.Free(a));
        Assert.Equal(Err.DoubleFree, slab.Free(a));
        Assert.Equal(1, slab.Shrink());
        Assert.Equal(0, slab.Stats.Slabs);
        Assert.Equal(0, k.Mm.Stats.Allocations);                 // the page went back
        Assert.Equal(Err.NotAllocated, slab.Free(a));
    }

    [Fact]
    public void RejectsImpossibleObjectSizesAndReportsOutOfMemory()
    {
        Assert.Equal(Err.InvalidSlabObjectSize, Assert.Throws<OsException>(() => new SlabAllocator(k.Mm, k.Ram, 4)).Code);
        Assert.Equal(Err.InvalidSlabObjectSize, Assert.Throws<OsException>(() => new SlabAllocator(k.Mm, k.Ram, 3000)).Code);
        while (k.Mm.Alloc(4096, 4096, out _) == Err.Ok) { }
        var slab = new SlabAllocator(k.Mm, k.Ram, 32);
        Assert.Equal(Err.OutOfMemory, slab.Alloc(out _));
    }
}
