// KernelServices: the kernel-wide objects every subsystem reaches — guest RAM, the capability
// system, the memory manager, the machine (for code invalidation and TLB shootdown) — gathered
// so processes, the loader and the Linux personality take one argument instead of five.
using Fast.Os.Capabilities;
using Fast.Os.Memory;
using Fast.Runtime;

namespace Fast.Os.Kernel;

public sealed class KernelServices
{
    public Machine Machine { get; }
    public PhysicalMemory Ram => Machine.Ram;
    public CapSystem Caps { get; }
    public MemoryManager Memory { get; }
    int nextAsid;
    readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, ushort> asidOfRoot = new();

    /// <summary>Records which ASID a translation table root belongs to (for TLB shootdowns).</summary>
    public void RegisterAddressSpace(ulong rootPa, ushort asid) => asidOfRoot[rootPa] = asid;
    public void ForgetAddressSpace(ulong rootPa) => asidOfRoot.TryRemove(rootPa, out _);

    public KernelServices(Machine machine, ulong reservedLow)
    {
        Machine = machine;
        Caps = new CapSystem(machine.Ram);
        Memory = new MemoryManager(Caps);
        Caps.CreateOriginal(CapType.Ram, reservedLow, machine.Ram.Size - reservedLow, SlotRef.KernelHeld, out var ram).ThrowIfFailed();
        Memory.AddRam(ram).ThrowIfFailed();
        Caps.TlbInvalidate += ShootDown;
    }

    /// <summary>A fresh ASID for a new address space (1..65535, recycled by wrapping: the TLBs are flushed then).</summary>
    public ushort AllocateAsid()
    {
        int asid = Interlocked.Increment(ref nextAsid) % 65535 + 1;
        if (asid == 1 && nextAsid > 1) foreach (var v in Machine.Vcpus) v.RequestTlbFlush();
        return (ushort)asid;
    }

    /// <summary>Before the kernel writes a page through its host pointer: drop translations of code on it.</summary>
    public void ForgetCode(ulong physicalAddress)
    {
        ulong page = physicalAddress & ~0xFFFUL;
        if (Ram.IsCodePage(page)) Machine.OnCodePageWritten(page);
    }

    /// <summary>
    /// A mapping was removed or narrowed: no vCPU may keep a stale translation. The calling vCPU
    /// flushes at once; a vCPU running the same address space is shot down synchronously (it flushes
    /// at its next block boundary while the caller waits); others mark the ASID stale.
    /// </summary>
    void ShootDown(Paging.TlbInvalidation inv)
    {
        ulong root = inv.RootPa & 0x0000_FFFF_FFFF_F000UL;
        if (!asidOfRoot.TryGetValue(root, out ushort asid)) return;   // not a live address space
        foreach (var v in Machine.Vcpus)
        {
            bool current = (v.Ttbr0 & 0x0000_FFFF_FFFF_F000UL) == root;
            if (!current) v.MarkAsidStale(asid);   // its cached TLB for that ASID is flushed before reuse
            else if (v.IsOwnerThread && inv.Size <= 64 * 4096)
                for (ulong va = inv.Va; va < inv.Va + inv.Size; va += 4096) v.Tlb.FlushPage(va, asid);
            else if (v.IsOwnerThread) v.Tlb.FlushAll();
            else v.ShootDownTlb();   // synchronous: done before the unmap or mprotect returns
        }
    }
}
