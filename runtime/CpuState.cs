// CpuState: the architectural state of one vCPU, in unmanaged memory with a fixed layout.
//
// Generated code and the interpreter address it through a CpuState* (no GC barriers, no pinning).
// The layout is part of the contract with tier 1 (it emits field offsets) and is checked by
// tests/Runtime/CpuStateLayoutTests. Offsets in bytes:
//
//   0    X[0..30]   general registers           248  SP (stored as X[31])
//   256  PC                                     264  NZCV in ARM format, bits 31..28
//   272  FPCR        276 FPSR                   280  TPIDR_EL0       288 TPIDRRO_EL0
//   296  exclusive monitor: address, 304 value low, 312 value high, 320 size (0 = open)
//   324  ExitReason  328 PendingInterrupt (written by other threads)  332 ASID
//   336  TTBR0       344 Control (MMU/alignment bits)  352 Tlb*      360 Owner (GCHandle of Vcpu)
//   368  Retired (guest instructions)                  376 Cntfrq
//   384  MemoryInstructions (loads/stores executed, both tiers; for the TLB hit-rate statistic)
//   392  (free)
//   400  MapEpoch (renewed, unique across vCPUs, by every TLB invalidation and ASID switch: a region
//        validated against the TLB at epoch E stays valid while MapEpoch == E)   408 RegionTable*
//   416  CurrentRegion (tier 1: header of the region running)   424 RegionChains (exits chained in IL)
//   432  BudgetEnd   440 RetiredLimit (tier 1)   448 TlbOffsetMask (the current Tlb's OffsetMask: the
//        entry of va is at Tlb + ((va >> 7) & TlbOffsetMask), see Tlb)
//   456  MissAddress  464 MissAccess (tier 1's miss exit: the access whose TLB probe missed, its
//        size | 0x100 for a write; the run loop refills the TLB and resumes the region there)
//   512  V[0..31]   128-bit SIMD&FP registers, 16-byte aligned
//
// Register 31 is SP or ZR depending on the encoding: storing SP in X[31] makes "Xn|SP" a plain
// load and "Xn|ZR" a load with one compare.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fast.Runtime;

[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct CpuState
{
    public const int Size = 1024;
    public const int SpIndex = 31;

    [FieldOffset(0)] public fixed ulong X[32];
    [FieldOffset(256)] public ulong PC;
    [FieldOffset(264)] public ulong Nzcv;
    [FieldOffset(272)] public uint Fpcr;
    [FieldOffset(276)] public uint Fpsr;
    [FieldOffset(280)] public ulong TpidrEl0;
    [FieldOffset(288)] public ulong TpidrroEl0;
    [FieldOffset(296)] public ulong ExclusiveAddress;
    [FieldOffset(304)] public ulong ExclusiveValueLow;
    [FieldOffset(312)] public ulong ExclusiveValueHigh;
    [FieldOffset(320)] public uint ExclusiveSize;
    [FieldOffset(324)] public ExitReason ExitReason;
    [FieldOffset(328)] public int PendingInterrupt;
    [FieldOffset(332)] public uint Asid;
    [FieldOffset(336)] public ulong Ttbr0;
    [FieldOffset(344)] public CpuControl Control;
    [FieldOffset(352)] public TlbEntry* Tlb;
    [FieldOffset(360)] public nint Owner;
    [FieldOffset(368)] public ulong Retired;
    [FieldOffset(376)] public ulong Cntfrq;
    [FieldOffset(384)] public ulong MemoryInstructions;
    [FieldOffset(400)] public ulong MapEpoch;
    [FieldOffset(408)] public nint RegionTable;
    [FieldOffset(416)] public nint CurrentRegion;
    [FieldOffset(424)] public ulong RegionChains;
    /// <summary>Tier 1: the end of the run loop's budget as an absolute Retired value (set before compiled code runs).</summary>
    [FieldOffset(432)] public ulong BudgetEnd;
    /// <summary>Tier 1: the running region's backward-edge limit, BudgetEnd minus its size (set at its entry).</summary>
    [FieldOffset(440)] public ulong RetiredLimit;
    /// <summary>Byte offset mask of the current TLB's main array (Tlb.OffsetMask; 0 = one entry).</summary>
    [FieldOffset(448)] public ulong TlbOffsetMask;
    /// <summary>Tier 1's miss exit: the address of the access that missed the TLB.</summary>
    [FieldOffset(456)] public ulong MissAddress;
    /// <summary>Tier 1's miss exit: the access's size in bytes, | MissWrite for a write.</summary>
    [FieldOffset(464)] public ulong MissAccess;
    public const ulong MissWrite = 0x100;
    [FieldOffset(512)] public fixed ulong V[64];

    public ulong SP { readonly get => X[SpIndex]; set => X[SpIndex] = value; }

    /// <summary>Reads Xn where register 31 is the zero register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong GetX(CpuState* c, uint n) => n == 31 ? 0 : c->X[n];

    /// <summary>Writes Xn where register 31 is the zero register (the write is discarded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetX(CpuState* c, uint n, ulong value)
    {
        if (n != 31) c->X[n] = value;
    }

    /// <summary>Reads Xn|SP (register 31 is the stack pointer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong GetXsp(CpuState* c, uint n) => c->X[n];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetXsp(CpuState* c, uint n, ulong value) => c->X[n] = value;

    public static ref Vector128Bits V128(CpuState* c, uint n) => ref Unsafe.AsRef<Vector128Bits>(&c->V[n * 2]);
}

/// <summary>One 128-bit SIMD&amp;FP register viewed as two 64-bit halves.</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public struct Vector128Bits
{
    public ulong Low;
    public ulong High;
}

/// <summary>Why the vCPU left generated code (set before returning to the run loop).</summary>
public enum ExitReason : uint
{
    None = 0,
    Halted = 1,
    Interrupt = 2,
    Budget = 3,
}

/// <summary>System-control bits the OS sets (the EL1 view of SCTLR_EL1 that EL0 code feels).</summary>
[Flags]
public enum CpuControl : ulong
{
    None = 0,
    /// <summary>SCTLR_EL1.M: stage-1 translation on. Off means VA = PA.</summary>
    MmuEnabled = 1,
    /// <summary>SCTLR_EL1.A: every unaligned data access faults.</summary>
    AlignmentCheck = 2,
    /// <summary>SCTLR_EL1.SA0: an SP-based access with SP not 16-byte aligned faults.</summary>
    StackAlignmentCheck = 4,
    /// <summary>SCTLR_EL1.UCT: EL0 may read CTR_EL0.</summary>
    UserCacheType = 8,
    /// <summary>SCTLR_EL1.DZE: EL0 may execute DC ZVA.</summary>
    UserDcZva = 16,
    /// <summary>SCTLR_EL1.UCI: EL0 may execute DC CVAU/CIVAC/CVAC and IC IVAU.</summary>
    UserCacheMaintenance = 32,
    /// <summary>HWCAP_CPUID: EL0 reads of MIDR_EL1 and the ID registers are emulated.</summary>
    UserCpuId = 64,
    /// <summary>The configuration Linux gives EL0.</summary>
    Linux = MmuEnabled | StackAlignmentCheck | UserCacheType | UserDcZva | UserCacheMaintenance,
}
