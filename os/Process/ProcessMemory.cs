// ProcessMemory: a process's address space with the pages behind it. It owns the AddressSpace
// (regions + page tables built from VNode capabilities) and the UserPage behind each mapped VA.
//
// Pages arrive lazily: a fault inside a region allocates a zeroed page (filled from the program
// file for an image page not read in yet; or, for a write to a page shared after fork, copies it)
// and maps it; a fault outside every region, or against the
// region's protection, is the process's error. Kernel accesses to user memory (UserMemory) take
// the same path, so a system call touching fresh memory behaves as the program touching it would.
//
// Home: the address space lives in the capability database of the core it was made on (k's core:
// the spawning core; fork's child shares its parent's home, whose frames it maps copy-on-write).
// Every operation that touches the tables or the pages' capabilities runs on the home core: from
// another core it is a message (HomeCalls.Call) and the caller waits for the answer — a thread on
// core 1 faulting in a process homed on core 0 never takes core 0's database lock.
//
// Locking: gate serializes page-table changes of this process (faults from several threads,
// mmap, munmap, mprotect): two threads faulting on one page resolve it once, the second finds
// it mapped (FaultVerdict.Spurious) and retries.
using Fast.Os.Kernel;
using Fast.Os.Paging;
using Fast.Runtime;

namespace Fast.Os.Process;

/// <summary>How a fault was handled. Gone: the address space was destroyed meanwhile (the process is
/// exiting or replaced its image while another of its threads ran on): the faulting thread stops.</summary>
public enum FaultOutcome : byte { Resolved, SegvMapError, SegvAccessError, OutOfMemory, Gone }

/// <summary>The bytes of pages not read in yet (an ELF image's file data).</summary>
public interface IPageSource
{
    /// <summary>Writes the page at pageVa into page (zeroed: bytes the source has not stay 0).</summary>
    void Fill(ulong pageVa, Span<byte> page);

    /// <summary>One more (+1) or one fewer (-1) unread page, in any address space, refers to the source;
    /// when none does any more it can let go of what it holds (an image's open file).</summary>
    void Track(int delta);
}

public sealed class ProcessMemory
{
    readonly KernelServices k;
    readonly object gate = new();
    bool destroyed;   // guarded by gate
    readonly Dictionary<ulong, UserPage> pages = new();   // page VA -> page; guarded by gate
    // Image pages not read in yet: page VA -> where their bytes are (the first fault fills the page).
    readonly Dictionary<ulong, IPageSource> unread = new();   // guarded by gate

    public AddressSpace Space { get; }
    /// <summary>The core whose database holds this address space.</summary>
    public int Home => k.CoreId;
    /// <summary>The home core's kernel (its database and memory manager).</summary>
    public KernelServices Kernel => k;
    public VSpace Tables => Space.Tables;
    public ulong Ttbr0 => Tables.Ttbr0;

    /// <summary>Where the signal return trampoline lives (the vDSO's __kernel_rt_sigreturn on Linux).</summary>
    public ulong SigreturnTrampoline { get; set; }

    public ulong BrkStart { get; set; }
    public ulong Brk { get; set; }

    public long MinorFaults;
    public long CowFaults;
    /// <summary>Faults of threads on other cores, sent to the home core as messages.</summary>
    public long RemoteFaults;

    ProcessMemory(KernelServices kernel, AddressSpace space)
    {
        k = kernel;
        Space = space;
    }

    public static ProcessMemory Create(KernelServices kernel)
    {
        VSpace.Create(kernel.Caps, kernel.Memory, kernel.AllocateAsid(), out var vspace).ThrowIfFailed();
        kernel.RegisterAddressSpace(vspace.RootPa, vspace.Asid);
        return new ProcessMemory(kernel, new AddressSpace(vspace));
    }

    public int PageCount { get { lock (gate) return pages.Count; } }

    /// <summary>Resolves a fault at va (from the guest or from a kernel copy).</summary>
    public FaultOutcome HandleFault(ulong va, AccessKind access)
    {
        if (k.Calls.Local(Home)) return HandleFaultHere(va, access);
        Interlocked.Increment(ref RemoteFaults);
        return k.Calls.Call(Home, () => HandleFaultHere(va, access));
    }

    FaultOutcome HandleFaultHere(ulong va, AccessKind access)
    {
        k.Calls.Enter(Home);
        lock (gate)
        {
            if (destroyed) return FaultOutcome.Gone;
            switch (Space.ClassifyFault(va, access, out var region))
            {
                case FaultVerdict.MapError: return FaultOutcome.SegvMapError;
                case FaultVerdict.AccessError: return FaultOutcome.SegvAccessError;
                case FaultVerdict.Spurious: return FaultOutcome.Resolved;
                case FaultVerdict.Allocate:
                    if (UserPage.Allocate(k, out var page) != Err.Ok) return FaultOutcome.OutOfMemory;
                    if (unread.Remove(va & ~0xFFFUL, out var source))
                    {
                        source.Fill(va & ~0xFFFUL, page.Bytes(k.Ram));
                        source.Track(-1);
                    }
                    if (MapFaultedLocked(va & ~0xFFFUL, page, region!.Protection) != FaultOutcome.Resolved) return FaultOutcome.OutOfMemory;
                    MinorFaults++;
                    return FaultOutcome.Resolved;
                default:
                    return CopyOnWriteLocked(va & ~0xFFFUL, region!.Protection);
            }
        }
    }

    FaultOutcome CopyOnWriteLocked(ulong pageVa, MapFlags protection)
    {
        var old = pages[pageVa];
        if (Volatile.Read(ref old.RefCount) == 1)
        {
            // The last sharer: take the page over writable, no copy.
            Tables.Protect(pageVa, Descriptors.PageSize, protection).ThrowIfFailed();
            CowFaults++;
            return FaultOutcome.Resolved;
        }
        if (UserPage.Allocate(k, out var copy) != Err.Ok) return FaultOutcome.OutOfMemory;
        old.Bytes(k.Ram).CopyTo(copy.Bytes(k.Ram));
        Tables.Unmap(pageVa, Descriptors.PageSize, out _).ThrowIfFailed();
        pages.Remove(pageVa);
        old.Release(k);
        if (MapFaultedLocked(pageVa, copy, protection) != FaultOutcome.Resolved) return FaultOutcome.OutOfMemory;
        CowFaults++;
        return FaultOutcome.Resolved;
    }

    /// <summary>Maps a page for a fault; no RAM left for a page table kills the process (OutOfMemory), not the host.</summary>
    FaultOutcome MapFaultedLocked(ulong pageVa, UserPage page, MapFlags protection)
    {
        var err = Tables.Map(pageVa, page.Frame, protection);
        if (err == Err.OutOfMemory)
        {
            page.Release(k);
            return FaultOutcome.OutOfMemory;
        }
        err.ThrowIfFailed();
        pages[pageVa] = page;
        return FaultOutcome.Resolved;
    }

    void MapLocked(ulong pageVa, UserPage page, MapFlags protection)
    {
        Tables.Map(pageVa, page.Frame, protection).ThrowIfFailed();
        pages[pageVa] = page;
    }

    /// <summary>Installs a page the loader filled (replacing nothing).</summary>
    public void MapPage(ulong pageVa, UserPage page, MapFlags protection)
    {
        if (!k.Calls.Local(Home)) { k.Calls.Call(Home, () => MapPage(pageVa, page, protection)); return; }
        k.Calls.Enter(Home);
        lock (gate) MapLocked(pageVa, page, protection);
    }

    /// <summary>Leaves a page of a region unmapped until its first fault, which fills it from source (the loader's image pages).</summary>
    public void AddUnreadPage(ulong pageVa, IPageSource source) => AddUnreadPages(pageVa, 1, source);

    /// <summary>AddUnreadPage for count consecutive pages from startVa, under one lock (a file mapping's).</summary>
    public void AddUnreadPages(ulong startVa, int count, IPageSource source)
    {
        if (!k.Calls.Local(Home)) { k.Calls.Call(Home, () => AddUnreadPages(startVa, count, source)); return; }
        k.Calls.Enter(Home);
        lock (gate)
            for (int i = 0; i < count; i++)
            {
                ulong pageVa = startVa + (ulong)i * Descriptors.PageSize;
                source.Track(+1);
                if (unread.Remove(pageVa, out var replaced)) replaced.Track(-1);
                unread[pageVa] = source;
            }
    }

    /// <summary>Image pages not read in yet (their first touch will fault).</summary>
    public int UnreadPageCount { get { lock (gate) return unread.Count; } }

    void ForgetUnreadLocked(ulong start, ulong size)
    {
        if (unread.Count == 0) return;
        if (size / Descriptors.PageSize < (ulong)unread.Count)
        {
            // A range smaller than what is unread (a munmap of a buffer): look its pages up.
            for (ulong va = start; va - start < size; va += Descriptors.PageSize)
                if (unread.Remove(va, out var source)) source.Track(-1);
            return;
        }
        var gone = new List<ulong>();
        foreach (ulong va in unread.Keys) if (va >= start && va - start < size) gone.Add(va);
        foreach (ulong va in gone)
            if (unread.Remove(va, out var source)) source.Track(-1);
    }

    /// <summary>Maps a frame capability of the home database at va (the native API's frame window).</summary>
    public Err MapFrame(ulong va, Fast.Os.Capabilities.Capability frame, MapFlags flags)
    {
        if (!k.Calls.Local(Home)) return k.Calls.Call(Home, () => MapFrame(va, frame, flags));
        k.Calls.Enter(Home);
        lock (gate) return Tables.Map(va, frame, flags);
    }

    /// <summary>
    /// The translation of va as the process sees it: the shadow tables on the home core; elsewhere a
    /// walk of the descriptors in RAM, as the vCPU's MMU does (no lock of the home database).
    /// </summary>
    public bool TryTranslate(ulong va, out ulong pa, out MapFlags flags)
    {
        if (k.Calls.Local(Home)) return Tables.TryTranslate(va, out pa, out flags);
        var w = SoftMmu.Walk(k.Ram, Ttbr0, va, AccessKind.Read);
        pa = w.Ok ? w.PhysicalAddress : 0;
        flags = !w.Ok ? MapFlags.None : (w.Readable ? MapFlags.Read : 0) | (w.Writable ? MapFlags.Write : 0) | (w.Executable ? MapFlags.Execute : 0);
        return w.Ok && w.Readable;
    }

    public UserPage? PageAt(ulong va)
    {
        lock (gate) return pages.TryGetValue(va & ~0xFFFUL, out var page) ? page : null;   // (GetValueOrDefault is JIT-compiled at start-up)
    }

    /// <summary>Unmaps and releases every page in [start, start + size) and forgets the regions there.</summary>
    public void Unmap(ulong start, ulong size)
    {
        if (!k.Calls.Local(Home)) { k.Calls.Call(Home, () => Unmap(start, size)); return; }
        k.Calls.Enter(Home);
        lock (gate)
        {
            Tables.Unmap(start, size, out _);
            ForgetUnreadLocked(start, size);
            foreach (var va in PagesIn(start, size))
            {
                pages.Remove(va, out var page);
                page!.Release(k);
            }
            Space.RemoveRange(start, size);
        }
    }

    // A loop, not LINQ: Where and ToList over ulong are JIT-compiled at start-up (15 methods).
    List<ulong> PagesIn(ulong start, ulong size)
    {
        var list = new List<ulong>();
        foreach (ulong va in pages.Keys) if (va >= start && va - start < size) list.Add(va);
        return list;
    }

    /// <summary>MADV_DONTNEED: drops the pages but keeps the regions; the next touch sees zeros.</summary>
    public void DiscardPages(ulong start, ulong size)
    {
        if (!k.Calls.Local(Home)) { k.Calls.Call(Home, () => DiscardPages(start, size)); return; }
        k.Calls.Enter(Home);
        lock (gate)
        {
            ForgetUnreadLocked(start, size);   // (zero afterwards, as a discarded page read in)
            foreach (var va in PagesIn(start, size))
            {
                Tables.Unmap(va, Descriptors.PageSize, out _);
                pages.Remove(va, out var page);
                page!.Release(k);
            }
        }
    }

    /// <summary>Changes the protection of the regions and mappings in a range (mprotect).</summary>
    public Err Protect(ulong start, ulong size, MapFlags protection)
    {
        if (!k.Calls.Local(Home)) return k.Calls.Call(Home, () => Protect(start, size, protection));
        k.Calls.Enter(Home);
        lock (gate)
        {
            foreach (var r in Space.Regions.Where(r => r.Start < start + size && r.End > start).ToList())
            {
                ulong s = Math.Max(r.Start, start), e = Math.Min(r.End, start + size);
                Space.RemoveRange(s, e - s);
                Space.AddRegion(s, e - s, r.Kind, protection, r.Name, out _);
            }
            foreach (var va in PagesIn(start, size))
            {
                // A page still shared after fork stays read-only until its copy-on-write fault.
                var flags = pages[va].RefCount > 1 ? protection & ~MapFlags.Write : protection;
                // PROT_NONE: the page leaves the tables (they cannot say "no access") but stays
                // the process's, so its contents come back with a readable protection.
                if ((flags & MapFlags.Read) == 0) Tables.Unmap(va, Descriptors.PageSize, out _);
                else if (Tables.TryTranslate(va, out _, out _)) Tables.Protect(va, Descriptors.PageSize, flags);
                else Tables.Map(va, pages[va].Frame, flags).ThrowIfFailed();
            }
            return Err.Ok;
        }
    }

    /// <summary>fork: a new address space with the same regions, sharing every page copy-on-write.</summary>
    public ProcessMemory ForkCopy()
    {
        if (!k.Calls.Local(Home)) return k.Calls.Call(Home, ForkCopy);
        k.Calls.Enter(Home);
        var child = Create(k);
        lock (gate)
        {
            foreach (var r in Space.Regions) child.Space.AddRegion(r.Start, r.Size, r.Kind, r.Protection, r.Name, out _).ThrowIfFailed();
            foreach (var (va, page) in pages)
            {
                var region = Space.FindRegion(va);
                var protection = region?.Protection ?? MapFlags.Read;
                var shared = protection & ~MapFlags.Write;
                page.AddRef();
                if ((protection & MapFlags.Read) == 0)
                {
                    lock (child.gate) child.pages[va] = page; // a PROT_NONE page: kept, not mapped
                    continue;
                }
                if ((protection & MapFlags.Write) != 0) Tables.Protect(va, Descriptors.PageSize, shared);
                child.MapPage(va, page, shared);
            }
            lock (child.gate)
                foreach (ulong va in unread.Keys)
                {
                    var source = unread[va];
                    source.Track(+1);
                    child.unread[va] = source;   // the child reads them in itself
                }
            child.BrkStart = BrkStart;
            child.SigreturnTrampoline = SigreturnTrampoline;
            child.Brk = Brk;
        }
        return child;
    }

    /// <summary>Releases every page and table (exit, execve).</summary>
    public void Destroy()
    {
        if (!k.Calls.Local(Home)) { k.Calls.Call(Home, Destroy); return; }
        k.Calls.Enter(Home);
        lock (gate)
        {
            if (destroyed) return;
            destroyed = true;
            foreach (ulong va in pages.Keys) pages[va].Release(k);   // (Keys: the Values enumerator is JIT-compiled at start-up)
            pages.Clear();
            foreach (ulong va in unread.Keys) unread[va].Track(-1);
            unread.Clear();
            foreach (var v in k.Machine.Vcpus) v.MarkAsidStale(Tables.Asid);
            k.ForgetAddressSpace(Tables.RootPa);
            Tables.Destroy();
        }
    }
}
