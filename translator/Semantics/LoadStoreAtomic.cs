// FEAT_LSE atomics (ARM ARM C6.2 LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP,
// CAS, CASP). Each is one single-copy-atomic read-modify-write of naturally aligned memory (an
// unaligned address is an alignment fault), done with a host compare-and-swap loop, an atomic
// exchange, or a compare-and-swap. Those host operations are full fences, which covers every
// acquire/release variant. Rt receives the old memory value zero-extended (nothing for Rt = 31,
// the ST<op> aliases). CASP of X registers goes through LoadStore's 128-bit pair lock.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStoreAtomic
{
    /// <summary>The value an LD&lt;op&gt; stores, from the old memory value and the Rs operand (both size bytes, zero-extended).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Apply(int op, ulong old, ulong operand, int bits) => op switch
    {
        0 => old + operand,                                                         // ADD
        1 => old & ~operand,                                                        // CLR (bit clear)
        2 => old ^ operand,                                                         // EOR
        3 => old | operand,                                                         // SET
        4 => (long)Bits.SignExtend(old, bits) >= (long)Bits.SignExtend(operand, bits) ? old : operand, // SMAX
        5 => (long)Bits.SignExtend(old, bits) <= (long)Bits.SignExtend(operand, bits) ? old : operand, // SMIN
        6 => old >= operand ? old : operand,                                        // UMAX
        _ => old <= operand ? old : operand,                                        // UMIN
    };

    /// <summary>LD&lt;op&gt;: atomically [Xn] = op([Xn], Rs); Rt = old [Xn].</summary>
    public static void AtomicOp(CpuState* c, uint s, uint n, uint t, uint size, int op)
    {
        int bytes = 1 << (int)size;
        ulong address = LoadStore.Base(c, n);
        ulong operand = CpuState.GetX(c, s) & Bits.Ones(bytes * 8);
        byte* p = GuestMemory.AtomicReadWritePointer(c, address, bytes);
        ulong old = LoadStore.AtomicRead(p, bytes);
        while (true)
        {
            ulong value = Apply(op, old, operand, bytes * 8);
            ulong seen = LoadStore.CompareExchange(p, bytes, value, old);
            if (seen == old) break;
            old = seen;
        }
        CpuState.SetX(c, t, old);
    }

    // LDADD{A}{L}{B,H}
    public static void LDADD(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 0);
    // LDCLR{A}{L}{B,H}
    public static void LDCLR(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 1);
    // LDEOR{A}{L}{B,H}
    public static void LDEOR(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 2);
    // LDSET{A}{L}{B,H}
    public static void LDSET(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 3);
    // LDSMAX{A}{L}{B,H}
    public static void LDSMAX(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 4);
    // LDSMIN{A}{L}{B,H}
    public static void LDSMIN(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 5);
    // LDUMAX{A}{L}{B,H}
    public static void LDUMAX(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 6);
    // LDUMIN{A}{L}{B,H}
    public static void LDUMIN(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => AtomicOp(c, Rs, Rn, Rt, size, 7);

    // SWP{A}{L}{B,H}
    public static void SWP(CpuState* c, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt)
    {
        int bytes = 1 << (int)size;
        ulong address = LoadStore.Base(c, Rn);
        ulong data = CpuState.GetX(c, Rs);
        byte* p = GuestMemory.AtomicReadWritePointer(c, address, bytes);
        ulong old = LoadStore.Exchange(p, bytes, data);
        CpuState.SetX(c, Rt, old);
    }

    // CAS{A}{L}{B,H}: if [Xn] == Rs then [Xn] = Rt; Rs = old [Xn]
    public static void CAS(CpuState* c, uint size, uint L, uint Rs, uint o0, uint Rn, uint Rt)
    {
        int bytes = 1 << (int)size;
        ulong address = LoadStore.Base(c, Rn);
        ulong expected = CpuState.GetX(c, Rs) & Bits.Ones(bytes * 8);
        ulong data = CpuState.GetX(c, Rt);
        byte* p = GuestMemory.AtomicReadWritePointer(c, address, bytes);
        ulong old = LoadStore.CompareExchange(p, bytes, data, expected);
        CpuState.SetX(c, Rs, old);
    }

    // CASP{A}{L}: compares <Rs, Rs+1> with the pair at [Xn]; if equal stores <Rt, Rt+1>; <Rs, Rs+1> = old pair
    public static void CASP(CpuState* c, uint sz, uint L, uint Rs, uint o0, uint Rn, uint Rt)
    {
        ulong address = LoadStore.Base(c, Rn);
        ulong s1 = CpuState.GetX(c, Rs), s2 = CpuState.GetX(c, Rs + 1);
        ulong t1 = CpuState.GetX(c, Rt), t2 = CpuState.GetX(c, Rt + 1);
        if (sz == 0)
        {
            byte* p = GuestMemory.AtomicReadWritePointer(c, address, 8);
            ulong old = LoadStore.CompareExchange(p, 8, (uint)t1 | (t2 << 32), (uint)s1 | (s2 << 32));
            CpuState.SetX(c, Rs, (uint)old);
            CpuState.SetX(c, Rs + 1, old >> 32);
        }
        else
        {
            byte* p = GuestMemory.AtomicReadWritePointer(c, address, 16);
            var old = LoadStore.CompareExchange128(p, address, new Vector128Bits { Low = t1, High = t2 }, new Vector128Bits { Low = s1, High = s2 });
            CpuState.SetX(c, Rs, old.Low);
            CpuState.SetX(c, Rs + 1, old.High);
        }
    }
}
