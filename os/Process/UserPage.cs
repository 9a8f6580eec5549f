// UserPage: one 4 KiB physical page that backs user memory, held through capabilities (a RAM
// capability from the memory manager, retyped into a Frame capability that the page tables map).
// Pages are shared between address spaces after fork (copy-on-write) and counted: the last
// owner to let go returns the RAM to the memory manager, which deletes the frame and every
// mapping of it. Locking: RefCount is changed with Interlocked; nothing else changes.
using Fast.Os.Capabilities;
using Fast.Os.Memory;
using Fast.Runtime;

namespace Fast.Os.Process;

public sealed class UserPage
{
    public Capability Ram { get; }
    public Capability Frame { get; }
    public ulong PhysicalAddress => Frame.Base;
    public int RefCount = 1;

    UserPage(Capability ram, Capability frame)
    {
        Ram = ram;
        Frame = frame;
    }

    /// <summary>Allocates a zeroed page (translations of code it held before are dropped).</summary>
    public static Err Allocate(Kernel.KernelServices k, out UserPage page)
    {
        page = null!;
        var err = k.Memory.Alloc(Paging.Descriptors.PageSize, Paging.Descriptors.PageSize, out var ram);
        if (err == Err.OutOfMemory && k.BorrowRam(Paging.Descriptors.PageSize))   // this core's share ran out
            err = k.Memory.Alloc(Paging.Descriptors.PageSize, Paging.Descriptors.PageSize, out ram);
        if (err != Err.Ok) return err;
        k.KeepRamAhead();   // so the page tables mapping it find memory too
        err = k.Caps.Retype(ram, 0, CapType.Frame, Paging.Descriptors.PageSize, 1, SlotRef.KernelHeld, out var frames);
        if (err != Err.Ok)
        {
            k.Memory.Free(ram);
            return err;
        }
        page = new UserPage(ram, frames[0]);
        k.ForgetCode(page.PhysicalAddress);
        return Err.Ok;
    }

    public void AddRef() => Interlocked.Increment(ref RefCount);

    /// <summary>Drops one reference; the last one frees the RAM (and with it the frame and its mappings).</summary>
    public void Release(Kernel.KernelServices k)
    {
        if (Interlocked.Decrement(ref RefCount) == 0)
        {
            k.ForgetCode(PhysicalAddress);
            k.Memory.Free(Ram);
        }
    }

    public unsafe Span<byte> Bytes(PhysicalMemory ram) => new(ram.HostPointer(PhysicalAddress), (int)Paging.Descriptors.PageSize);
}
