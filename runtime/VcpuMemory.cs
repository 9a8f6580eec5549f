// The slow path of guest memory access: TLB refill from the victim array or a page-table walk,
// MMIO, accesses that straddle a page boundary, writes to pages holding translated code, and
// aborts handed to the OS. GuestMemory holds the inline fast path that falls into these.
using System.Runtime.CompilerServices;

namespace Fast.Runtime;

public sealed unsafe partial class Vcpu
{
    const ulong PageMask = ~0xFFFUL;

    /// <summary>Outcome of translating one page for one kind of access.</summary>
    readonly struct PageAccess
    {
        public readonly byte* Host;         // null for MMIO
        public readonly IDevice? Device;
        public readonly ulong DeviceOffset; // of the page start
        public PageAccess(byte* host) { Host = host; Device = null; DeviceOffset = 0; }
        public PageAccess(IDevice device, ulong offset) { Host = null; Device = device; DeviceOffset = offset; }
    }

    static ulong TagFor(TlbEntry* e, AccessKind access) => access switch { AccessKind.Read => e->ReadTag, AccessKind.Write => e->WriteTag, _ => e->ExecTag };

    /// <summary>
    /// The TLB translates the page of va for access: as it stands (the slow paths also come here for
    /// pages it holds, each page of an access across two: no walk then, xz -6 walked twice per such
    /// access), or after a victim refill. Otherwise a miss is counted and false returned.
    /// </summary>
    bool TlbTranslates(ulong va, AccessKind access)
    {
        ulong page = va & PageMask;
        if (TagFor(Tlb.EntryOf(va), access) == page) return true;
        Tlb.Misses++;
        Tlb.MissesAtThisSize++;
        return Tlb.TryRefillFromVictim(va) && TagFor(Tlb.EntryOf(va), access) == page;
    }

    /// <summary>The stage-1 translation of va for access (VA = PA while the MMU is off).</summary>
    WalkResult WalkFor(ulong va, AccessKind access)
    {
        if ((State->Control & CpuControl.MmuEnabled) == 0) return new WalkResult(FaultKind.None, 3, va, true, true, true, true);
        PageWalks++;
        return SoftMmu.Walk(Ram, State->Ttbr0, va, access);
    }

    /// <summary>Translates the page of va for access, refilling the TLB; faults go to the OS.</summary>
    PageAccess TranslatePage(ulong va, AccessKind access)
    {
        while (true)
        {
            if (TlbTranslates(va, access)) return new PageAccess((byte*)(va + (ulong)Tlb.EntryOf(va)->Addend) - (va & 0xFFF));
            var walk = WalkFor(va, access);
            if (walk.Ok)
            {
                ulong pa = walk.PhysicalAddress & PageMask;
                if (Ram.IsRam(pa, PhysicalMemory.PageSize))
                {
                    if (access == AccessKind.Write && Ram.IsCodePage(pa)) Machine.OnCodePageWritten(pa);
                    InstallTranslation(va, pa, walk);
                    return new PageAccess(Ram.HostPointer(pa));
                }
                if (Ram.TryFindDevice(pa, out var device, out var offset)) return new PageAccess(device, offset);
                walk = walk with { Fault = FaultKind.External };
            }

            var kind = access == AccessKind.Execute ? ExceptionKind.InstructionAbort : ExceptionKind.DataAbort;
            uint syndrome = access == AccessKind.Execute
                ? Syndrome.InstructionAbort(walk.Fault, walk.Level)
                : Syndrome.DataAbort(walk.Fault, walk.Level, access == AccessKind.Write);
            ulong pc = access == AccessKind.Execute ? va : State->PC;
            TakeAbort(new GuestException(kind, syndrome, pc, va, walk.Fault, access, walk.Level));
        }
    }

    /// <summary>
    /// Makes an access of size bytes at va hit the TLB fast path if that needs no fault, no device,
    /// no code-page invalidation and no second page: a victim refill or a walk that permits it.
    /// Tier 1's miss exit (CpuState.MissAddress) asks this before resuming its region; false means
    /// the interpreter must take the instruction (it faults, assembles or invalidates as needed).
    /// </summary>
    public bool TryRefill(ulong va, int size, bool write)
    {
        ulong page = va & PageMask;
        if (((va + (ulong)size - 1) & PageMask) != page) return false;
        var access = write ? AccessKind.Write : AccessKind.Read;
        if (TlbTranslates(va, access)) return true;
        var walk = WalkFor(va, access);
        if (!walk.Ok) return false;
        ulong pa = walk.PhysicalAddress & PageMask;
        if (!Ram.IsRam(pa, PhysicalMemory.PageSize)) return false;
        InstallTranslation(va, pa, walk);
        return TagFor(Tlb.EntryOf(va), access) == page;   // not for a write to a code page
    }

    void InstallTranslation(ulong va, ulong pa, in WalkResult walk)
    {
        ulong page = va & PageMask;
        var entry = new TlbEntry
        {
            ReadTag = walk.Readable ? page : TlbEntry.InvalidTag,
            WriteTag = walk.Writable && !Ram.IsCodePage(pa) ? page : TlbEntry.InvalidTag,
            ExecTag = walk.Executable ? page : TlbEntry.InvalidTag,
            Addend = (long)((ulong)Ram.HostPointer(pa) - page),
        };
        Tlb.Install(entry, new TlbEntryInfo(pa, (ushort)State->Asid, walk.Global), va);
    }

    /// <summary>Host pointer to an instruction word at va (4-byte aligned; never straddles). Faults go to the OS.</summary>
    public byte* FetchPointer(ulong va, out ulong physicalAddress)
    {
        if (Tlb.EntryOf(va)->ExecTag != (va & PageMask))
        {
            var page = TranslatePage(va, AccessKind.Execute);
            if (page.Host == null)
            {
                // Executing from a device: an instruction abort (synchronous external abort).
                TakeAbort(new GuestException(ExceptionKind.InstructionAbort, Syndrome.InstructionAbort(FaultKind.External, 0), va, va, FaultKind.External, AccessKind.Execute));
            }
        }
        TlbEntry* e = Tlb.EntryOf(va);   // after TranslatePage: it refilled this slot
        byte* host = (byte*)(va + (ulong)e->Addend);
        physicalAddress = Tlb.PhysicalPageOf(e) | (va & 0xFFF);
        return host;
    }

    /// <summary>Reads size (1..8) bytes at va; the slow path of GuestMemory.ReadN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong ReadSlow(ulong va, int size)
    {
        ulong last = va + (ulong)size - 1;
        if ((va & PageMask) == (last & PageMask))
        {
            var page = TranslatePage(va, AccessKind.Read);
            if (page.Host != null) return LoadLittleEndian(page.Host + (va & 0xFFF), size);
            return page.Device!.Read(page.DeviceOffset + (va & 0xFFF), size);
        }
        // Straddles two pages: translate both first so a fault on either is precise, then assemble.
        var first = TranslatePage(va, AccessKind.Read);
        var second = TranslatePage(last & PageMask, AccessKind.Read);
        ulong value = 0;
        for (int i = 0; i < size; i++)
        {
            ulong a = va + (ulong)i;
            var p = (a & PageMask) == (va & PageMask) ? first : second;
            ulong b = p.Host != null ? p.Host[a & 0xFFF] : p.Device!.Read(p.DeviceOffset + (a & 0xFFF), 1);
            value |= b << (8 * i);
        }
        return value;
    }

    /// <summary>Writes size (1..8) bytes at va; the slow path of GuestMemory.WriteN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void WriteSlow(ulong va, int size, ulong value)
    {
        ulong last = va + (ulong)size - 1;
        if ((va & PageMask) == (last & PageMask))
        {
            var page = TranslatePage(va, AccessKind.Write);
            if (page.Host != null) StoreLittleEndian(page.Host + (va & 0xFFF), size, value);
            else page.Device!.Write(page.DeviceOffset + (va & 0xFFF), size, value);
            return;
        }
        var first = TranslatePage(va, AccessKind.Write);
        var second = TranslatePage(last & PageMask, AccessKind.Write);
        for (int i = 0; i < size; i++)
        {
            ulong a = va + (ulong)i;
            var p = (a & PageMask) == (va & PageMask) ? first : second;
            byte b = (byte)(value >> (8 * i));
            if (p.Host != null) p.Host[a & 0xFFF] = b;
            else p.Device!.Write(p.DeviceOffset + (a & 0xFFF), 1, b);
        }
    }

    /// <summary>
    /// Host pointer for an aligned access that must be single-copy atomic (exclusives, LSE atomics).
    /// Raises an alignment fault if va is not aligned to size; MMIO is an external abort.
    /// </summary>
    public byte* AtomicPointer(ulong va, int size, AccessKind access, bool readModifyWrite = false)
    {
        // An atomic that reads and writes reports a fault as a read (WnR = 0) when a read of the
        // location would fault, and as a write otherwise (ARM ARM D17.2.37, ISS.WnR). The alignment
        // check comes first (AArch64.CheckAlignment precedes translation in Mem[]).
        if ((va & (ulong)(size - 1)) != 0) AlignmentFault(va, readModifyWrite ? AccessKind.Read : access);
        if (readModifyWrite) TranslatePage(va, AccessKind.Read);
        while (true)
        {
            ref TlbEntry e = ref *Tlb.EntryOf(va);
            ulong tag = access == AccessKind.Write ? e.WriteTag : e.ReadTag;
            if (tag == (va & PageMask)) return (byte*)(va + (ulong)e.Addend);
            var page = TranslatePage(va, access);
            if (page.Host == null)
            {
                TakeAbort(new GuestException(ExceptionKind.DataAbort, Syndrome.DataAbort(FaultKind.External, 0, access == AccessKind.Write),
                    State->PC, va, FaultKind.External, access));
            }
            if (access != AccessKind.Write || Tlb.EntryOf(va)->WriteTag == (va & PageMask))
                return page.Host + (va & 0xFFF);
        }
    }

    /// <summary>Checks that an access of size bytes at va may be written, without writing (a probe).</summary>
    public void ProbeWrite(ulong va, int size)
    {
        TranslatePage(va, AccessKind.Write);
        ulong last = va + (ulong)size - 1;
        // Like WriteSlow, a fault on the second page is reported at that page's first byte.
        if ((last & PageMask) != (va & PageMask)) TranslatePage(last & PageMask, AccessKind.Write);
    }

    static ulong LoadLittleEndian(byte* p, int size) => size switch
    {
        1 => *p,
        2 => Unsafe.ReadUnaligned<ushort>(p),
        4 => Unsafe.ReadUnaligned<uint>(p),
        _ => Unsafe.ReadUnaligned<ulong>(p),
    };

    static void StoreLittleEndian(byte* p, int size, ulong value)
    {
        switch (size)
        {
            case 1: *p = (byte)value; break;
            case 2: Unsafe.WriteUnaligned(p, (ushort)value); break;
            case 4: Unsafe.WriteUnaligned(p, (uint)value); break;
            default: Unsafe.WriteUnaligned(p, value); break;
        }
    }
}
