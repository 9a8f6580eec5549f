// FreeList: the memory manager's free blocks, sorted by address, with neighbour coalescing.
// A block belongs to one region (one RAM capability given to the manager); blocks of different
// regions never merge, even when adjacent, because each allocation is a retype of its region's
// capability. A sorted array with binary search: the list stays short (frees coalesce), and it
// is walked in address order by first fit.
// Locking: owned by MemoryManager, guarded by its lock.
namespace Fast.Os.Memory;

internal readonly record struct FreeBlock(ulong Base, ulong Size, int Region)
{
    public ulong End => Base + Size;
}

internal sealed class FreeList
{
    readonly List<FreeBlock> blocks = new();

    public int Count => blocks.Count;
    public FreeBlock this[int i] => blocks[i];
    public IEnumerable<FreeBlock> All => blocks;

    /// <summary>Index of the first block with Base >= address (the insertion point).</summary>
    int LowerBound(ulong address)
    {
        int lo = 0, hi = blocks.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (blocks[mid].Base < address) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Inserts a block and merges it with same-region neighbours that touch it.</summary>
    public void Insert(FreeBlock b)
    {
        int i = LowerBound(b.Base);
        if (i > 0 && blocks[i - 1].End == b.Base && blocks[i - 1].Region == b.Region)
        {
            b = b with { Base = blocks[i - 1].Base, Size = blocks[i - 1].Size + b.Size };
            blocks.RemoveAt(--i);
        }
        if (i < blocks.Count && blocks[i].Base == b.End && blocks[i].Region == b.Region)
        {
            b = b with { Size = b.Size + blocks[i].Size };
            blocks.RemoveAt(i);
        }
        blocks.Insert(i, b);
    }

    /// <summary>Takes [start, start + size) out of block i, leaving what is left on either side.</summary>
    public void Carve(int i, ulong start, ulong size)
    {
        var b = blocks[i];
        blocks.RemoveAt(i);
        if (b.End > start + size) blocks.Insert(i, b with { Base = start + size, Size = b.End - (start + size) });
        if (start > b.Base) blocks.Insert(i, b with { Size = start - b.Base });
    }
}
