// KernelServices: the kernel-wide objects every subsystem reaches — guest RAM, the capability
// system, the memory manager, the machine (for code invalidation and TLB shootdown) — gathered
// so processes, the loader and the Linux personality take one argument instead of five.
//
// One instance per core kernel: core 0's (the boot one, made first, with all RAM) and a view per
// other core (ForCore) that shares the machine, the ASIDs and the TLB shootdown but names that
// core's own capability database and memory manager — an address space made through a core's view
// lives in that core's database (its home; HomeCalls forwards work on it from other cores).
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
    /// <summary>The core whose database Caps is (the home of address spaces made through this view).</summary>
    public int CoreId => Caps.CoreId;
    /// <summary>Work on another core's objects, as messages (shared by every core's view).</summary>
    public HomeCalls Calls { get; }
    readonly KernelServices boot;
    KernelServices[] views;
    int nextAsid;
    // Root -> boxed ASID under its own lock: a ConcurrentDictionary<ulong, ushort> was JIT-compiled at
    // every start (a framework generic over value types, outside ReadyToRun's version bubble), while
    // Dictionary<ulong, object> is precompiled in the framework.
    readonly Dictionary<ulong, object> asidOfRoot = new();

    /// <summary>Records which ASID a translation table root belongs to (for TLB shootdowns).</summary>
    public void RegisterAddressSpace(ulong rootPa, ushort asid) { lock (boot.asidOfRoot) boot.asidOfRoot[rootPa] = asid; }
    public void ForgetAddressSpace(ulong rootPa) { lock (boot.asidOfRoot) boot.asidOfRoot.Remove(rootPa); }

    /// <summary>Core core's kernel (this one if core has none: before the cores exist, or -1).</summary>
    public KernelServices ForCore(int core) => core >= 0 && core < boot.views.Length ? boot.views[core] : boot;

    /// <summary>The kernel of the core this thread runs on (the boot one off the cores' threads).</summary>
    public KernelServices Here => ForCore(Core.ExecutingId);

    /// <summary>RAM this core's memory manager got from other cores' shares (bytes).</summary>
    public long BorrowedBytes;
    const ulong BorrowChunk = 16UL << 20;

    /// <summary>
    /// This core's share of RAM ran out: asks the other cores, by message (HomeCalls), for a chunk
    /// of theirs (16 MiB, or less down to minimum when the donor has less in one piece). The donor's
    /// kernel allocates it from its memory manager and exports it; this core's kernel re-creates it
    /// in its own database (the relay) and adds it to its memory manager. False when no core has it.
    /// </summary>
    public bool BorrowRam(ulong minimum)
    {
        foreach (var donor in boot.views)
        {
            if (donor == this) continue;
            int to = CoreId;
            CapWire? wire = Calls.Call(donor.CoreId, () =>
            {
                for (ulong size = Math.Max(minimum, BorrowChunk); ; size = Math.Max(minimum, size / 2 & ~(MemoryManager.PageSize - 1)))
                {
                    if (donor.Memory.Alloc(size, MemoryManager.PageSize, out var ram) == Err.Ok)
                    {
                        donor.Caps.Export(ram, to, out var w).ThrowIfFailed();
                        return (CapWire?)w;
                    }
                    if (size == minimum) return null;
                }
            });
            if (wire is not { } relay) continue;
            Caps.Import(relay, out var relayed).ThrowIfFailed();
            Memory.AddRam(relayed).ThrowIfFailed();
            Interlocked.Add(ref BorrowedBytes, (long)relayed.Size);
            return true;
        }
        return false;
    }

    const ulong LowWater = 2UL << 20;
    volatile bool othersExhausted;

    /// <summary>
    /// Borrows ahead when this core's free RAM falls under 2 MiB (kernel objects such as page tables
    /// are allocated where a failure cannot borrow), until no other core has any to lend.
    /// </summary>
    public void KeepRamAhead()
    {
        if (boot.views.Length < 2 || othersExhausted || Memory.FreeBytes >= LowWater) return;
        if (!BorrowRam(MemoryManager.PageSize)) othersExhausted = true;
    }

    /// <summary>Adds core's kernel view over its own database and memory manager (the multikernel's boot).</summary>
    public KernelServices AddCore(int core, MemoryManager memory)
    {
        if (core != boot.views.Length) throw new InvalidOperationException("cores are added in order");
        var view = core == 0 ? boot : new KernelServices(boot, memory);
        Array.Resize(ref boot.views, core + 1);
        boot.views[core] = view;
        return view;
    }

    KernelServices(KernelServices boot, MemoryManager memory)
    {
        this.boot = boot;
        views = [];
        Machine = boot.Machine;
        Calls = boot.Calls;
        Caps = memory.Caps;
        Memory = memory;
        Caps.TlbInvalidate += boot.ShootDown;
    }

    public KernelServices(Machine machine, ulong reservedLow)
    {
        Machine = machine;
        boot = this;
        views = [];
        Calls = new HomeCalls();
        Caps = new CapSystem(machine.Ram);
        Memory = new MemoryManager(Caps);
        Caps.CreateOriginal(CapType.Ram, reservedLow, machine.Ram.Size - reservedLow, SlotRef.KernelHeld, out var ram).ThrowIfFailed();
        Memory.AddRam(ram).ThrowIfFailed();
        Caps.TlbInvalidate += ShootDown;
    }

    /// <summary>A fresh ASID for a new address space (1..65535, recycled by wrapping: the TLBs are flushed then).</summary>
    public ushort AllocateAsid()
    {
        int asid = Interlocked.Increment(ref boot.nextAsid) % 65535 + 1;
        if (asid == 1 && boot.nextAsid > 1) foreach (var v in Machine.Vcpus) v.RequestTlbFlush();
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
        object? boxed;
        lock (asidOfRoot) asidOfRoot.TryGetValue(root, out boxed);
        if (boxed is not ushort asid) return;   // not a live address space
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
