// GuestMemory: the inline fast path of every guest data access, used by both execution tiers.
//
// One TLB compare decides a hit (see Tlb's header for why the compare uses the page of the last
// byte). On a hit the host address is va + Addend; x86-64 tolerates unaligned host accesses, so
// an unaligned guest access within one page costs nothing extra, as it does on AArch64 with
// SCTLR_EL1.A = 0. Everything else falls into Vcpu.ReadSlow/WriteSlow.
using System.Runtime.CompilerServices;

namespace Fast.Runtime;

public static unsafe class GuestMemory
{
    const ulong PageMask = ~0xFFFUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static TlbEntry* Entry(CpuState* c, ulong va) => (TlbEntry*)((byte*)c->Tlb + ((va >> (12 - Tlb.EntryShift)) & c->TlbOffsetMask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Read8(CpuState* c, ulong va)
    {
        TlbEntry* e = Entry(c, va);
        if (e->ReadTag == (va & PageMask)) return *(byte*)(va + (ulong)e->Addend);
        return (byte)Vcpu.FromState(c).ReadSlow(va, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Read16(CpuState* c, ulong va)
    {
        TlbEntry* e = Entry(c, va);
        if (e->ReadTag == ((va + 1) & PageMask)) return Unsafe.ReadUnaligned<ushort>((byte*)(va + (ulong)e->Addend));
        return (ushort)Vcpu.FromState(c).ReadSlow(va, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Read32(CpuState* c, ulong va)
    {
        TlbEntry* e = Entry(c, va);
        if (e->ReadTag == ((va + 3) & PageMask)) return Unsafe.ReadUnaligned<uint>((byte*)(va + (ulong)e->Addend));
        return (uint)Vcpu.FromState(c).ReadSlow(va, 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read64(CpuState* c, ulong va)
    {
        TlbEntry* e = Entry(c, va);
        if (e->ReadTag == ((va + 7) & PageMask)) return Unsafe.ReadUnaligned<ulong>((byte*)(va + (ulong)e->Addend));
        return Vcpu.FromState(c).ReadSlow(va, 8);
    }

    /// <summary>Reads 16 bytes; the low 8 are at va. Not single-copy atomic (ARM ARM B2.2.1 allows two 64-bit accesses).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Bits Read128(CpuState* c, ulong va)
    {
        TlbEntry* e = Entry(c, va);
        if (e->ReadTag == ((va + 15) & PageMask)) return Unsafe.ReadUnaligned<Vector128Bits>((byte*)(va + (ulong)e->Addend));
        return Read128Slow(c, va);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static Vector128Bits Read128Slow(CpuState* c, ulong va)
    {
        var cpu = Vcpu.FromState(c);
        ulong low = cpu.ReadSlow(va, 8);
        ulong high = cpu.ReadSlow(va + 8, 8);
        return new Vector128Bits { Low = low, High = high };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write8(CpuState* c, ulong va, byte value)
    {
        TlbEntry* e = Entry(c, va);
        if (e->WriteTag == (va & PageMask)) *(byte*)(va + (ulong)e->Addend) = value;
        else Vcpu.FromState(c).WriteSlow(va, 1, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write16(CpuState* c, ulong va, ushort value)
    {
        TlbEntry* e = Entry(c, va);
        if (e->WriteTag == ((va + 1) & PageMask)) Unsafe.WriteUnaligned((byte*)(va + (ulong)e->Addend), value);
        else Vcpu.FromState(c).WriteSlow(va, 2, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write32(CpuState* c, ulong va, uint value)
    {
        TlbEntry* e = Entry(c, va);
        if (e->WriteTag == ((va + 3) & PageMask)) Unsafe.WriteUnaligned((byte*)(va + (ulong)e->Addend), value);
        else Vcpu.FromState(c).WriteSlow(va, 4, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write64(CpuState* c, ulong va, ulong value)
    {
        TlbEntry* e = Entry(c, va);
        if (e->WriteTag == ((va + 7) & PageMask)) Unsafe.WriteUnaligned((byte*)(va + (ulong)e->Addend), value);
        else Vcpu.FromState(c).WriteSlow(va, 8, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write128(CpuState* c, ulong va, Vector128Bits value)
    {
        TlbEntry* e = Entry(c, va);
        if (e->WriteTag == ((va + 15) & PageMask)) Unsafe.WriteUnaligned((byte*)(va + (ulong)e->Addend), value);
        else Write128Slow(c, va, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Write128Slow(CpuState* c, ulong va, Vector128Bits value)
    {
        var cpu = Vcpu.FromState(c);
        cpu.ProbeWrite(va, 16);
        cpu.WriteSlow(va, 8, value.Low);
        cpu.WriteSlow(va + 8, 8, value.High);
    }

    /// <summary>Reads size bytes (1, 2, 4, 8) zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(CpuState* c, ulong va, int size) => size switch
    {
        1 => Read8(c, va),
        2 => Read16(c, va),
        4 => Read32(c, va),
        _ => Read64(c, va),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(CpuState* c, ulong va, int size, ulong value)
    {
        switch (size)
        {
            case 1: Write8(c, va, (byte)value); break;
            case 2: Write16(c, va, (ushort)value); break;
            case 4: Write32(c, va, (uint)value); break;
            default: Write64(c, va, value); break;
        }
    }

    /// <summary>Host pointer for an aligned single-copy-atomic access (exclusives and LSE atomics).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* AtomicPointer(CpuState* c, ulong va, int size, bool write)
    {
        TlbEntry* e = Entry(c, va);
        ulong tag = write ? e->WriteTag : e->ReadTag;
        if (tag == (va & PageMask) && (va & (ulong)(size - 1)) == 0) return (byte*)(va + (ulong)e->Addend);
        return Vcpu.FromState(c).AtomicPointer(va, size, write ? AccessKind.Write : AccessKind.Read);
    }

    /// <summary>Host pointer for an aligned atomic read-modify-write (LSE: CAS, SWP, LD&lt;op&gt;).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* AtomicReadWritePointer(CpuState* c, ulong va, int size)
    {
        TlbEntry* e = Entry(c, va);
        if (e->WriteTag == (va & PageMask) && (va & (ulong)(size - 1)) == 0) return (byte*)(va + (ulong)e->Addend);
        return Vcpu.FromState(c).AtomicPointer(va, size, AccessKind.Write, readModifyWrite: true);
    }
}
