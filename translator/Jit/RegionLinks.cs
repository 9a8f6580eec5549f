// RegionLinks: what compiled regions read to jump straight into each other (DESIGN.md section 3,
// "chaining"), in unmanaged memory so the IL reads it with plain loads.
//
//   RegionHeader   one per region, never freed: Valid (cleared on invalidation), the code pointer
//                  (the method's entry, entered with `tail. calli`) and a GCHandle of the Region (the
//                  run loop maps CpuState.CurrentRegion back to it). A header outlives its region so
//                  that a stale link can always read Valid = 0; it is 24 bytes.
//   LinkSlot       one per direct exit of a region: the header of the region that exit was last found
//                  to enter (tagged Covered when the target's pages are the source's: no check
//                  needed), and the MapEpoch it was checked at. The run loop fills it; the source
//                  region's IL follows it. Regions are shared by all vCPUs, so a slot is written by
//                  one while others read it: MapEpoch values are unique across vCPUs (Tlb.NextEpoch,
//                  never 0); the writer stores epoch 0, then the target, then the epoch; a reader
//                  loads the target, then the epoch. Under x86-64's store order a reader that sees
//                  a new target sees epoch 0 or the writer's epoch, and a reader that sees the old
//                  target with the new epoch is not the writer: no mix of the two ever matches.
//   RegionTableEntry  one per slot of a vCPU's region jump table (CpuState.RegionTable): PC, the
//                  MapEpoch the entry was checked at, the header and the index of the block at PC.
//                  Indirect exits (BR, BLR, RET) probe it in IL; the run loop fills it.
//
// A link or table entry is only followed when its epoch equals CpuState.MapEpoch, which every TLB
// invalidation and ASID switch bumps: a translation checked through the TLB at epoch E still holds
// at epoch E (the OS invalidates the TLB whenever it removes or changes a mapping).
//
// Reclamation: an invalidated region may still be running on some vCPU (entered through a link a
// moment before). Its Region (and so its DynamicMethod) is kept by the GCHandle until every vCPU
// has left compiled code at least once since the invalidation (RegionReclaimer); then the handle
// and the link slots are freed. Only the 24-byte header stays.
using System.Runtime.InteropServices;

namespace Fast.Translator.Jit;

[StructLayout(LayoutKind.Explicit, Size = 24)]
public struct RegionHeader
{
    [FieldOffset(0)] public int Valid;
    [FieldOffset(8)] public nint Code;
    [FieldOffset(16)] public nint Handle;

    public const int CodeOffset = 8;
}

[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct LinkSlot
{
    /// <summary>The target's header, with CoveredBit set when its pages are the source's own (no mapping
    /// check) and, from bit EntryShift up, the index of the target block to enter (Region.BlockStarts).</summary>
    [FieldOffset(0)] public RegionHeader* Target;
    [FieldOffset(8)] public ulong Epoch;

    public const nint CoveredBit = 1;
    public const int Size = 16, EpochOffset = 8, EntryShift = 48;
    /// <summary>The header's bits of Target (user-space pointers are below 2^47, headers 8-byte aligned).</summary>
    public const ulong HeaderMask = (1UL << EntryShift) - 1 - (ulong)CoveredBit;

    public static nint Pack(RegionHeader* header, int entry, bool covered) =>
        (nint)header | ((nint)entry << EntryShift) | (covered ? CoveredBit : 0);
}

[StructLayout(LayoutKind.Explicit, Size = 32)]
public unsafe struct RegionTableEntry
{
    [FieldOffset(0)] public ulong Pc;
    [FieldOffset(8)] public ulong Epoch;
    [FieldOffset(16)] public RegionHeader* Header;
    /// <summary>The index of the block at Pc among the region's BlockStarts (the entry the method takes).</summary>
    [FieldOffset(24)] public int Index;

    public const int Bits = 12, Count = 1 << Bits, SizeShift = 5, EpochOffset = 8, HeaderOffset = 16, IndexOffset = 24;
    public const ulong Mask = Count - 1;

    public static nint Allocate() => (nint)NativeMemory.AllocZeroed((nuint)(Count << SizeShift));

    public static RegionTableEntry* Slot(nint table, ulong pc) => (RegionTableEntry*)table + ((pc >> 2) & Mask);
}

/// <summary>Headers come from chunks that are never freed (see the file comment).</summary>
static unsafe class RegionHeaders
{
    const int ChunkHeaders = 1024;
    static readonly object Gate = new();
    static RegionHeader* chunk;
    static int used = ChunkHeaders;

    public static RegionHeader* Allocate()
    {
        lock (Gate)
        {
            if (used == ChunkHeaders)
            {
                chunk = (RegionHeader*)NativeMemory.AllocZeroed((nuint)(sizeof(RegionHeader) * ChunkHeaders));
                used = 0;
            }
            return chunk + used++;
        }
    }
}

/// <summary>
/// Frees invalidated regions once no vCPU can be running them: a batch of retired regions is freed
/// when every vCPU has, since the batch closed, either left compiled code or been seen outside it.
/// </summary>
public static class RegionReclaimer
{
    /// <summary>One per vCPU run loop: InRegions is 1 while it runs compiled code; Passes counts its exits from it.</summary>
    public sealed class Participant
    {
        public volatile int InRegions;
        public long Passes;
        /// <summary>Passes when the batch waiting to be freed closed (under Gate; a field, not a
        /// List of (Participant, long): that instantiation was JIT-compiled at every start).</summary>
        internal long PassesAtSnapshot;
        public Participant() { lock (Gate) participants.Add(new WeakReference<Participant>(this)); }
    }

    static readonly object Gate = new();
    static readonly List<WeakReference<Participant>> participants = new();
    static List<Region> retired = new();
    static List<Region>? batch;
    static List<Participant> snapshot = new();
    /// <summary>Non-zero while something waits to be freed (read by the run loop without the lock).</summary>
    public static volatile int Pending;
    public static long Freed;

    internal static void Retire(Region region)
    {
        lock (Gate) { retired.Add(region); Pending = 1; }
    }

    /// <summary>Frees what can be freed now; cheap to call often.</summary>
    public static void TryReclaim()
    {
        lock (Gate)
        {
            if (batch is not null)
            {
                foreach (var p in snapshot)
                    if (p.InRegions != 0 && Volatile.Read(ref p.Passes) == p.PassesAtSnapshot) return;
                foreach (var r in batch) r.Release();
                Freed += batch.Count;
                batch = null;
            }
            if (retired.Count > 0)
            {
                batch = retired;
                retired = new();
                snapshot = new();
                participants.RemoveAll(w => !w.TryGetTarget(out _));
                // Every participant, not only those seen in compiled code: a vCPU's InRegions = 1 may not
                // be visible yet; by the next call it is, and then either it is still 1 with Passes
                // unchanged (wait) or Passes moved on (it left since).
                foreach (var w in participants)
                    if (w.TryGetTarget(out var p))
                    {
                        p.PassesAtSnapshot = Volatile.Read(ref p.Passes);
                        snapshot.Add(p);
                    }
            }
            Pending = batch is not null ? 1 : 0;
        }
    }
}
