// Exclusives and ordered accesses (ARM ARM C6.2 LDXR, LDAXR, STXR, STLXR, LDXP, LDAXP, STXP,
// STLXP, LDAR, STLR; the monitor model of B2.9).
//
// The local monitor lives in CpuState: ExclusiveAddress/ExclusiveSize (0 = open access) and the
// value the load-exclusive read (ExclusiveValueLow/High). A store-exclusive passes only if the
// monitor is set for the same address and size AND a host compare-and-swap from the recorded
// value to the new one succeeds; that CAS is what makes exclusives correct between vCPU threads
// (a store by another vCPU that changed the value makes it fail; one that wrote the same value
// back is indistinguishable, which the architecture's monitor granule also tolerates). A
// store-exclusive always clears the monitor. The 128-bit pair forms go through LoadStore's pair
// lock (see there). All of these need natural alignment (alignment fault otherwise); acquire and
// release come from the host operations: Volatile.Read is an acquire, Interlocked operations are
// full fences, and STLR adds a full fence after its store.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class LoadStoreExclusive
{
    /// <summary>Alignment check of a store-exclusive, made before the monitor is consulted (AArch64.ExclusiveMonitorsPass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void CheckAligned(CpuState* c, ulong address, int size)
    {
        if ((address & (ulong)(size - 1)) != 0) Vcpu.FromState(c).AlignmentFault(address, AccessKind.Write);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool MonitorHolds(CpuState* c, ulong address, int size) =>
        c->ExclusiveSize == (uint)size && c->ExclusiveAddress == address;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void SetMonitor(CpuState* c, ulong address, int size, ulong low, ulong high)
    {
        c->ExclusiveAddress = address;
        c->ExclusiveValueLow = low;
        c->ExclusiveValueHigh = high;
        c->ExclusiveSize = (uint)size;
    }

    /// <summary>LDXR/LDAXR: a single-copy-atomic load that arms the monitor.</summary>
    public static void LoadExclusive(CpuState* c, uint n, uint t, int size)
    {
        ulong address = LoadStore.Base(c, n);
        byte* p = GuestMemory.AtomicPointer(c, address, size, false);
        ulong data = LoadStore.AtomicRead(p, size);
        SetMonitor(c, address, size, data, 0);
        CpuState.SetX(c, t, data);
    }

    /// <summary>STXR/STLXR: Ws = 0 if the store happened, 1 if not.</summary>
    public static void StoreExclusive(CpuState* c, uint s, uint n, uint t, int size)
    {
        ulong address = LoadStore.Base(c, n);
        CheckAligned(c, address, size);
        ulong data = CpuState.GetX(c, t);
        ulong status = 1;
        if (MonitorHolds(c, address, size))
        {
            byte* p = GuestMemory.AtomicPointer(c, address, size, true);
            ulong expected = c->ExclusiveValueLow;
            if (LoadStore.CompareExchange(p, size, data, expected) == expected) status = 0;
        }
        c->ExclusiveSize = 0;
        CpuState.SetX(c, s, status);
    }

    /// <summary>LDXP/LDAXP: two registers of elementSize (4 or 8) bytes read as one atomic access.</summary>
    public static void LoadExclusivePair(CpuState* c, uint n, uint t, uint t2, int elementSize)
    {
        ulong address = LoadStore.Base(c, n);
        byte* p = GuestMemory.AtomicPointer(c, address, 2 * elementSize, false);
        ulong data1, data2;
        if (elementSize == 4)
        {
            ulong both = LoadStore.AtomicRead(p, 8);
            SetMonitor(c, address, 8, both, 0);
            data1 = (uint)both;
            data2 = both >> 32;
        }
        else
        {
            var both = LoadStore.Read128Locked(p, address);
            SetMonitor(c, address, 16, both.Low, both.High);
            data1 = both.Low;
            data2 = both.High;
        }
        CpuState.SetX(c, t2, data2);
        CpuState.SetX(c, t, data1); // Rt == Rt2: the first element wins (as LDP)
    }

    /// <summary>STXP/STLXP.</summary>
    public static void StoreExclusivePair(CpuState* c, uint s, uint n, uint t, uint t2, int elementSize)
    {
        ulong address = LoadStore.Base(c, n);
        int size = 2 * elementSize;
        CheckAligned(c, address, size);
        ulong data1 = CpuState.GetX(c, t), data2 = CpuState.GetX(c, t2);
        ulong status = 1;
        if (MonitorHolds(c, address, size))
        {
            byte* p = GuestMemory.AtomicPointer(c, address, size, true);
            if (elementSize == 4)
            {
                ulong expected = c->ExclusiveValueLow;
                ulong value = (uint)data1 | (data2 << 32);
                if (LoadStore.CompareExchange(p, 8, value, expected) == expected) status = 0;
            }
            else
            {
                var expected = new Vector128Bits { Low = c->ExclusiveValueLow, High = c->ExclusiveValueHigh };
                var seen = LoadStore.CompareExchange128(p, address, new Vector128Bits { Low = data1, High = data2 }, expected);
                if (seen.Low == expected.Low && seen.High == expected.High) status = 0;
            }
        }
        c->ExclusiveSize = 0;
        CpuState.SetX(c, s, status);
    }

    // STXR: size 00 B, 01 H, 10 W, 11 X
    public static void STXR(CpuState* c, uint size, uint Rs, uint Rn, uint Rt) => StoreExclusive(c, Rs, Rn, Rt, 1 << (int)size);
    // STLXR (the CAS is a full fence: release)
    public static void STLXR(CpuState* c, uint size, uint Rs, uint Rn, uint Rt) => StoreExclusive(c, Rs, Rn, Rt, 1 << (int)size);
    // LDXR
    public static void LDXR(CpuState* c, uint size, uint Rn, uint Rt) => LoadExclusive(c, Rn, Rt, 1 << (int)size);
    // LDAXR (the volatile read is an acquire)
    public static void LDAXR(CpuState* c, uint size, uint Rn, uint Rt) => LoadExclusive(c, Rn, Rt, 1 << (int)size);
    // STXP
    public static void STXP(CpuState* c, uint sz, uint Rs, uint Rt2, uint Rn, uint Rt) => StoreExclusivePair(c, Rs, Rn, Rt, Rt2, 4 << (int)sz);
    // STLXP
    public static void STLXP(CpuState* c, uint sz, uint Rs, uint Rt2, uint Rn, uint Rt) => StoreExclusivePair(c, Rs, Rn, Rt, Rt2, 4 << (int)sz);
    // LDXP
    public static void LDXP(CpuState* c, uint sz, uint Rt2, uint Rn, uint Rt) => LoadExclusivePair(c, Rn, Rt, Rt2, 4 << (int)sz);
    // LDAXP
    public static void LDAXP(CpuState* c, uint sz, uint Rt2, uint Rn, uint Rt) => LoadExclusivePair(c, Rn, Rt, Rt2, 4 << (int)sz);

    // STLR: store-release, naturally aligned
    public static void STLR(CpuState* c, uint size, uint Rn, uint Rt)
    {
        int bytes = 1 << (int)size;
        ulong address = LoadStore.Base(c, Rn);
        ulong data = CpuState.GetX(c, Rt);
        byte* p = GuestMemory.AtomicPointer(c, address, bytes, true);
        LoadStore.AtomicWriteRelease(p, bytes, data);
    }

    // LDAR: load-acquire, naturally aligned
    public static void LDAR(CpuState* c, uint size, uint Rn, uint Rt)
    {
        int bytes = 1 << (int)size;
        ulong address = LoadStore.Base(c, Rn);
        byte* p = GuestMemory.AtomicPointer(c, address, bytes, false);
        CpuState.SetX(c, Rt, LoadStore.AtomicRead(p, bytes));
    }
}
