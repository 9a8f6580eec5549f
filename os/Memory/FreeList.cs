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
    // An array and a count rather than a List<FreeBlock>: List over this struct would be JIT-compiled
    // at every start (a framework generic outside ReadyToRun's version bubble).
    FreeBlock[] blocks = new FreeBlock[8];
    int count;

    public int Count => count;
    public FreeBlock this[int i] => (uint)i < (uint)count ? blocks[i] : throw new ArgumentOutOfRangeException(nameof(i));
    public IEnumerable<FreeBlock> All
    {
        get { for (int i = 0; i < count; i++) yield return blocks[i]; }
    }

    void RemoveAt(int i)
    {
        Array.Copy(blocks, i + 1, blocks, i, count - i - 1);
        blocks[--count] = default;
    }

    void InsertAt(int i, FreeBlock b)
    {
        if (count == blocks.Length)
        {
            var grown = new FreeBlock[blocks.Length * 2];
            Array.Copy(blocks, grown, count);
            blocks = grown;
        }
        Array.Copy(blocks, i, blocks, i + 1, count - i);
        blocks[i] = b;
        count++;
    }

    /// <summary>Index of the first block with Base >= address (the insertion point).</summary>
    int LowerBound(ulong address)
    {
        int lo = 0, hi = count;
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
            RemoveAt(--i);
        }
        if (i < count && blocks[i].Base == b.End && blocks[i].Region == b.Region)
        {
            b = b with { Size = b.Size + blocks[i].Size };
            RemoveAt(i);
        }
        InsertAt(i, b);
    }

    /// <summary>Takes [start, start + size) out of block i, leaving what is left on either side.</summary>
    public void Carve(int i, ulong start, ulong size)
    {
        var b = this[i];
        RemoveAt(i);
        if (b.End > start + size) InsertAt(i, b with { Base = start + size, Size = b.End - (start + size) });
        if (start > b.Base) InsertAt(i, b with { Size = start - b.Base });
    }
}
