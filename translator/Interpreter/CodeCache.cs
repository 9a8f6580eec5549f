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
    readonly Dictionary<ulong, List<Jit.Region>> regionsByPage = new();

    public long BlocksDecoded;
    public long BlocksInvalidated;

    public DecodedBlock? Find(ulong physicalAddress)
    {
        lock (gate) return byAddress.TryGetValue(physicalAddress, out var block) ? block : null;   // (GetValueOrDefault is JIT-compiled at start-up)
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

    /// <summary>Registers a region under every physical page its code lies on (false if one was invalidated meanwhile).</summary>
    public bool AddRegion(Jit.Region region)
    {
        lock (gate)
        {
            foreach (var block in region.Sources)
                if (!block.Valid) return false;
            foreach (var (_, page) in region.Pages)
            {
                if (!regionsByPage.TryGetValue(page, out var list)) regionsByPage[page] = list = new();
                list.Add(region);
            }
            RegionsFormed++;
            return true;
        }
    }

    public long RegionsFormed;
    public long RegionsInvalidated;

    /// <summary>Drops the blocks and regions of a physical page; returns how many blocks.</summary>
    public int InvalidatePage(ulong physicalPage)
    {
        lock (gate)
        {
            if (regionsByPage.Remove(physicalPage, out var regions))
                foreach (var region in regions)
                    if (region.Valid) { region.Valid = false; RegionsInvalidated++; }
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
            foreach (var list in regionsByPage.Values) foreach (var region in list) region.Valid = false;
            regionsByPage.Clear();
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
