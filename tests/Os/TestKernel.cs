// TestKernel: guest RAM, a capability system and a memory manager owning all of RAM but a
// reserved low megabyte, for the OS unit tests.
using Fast.Os;
using Fast.Os.Capabilities;
using Fast.Os.Memory;
using Fast.Runtime;

namespace Fast.Tests.Os;

public sealed class TestKernel : IDisposable
{
    public const ulong MiB = 1UL << 20;
    public PhysicalMemory Ram { get; }
    public CapSystem Caps { get; }
    public MemoryManager Mm { get; }
    public Capability RamCap { get; }

    public TestKernel(ulong ramSize = 32 * MiB, ulong managedBase = MiB)
    {
        Ram = new PhysicalMemory(ramSize);
        Caps = new CapSystem(Ram);
        Caps.CreateOriginal(CapType.Ram, managedBase, ramSize - managedBase, SlotRef.KernelHeld, out var ram).ThrowIfFailed();
        RamCap = ram;
        Mm = new MemoryManager(Caps);
        Mm.AddRam(ram).ThrowIfFailed();
    }

    public Capability Alloc(ulong size, ulong alignment = 4096)
    {
        Mm.Alloc(size, alignment, out var cap).ThrowIfFailed();
        return cap;
    }

    /// <summary>A frame of size bytes retyped from a fresh allocation.</summary>
    public Capability Frame(ulong size = 4096)
    {
        var ram = Alloc(size);
        Caps.Retype(ram, 0, CapType.Frame, size, 1, SlotRef.KernelHeld, out var f).ThrowIfFailed();
        return f[0];
    }

    public void Dispose() => Ram.Dispose();
}
