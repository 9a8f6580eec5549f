// Shared pseudocode of the A64 loads and stores (ARM ARM C6.2, "Load/store" instruction pages, and
// the J1 shared functions they call): base register with the SP alignment check, addressing modes
// with write-back, integer and SIMD&FP transfers, and the host atomics that exclusives and LSE use.
// The per-instruction methods live in LoadStoreRegister, LoadStoreRegisterOffset, LoadStoreFp,
// LoadStoreLiteral, LoadStorePair, LoadStoreExclusive and LoadStoreAtomic.
//
// Order of effects: every memory access happens before any register is written, so an access the
// OS abandons (GuestRedirectException) leaves the registers untouched.
//
// CONSTRAINED UNPREDICTABLE choices (ARM ARM K1.2.6/K1.2.7), taken to match QEMU/Unicorn 2.0.1
// (checked with a one-instruction Unicorn run of each case):
//   - load with write-back and Rn == Rt (Rn != SP): the register gets the written-back address;
//   - store with write-back and Rn == Rt: the value stored is Rt before the write-back;
//   - LDP/LDXP/LDAXP with Rt == Rt2: Rt gets the first (lower-address) element;
//   - STXR/STLXR/STXP with Rs == Rt or Rs == Rn: the store uses the old values, then Rs is written.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStore
{
    /// <summary>Addressing modes: [Xn, #off], [Xn, #off]!, [Xn], #off.</summary>
    public const int Offset = 0, PreIndex = 1, PostIndex = 2;

    /// <summary>
    /// The base register Xn|SP. With n == 31 the ARM ARM calls CheckSPAlignment(): an SP that is
    /// not 16-byte aligned faults when SCTLR_EL1.SA0 is set (CpuControl.StackAlignmentCheck).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Base(CpuState* c, uint n)
    {
        ulong address = c->X[n];
        if (n == 31 && SpMisaligned(c, address)) SpAlignmentFault(c);
        return address;
    }

    /// <summary>CheckSPAlignment's condition: SP not 16-byte aligned while SCTLR_EL1.SA0 is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SpMisaligned(CpuState* c, ulong sp) => (sp & 0xF) != 0 && (c->Control & CpuControl.StackAlignmentCheck) != 0;

    /// <summary>SP alignment fault (ARM ARM D1.3.6): EC 0x26, reported at the instruction.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SpAlignmentFault(CpuState* c) =>
        Vcpu.FromState(c).TakeAbort(new GuestException(ExceptionKind.SpAlignment,
            Syndrome.Make(Syndrome.EcSpAlignment, 0), c->PC, c->SP, FaultKind.Alignment));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Imm9(uint imm9) => Bits.SignExtend(imm9, 9);

    /// <summary>The offset of a register-offset form: ExtendReg(Xm, option, shift) (option&lt;1&gt; == 1 only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong RegisterOffset(CpuState* c, uint m, uint option, int shift) =>
        Bits.ExtendReg(CpuState.GetX(c, m), option, shift, 64);

    /// <summary>The address accessed: base + offset, or the base itself for post-index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Address(ulong baseAddress, ulong offset, int mode) => mode == PostIndex ? baseAddress : baseAddress + offset;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void WriteBack(CpuState* c, uint n, ulong baseAddress, ulong offset, int mode)
    {
        if (mode != Offset) CpuState.SetXsp(c, n, baseAddress + offset);
    }

    // ---- integer registers ----

    /// <summary>Loads size bytes, sign- or zero-extended to regsize (32 or 64) bits, into Rt; then write-back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(CpuState* c, uint n, uint t, ulong offset, int size, bool signed, int regsize, int mode)
    {
        ulong baseAddress = Base(c, n);
        ulong data = GuestMemory.Read(c, Address(baseAddress, offset, mode), size);
        if (signed) data = Bits.SignExtend(data, size * 8);
        if (regsize == 32) data = (uint)data;
        CpuState.SetX(c, t, data);
        WriteBack(c, n, baseAddress, offset, mode); // after the load: with Rn == Rt the address wins
    }

    /// <summary>Stores the low size bytes of Rt; then write-back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(CpuState* c, uint n, uint t, ulong offset, int size, int mode)
    {
        ulong baseAddress = Base(c, n);
        ulong data = CpuState.GetX(c, t);
        GuestMemory.Write(c, Address(baseAddress, offset, mode), size, data);
        WriteBack(c, n, baseAddress, offset, mode);
    }

    // ---- SIMD&FP registers ----

    /// <summary>Reads size (1, 2, 4, 8, 16) bytes as a zero-extended 128-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Bits ReadVector(CpuState* c, ulong address, int size) =>
        size == 16 ? GuestMemory.Read128(c, address) : new Vector128Bits { Low = GuestMemory.Read(c, address, size) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteVector(CpuState* c, ulong address, int size, Vector128Bits value)
    {
        if (size == 16) GuestMemory.Write128(c, address, value);
        else GuestMemory.Write(c, address, size, value.Low);
    }

    /// <summary>Vt = value (a scalar load zeroes the rest of the 128-bit register: ARM ARM V[] write).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetV(CpuState* c, uint t, Vector128Bits value)
    {
        c->V[t * 2] = value.Low;
        c->V[t * 2 + 1] = value.High;
    }

    /// <summary>The low size bytes of Vt (upper bytes cleared).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Bits GetV(CpuState* c, uint t, int size) => size switch
    {
        16 => new Vector128Bits { Low = c->V[t * 2], High = c->V[t * 2 + 1] },
        8 => new Vector128Bits { Low = c->V[t * 2] },
        _ => new Vector128Bits { Low = c->V[t * 2] & Bits.Ones(size * 8) },
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadFp(CpuState* c, uint n, uint t, ulong offset, int size, int mode)
    {
        ulong baseAddress = Base(c, n);
        var data = ReadVector(c, Address(baseAddress, offset, mode), size);
        SetV(c, t, data);
        WriteBack(c, n, baseAddress, offset, mode);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreFp(CpuState* c, uint n, uint t, ulong offset, int size, int mode)
    {
        ulong baseAddress = Base(c, n);
        WriteVector(c, Address(baseAddress, offset, mode), size, GetV(c, t, size));
        WriteBack(c, n, baseAddress, offset, mode);
    }

    /// <summary>
    /// Before the first element of a multi-element store (STP), checks that every byte is writable
    /// when the access straddles a page, so a fault on the second page writes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ProbeStraddlingWrite(CpuState* c, ulong address, int size)
    {
        if ((address & 0xFFF) + (ulong)size > 0x1000) ProbePages(c, address, size);
    }

    /// <summary>Probes the first page, then the second from its first byte (the fault address a straddling single store reports).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ProbePages(CpuState* c, ulong address, int size)
    {
        var cpu = Vcpu.FromState(c);
        cpu.ProbeWrite(address, 1);
        cpu.ProbeWrite((address + (ulong)size - 1) & ~0xFFFUL, 1);
    }

    // ---- single-copy-atomic host accesses (exclusives, ordered, LSE) ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AtomicRead(byte* p, int size) => size switch
    {
        1 => Volatile.Read(ref *p),
        2 => Volatile.Read(ref *(ushort*)p),
        4 => Volatile.Read(ref *(uint*)p),
        _ => Volatile.Read(ref *(ulong*)p),
    };

    /// <summary>Store-release of size bytes followed by a full fence (so a later LDAR cannot pass it: RCsc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AtomicWriteRelease(byte* p, int size, ulong value)
    {
        switch (size)
        {
            case 1: Volatile.Write(ref *p, (byte)value); break;
            case 2: Volatile.Write(ref *(ushort*)p, (ushort)value); break;
            case 4: Volatile.Write(ref *(uint*)p, (uint)value); break;
            default: Volatile.Write(ref *(ulong*)p, value); break;
        }
        Interlocked.MemoryBarrier();
    }

    /// <summary>Host compare-and-swap of size bytes; returns the value seen (zero-extended). A full fence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong CompareExchange(byte* p, int size, ulong value, ulong comparand) => size switch
    {
        1 => Interlocked.CompareExchange(ref *p, (byte)value, (byte)comparand),
        2 => Interlocked.CompareExchange(ref *(ushort*)p, (ushort)value, (ushort)comparand),
        4 => Interlocked.CompareExchange(ref *(uint*)p, (uint)value, (uint)comparand),
        _ => Interlocked.CompareExchange(ref *(ulong*)p, value, comparand),
    };

    /// <summary>Host atomic exchange of size bytes; returns the old value. A full fence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Exchange(byte* p, int size, ulong value) => size switch
    {
        1 => Interlocked.Exchange(ref *p, (byte)value),
        2 => Interlocked.Exchange(ref *(ushort*)p, (ushort)value),
        4 => Interlocked.Exchange(ref *(uint*)p, (uint)value),
        _ => Interlocked.Exchange(ref *(ulong*)p, value),
    };

    // .NET has no 128-bit compare-and-swap (x86 CMPXCHG16B is not exposed), so the 128-bit
    // atomics (LDXP/STXP and CASP of X registers) serialise on a lock chosen by the address. They
    // are atomic with respect to each other; a plain or 64-bit store by another vCPU to the same
    // 16 bytes between the compare and the write of a locked operation is not detected.
    static readonly object[] pairLocks = CreateLocks(64);

    static object[] CreateLocks(int n)
    {
        var locks = new object[n];
        for (int i = 0; i < n; i++) locks[i] = new object();
        return locks;
    }

    public static object PairLock(ulong address) => pairLocks[(address >> 4) & 63];

    public static Vector128Bits Read128Locked(byte* p, ulong address)
    {
        lock (PairLock(address))
            return new Vector128Bits { Low = Volatile.Read(ref *(ulong*)p), High = Volatile.Read(ref *(ulong*)(p + 8)) };
    }

    /// <summary>128-bit compare-and-swap under the pair lock; returns the value seen.</summary>
    public static Vector128Bits CompareExchange128(byte* p, ulong address, Vector128Bits value, Vector128Bits comparand)
    {
        lock (PairLock(address))
        {
            var seen = new Vector128Bits { Low = Volatile.Read(ref *(ulong*)p), High = Volatile.Read(ref *(ulong*)(p + 8)) };
            if (seen.Low == comparand.Low && seen.High == comparand.High)
            {
                Volatile.Write(ref *(ulong*)p, value.Low);
                Volatile.Write(ref *(ulong*)(p + 8), value.High);
            }
            Interlocked.MemoryBarrier();
            return seen;
        }
    }
}
