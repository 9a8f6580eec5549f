// CodeCache: decoded blocks shared by all vCPUs, keyed by the guest physical address of their
// first instruction (a block holds no virtual-address assumptions: its semantics read PC from
// CpuState). Per page, the blocks it holds, so that a write to the page drops exactly those.
//
// Locking: one lock guards both maps; it is taken only on a jump-cache miss and on invalidation.
namespace Fast.Translator.Interpreter;

public sealed class CodeCache
{
    readonly object gate = new();
    readonly Dictionary<ulong, DecodedBlock> byAddress = new();
    readonly Dictionary<ulong, List<DecodedBlock>> byPage = new();

    public long BlocksDecoded;
    public long BlocksInvalidated;

    public DecodedBlock? Find(ulong physicalAddress)
    {
        lock (gate) return byAddress.GetValueOrDefault(physicalAddress);
    }

    public DecodedBlock Add(DecodedBlock block)
    {
        lock (gate)
        {
            // Two virtual addresses may alias one physical page: a block is reusable only at its own PC.
            if (byAddress.TryGetValue(block.PhysicalAddress, out var existing) && existing.Valid && existing.Pc == block.Pc) return existing;
            byAddress[block.PhysicalAddress] = block;
            if (!byPage.TryGetValue(block.PhysicalPage, out var list)) byPage[block.PhysicalPage] = list = new();
            list.Add(block);
            BlocksDecoded++;
            return block;
        }
    }

    /// <summary>Drops the blocks of a physical page; returns how many.</summary>
    public int InvalidatePage(ulong physicalPage)
    {
        lock (gate)
        {
            if (!byPage.Remove(physicalPage, out var list)) return 0;
            foreach (var block in list)
            {
                block.Valid = false;
                byAddress.Remove(block.PhysicalAddress);
                BlocksInvalidated++;
            }
            return list.Count;
        }
    }

    public void InvalidateAll()
    {
        lock (gate)
        {
            foreach (var block in byAddress.Values) block.Valid = false;
            BlocksInvalidated += byAddress.Count;
            byAddress.Clear();
            byPage.Clear();
        }
    }

    public IReadOnlyList<DecodedBlock> Snapshot()
    {
        lock (gate) return byAddress.Values.ToList();
    }
}
